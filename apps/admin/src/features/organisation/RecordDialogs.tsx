import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { FormDialog, fieldMessage } from '../../components/FormDialog';
import { DATE_FORMAT, fromIsoDate, isIsoDate, toIsoDate, todayIso } from '../../dates';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { UnitPicker, type UnitOption } from './pickers';

/** Runs a mutation from a dialog: keeps the error to show, closes on success. */
export function useDialogSubmit(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async (mutate: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await mutate();
      onDone();
    } catch (error) {
      setProblem(apiProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run, reset: () => setProblem(null) };
}

interface RecordDialogProps<V> {
  open: boolean;
  onClose: () => void;
  /** Sends the mutation; rejects with the Apollo error. */
  submit: (value: V) => Promise<unknown>;
}

/** Đổi tên: the `name` of the rename inputs. */
export function RenameDialog({ open, onClose, submit, currentName }: RecordDialogProps<string> & { currentName: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(currentName);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { busy, problem, run } = useDialogSubmit(onClose);
  const onSubmit = () => {
    const missing: Record<string, string> = name.trim() ? {} : { name: t('form.required') };
    setLocal(missing);
    if (!missing.name) void run(() => submit(name.trim()));
  };
  return (
    <FormDialog
      open={open}
      title={t('organisation.actions.rename')}
      submitLabel={t('form.save')}
      busy={busy}
      problem={problem}
      fields={['name']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="rename-dialog"
    >
      <TextField
        label={t('organisation.fields.newName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoFocus
        error={Boolean(fieldMessage('name', problem, local))}
        helperText={fieldMessage('name', problem, local)}
        slotProps={{ htmlInput: { 'data-testid': 'rename-name' } }}
      />
    </FormDialog>
  );
}

/** Chuyển đơn vị: the `administrativeUnitCode` of the move inputs. */
export function MoveDialog({ open, onClose, submit, currentUnit }: RecordDialogProps<string> & { currentUnit: string }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { busy, problem, run } = useDialogSubmit(onClose);
  const onSubmit = () => {
    const missing: Record<string, string> = unit ? {} : { administrativeUnitCode: t('form.required') };
    setLocal(missing);
    if (unit) void run(() => submit(unit.code));
  };
  return (
    <FormDialog
      open={open}
      title={t('organisation.actions.move')}
      submitLabel={t('organisation.actions.moveSubmit')}
      busy={busy}
      problem={problem}
      fields={['administrativeUnitCode']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="move-dialog"
    >
      <Alert severity="info">{t('organisation.moveHint', { unit: currentUnit })}</Alert>
      <UnitPicker
        label={t('organisation.fields.newUnit')}
        value={unit}
        onChange={setUnit}
        required
        error={fieldMessage('administrativeUnitCode', problem, local)}
        helperText={t('organisation.unitPickerHint')}
        testId="move-unit"
      />
    </FormDialog>
  );
}

/** Ngừng hoạt động: the `retiredOn` of the retire inputs (default today). */
export function RetireDialog({ open, onClose, submit, name }: RecordDialogProps<string> & { name: string }) {
  const { t } = useTranslation();
  const [day, setDay] = useState<string>(todayIso());
  const [local, setLocal] = useState<Record<string, string>>({});
  const { busy, problem, run } = useDialogSubmit(onClose);
  const onSubmit = () => {
    const bad: Record<string, string> = isIsoDate(day) ? {} : { retiredOn: t('form.invalidDate') };
    setLocal(bad);
    if (!bad.retiredOn) void run(() => submit(day));
  };
  const message = fieldMessage('retiredOn', problem, local);
  return (
    <FormDialog
      open={open}
      title={t('organisation.actions.retire')}
      submitLabel={t('organisation.actions.retireSubmit')}
      tone="error"
      busy={busy}
      problem={problem}
      fields={['retiredOn']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="retire-dialog"
    >
      <Alert severity="warning">{t('organisation.retireWarning', { name })}</Alert>
      <DatePicker
        label={t('organisation.fields.retiredOn')}
        format={DATE_FORMAT}
        value={fromIsoDate(day)}
        onChange={(value) => setDay(value && !Number.isNaN(value.getTime()) ? toIsoDate(value) : '')}
        slotProps={{ textField: { required: true, error: Boolean(message), helperText: message } }}
      />
    </FormDialog>
  );
}
