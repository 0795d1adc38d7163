import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { todayIso } from '../../dates';
import { chooseSlotProps } from '../../components/choose';
import { DateField, dayProblem } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { NoteField } from '../../components/NoteField';
import {
  AddDeskOpeningExceptionDocument,
  CreateDeskCounterDocument,
  StaffProcedureFieldsDocument,
  UpdateDeskCounterDocument,
  type CounterStatus,
  type DeskCounterFragment,
} from '../../graphql/generated';
import { useFormState } from '../../hooks/useFormState';
import { LIMITS } from '../../limits';
import { normaliseTime } from '../staff/days';
import { COUNTER_STATUSES } from '../staff/enums';

const REFETCH = ['DeskCounters'];

interface CounterDialogProps {
  deskId: string;
  /** Edit this counter; without it, a new one. */
  counter?: DeskCounterFragment;
  /** The number a new counter starts with (the next after the desk's highest). */
  nextNumber?: number;
  onClose: () => void;
  onReload: () => void;
}

/** Thêm quầy / Sửa quầy: number, name, the fields it serves and (edit) its status: open, closed for now, retired. */
export function CounterDialog({ deskId, counter, nextNumber = 1, onClose, onReload }: CounterDialogProps) {
  const { t } = useTranslation();
  const { data } = useQuery(StaffProcedureFieldsDocument);
  const options = data?.procedureFields ?? [];
  const [number, setNumber] = useState(String(counter?.number ?? nextNumber));
  const [name, setName] = useState(counter?.name ?? '');
  const [fieldIds, setFieldIds] = useState<string[]>(counter?.fields.map((f) => f.id) ?? []);
  const [status, setStatus] = useState<CounterStatus>(counter?.status ?? 'OPEN');
  const [create] = useMutation(CreateDeskCounterDocument, { refetchQueries: REFETCH });
  const [update] = useMutation(UpdateDeskCounterDocument, { refetchQueries: REFETCH });
  const form = useFormState(onClose);
  const fieldsError = form.message('fieldIds') ?? fieldIds.map((_id, i) => form.message(`fieldIds.${i}`)).find(Boolean);

  const onSubmit = () => {
    const n = number.trim();
    const ok = form.check({
      number: /^\d+$/.test(n) && Number(n) >= 1 && Number(n) <= 999 ? undefined : t('staff.counters.numberInvalid'),
      name: name.trim() ? undefined : t('form.required'),
    });
    if (!ok) return;
    void form.run(() =>
      counter
        ? update({ variables: { input: { id: counter.id, version: counter.version, number: Number(n), name: name.trim(), fieldIds, status } } })
        : create({ variables: { input: { deskId, number: Number(n), name: name.trim(), fieldIds } } }),
    );
  };

  return (
    <FormDialog
      title={counter ? t('staff.counters.editTitle', { number: counter.number }) : t('staff.counters.createTitle')}
      submitLabel={counter ? t('form.save') : t('form.create')}
      busy={form.busy}
      problem={form.problem}
      fields={['deskId', 'number', 'name', 'fieldIds', 'status', ...fieldIds.map((_id, i) => `fieldIds.${i}`)]}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={counter ? onReload : undefined}
      conflictMessage={t('staff.counters.conflict')}
      testId="counter-form"
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label={t('staff.counters.number')}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          required
          {...fieldHelp({ error: form.message('number') })}
          sx={{ flex: '0 0 160px' }}
          slotProps={{ htmlInput: { 'data-testid': 'counter-number', inputMode: 'numeric', maxLength: 3 } }}
        />
        <TextField
          label={t('staff.counters.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          fullWidth
          {...fieldHelp({ hint: t('staff.counters.nameHint'), error: form.message('name'), max: LIMITS.name })}
          slotProps={{ htmlInput: { 'data-testid': 'counter-name', maxLength: LIMITS.name } }}
        />
      </Stack>
      <TextField
        select
        label={t('staff.counters.fields')}
        value={options.length ? fieldIds : []}
        onChange={(e) => setFieldIds(typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]))}
        {...fieldHelp({ hint: t('staff.counters.fieldsHint'), error: fieldsError })}
        slotProps={chooseSlotProps<string[]>(t, (ids) => ids.map((id) => options.find((f) => f.id === id)?.name ?? '').join(', '), {
          multiple: true,
          SelectDisplayProps: { 'data-testid': 'counter-fields' },
        })}
      >
        {options.map((f) => (
          <MenuItem key={f.id} value={f.id}>
            {f.name}
          </MenuItem>
        ))}
      </TextField>
      {counter && (
        <TextField
          select
          label={t('staff.counters.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as CounterStatus)}
          {...fieldHelp({ hint: t('staff.counters.statusHint'), error: form.message('status') })}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'counter-status-select' } as object } }}
        >
          {COUNTER_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`staff.labels.counterStatus.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
    </FormDialog>
  );
}

/** Ngày nghỉ hoặc giờ làm việc riêng: a day closed all day, or open at special hours (with the counters to staff), and why. */
export function OpeningExceptionDialog({ deskId, onClose }: { deskId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState('');
  const [closed, setClosed] = useState(true);
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [demand, setDemand] = useState('');
  const [note, setNote] = useState('');
  const [add] = useMutation(AddDeskOpeningExceptionDocument, { refetchQueries: REFETCH });
  const form = useFormState(onClose);

  const onSubmit = () => {
    const opens = normaliseTime(opensAt);
    const closes = normaliseTime(closesAt);
    const d = demand.trim();
    const ok = form.check({
      day: dayProblem(day, true, t),
      opensAt: !closed && !opens ? t('staff.hours.invalidTime') : undefined,
      closesAt: closed ? undefined : !closes ? t('staff.hours.invalidTime') : opens && closes <= opens ? t('staff.hours.closeAfterOpen') : undefined,
      demand: !closed && d && !(/^\d+$/.test(d) && Number(d) <= 999) ? t('staff.hours.demandInvalid') : undefined,
      note: note.trim() ? undefined : t('form.required'),
    });
    if (!ok) return;
    void form.run(() =>
      add({
        variables: {
          input: {
            deskId,
            day,
            opensAt: closed ? null : opens,
            closesAt: closed ? null : closes,
            demand: closed || !d ? null : Number(d),
            note: note.trim(),
          },
        },
      }),
    );
  };

  return (
    <FormDialog
      title={t('staff.exceptions.addTitle')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={['deskId', 'day', 'opensAt', 'closesAt', 'demand', 'note']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="exception-form"
    >
      <DateField label={t('staff.exceptions.day')} value={day} onChange={setDay} required error={form.message('day')} minDate={todayIso()} testId="exception-day" />
      <FormControl>
        <FormLabel id="exception-kind">{t('staff.exceptions.kind')}</FormLabel>
        <RadioGroup row aria-labelledby="exception-kind" value={closed ? 'closed' : 'special'} onChange={(e) => setClosed(e.target.value === 'closed')}>
          <FormControlLabel value="closed" control={<Radio slotProps={{ input: { 'data-testid': 'exception-closed' } as object }} />} label={t('staff.exceptions.closed')} />
          <FormControlLabel value="special" control={<Radio slotProps={{ input: { 'data-testid': 'exception-special' } as object }} />} label={t('staff.exceptions.special')} />
        </RadioGroup>
      </FormControl>
      {!closed && (
        <Stack direction="row" spacing={1}>
          <TextField
            label={t('staff.hours.opensAt')}
            value={opensAt}
            onChange={(e) => setOpensAt(e.target.value)}
            onBlur={() => setOpensAt((v) => normaliseTime(v) ?? v)}
            required
            placeholder={t('staff.hours.timeHint')}
            {...fieldHelp({ error: form.message('opensAt') })}
            sx={{ flex: '1 1 0', minWidth: 0 }}
            slotProps={{ htmlInput: { 'data-testid': 'exception-opens-at', inputMode: 'numeric', maxLength: 5 }, inputLabel: { shrink: true } }}
          />
          <TextField
            label={t('staff.hours.closesAt')}
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            onBlur={() => setClosesAt((v) => normaliseTime(v) ?? v)}
            required
            placeholder={t('staff.hours.timeHint')}
            {...fieldHelp({ error: form.message('closesAt') })}
            sx={{ flex: '1 1 0', minWidth: 0 }}
            slotProps={{ htmlInput: { 'data-testid': 'exception-closes-at', inputMode: 'numeric', maxLength: 5 }, inputLabel: { shrink: true } }}
          />
          <TextField
            label={t('staff.hours.demand')}
            value={demand}
            onChange={(e) => setDemand(e.target.value)}
            placeholder={t('staff.hours.demandHint')}
            {...fieldHelp({ error: form.message('demand') })}
            sx={{ flex: '1.3 1 0', minWidth: 0 }}
            slotProps={{ htmlInput: { 'data-testid': 'exception-demand', inputMode: 'numeric', maxLength: 3 }, inputLabel: { shrink: true } }}
          />
        </Stack>
      )}
      <NoteField
        label={t('staff.exceptions.reason')}
        value={note}
        onChange={setNote}
        required
        helperText={t('staff.exceptions.reasonHint')}
        error={form.message('note')}
        max={LIMITS.exceptionReason}
        testId="exception-note"
      />
    </FormDialog>
  );
}
