import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { SetDeskOpeningHoursDocument, type DeskOpeningHoursFragment } from '../../graphql/generated';
import { useFormState } from '../../hooks/useFormState';
import { normaliseTime, timeRange, WEEKDAYS, type Weekday } from '../staff/days';
import { checkWeek, flatIndex, newRow, officeHours, rowsOf, type IntervalRow, type WeekRows } from './hours';

interface Props {
  deskId: string;
  hours: readonly DeskOpeningHoursFragment[];
  onClose: () => void;
}

/**
 * Giờ làm việc hằng tuần: each weekday's intervals (HH:mm) with the counters to staff in each; a day
 * without any is closed. A desk without hours starts from office hours (Monday to Friday, 07:30–11:30
 * and 13:30–17:00). The whole week replaces the one before.
 */
export function OpeningHoursDialog({ deskId, hours, onClose }: Props) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<WeekRows>(() => rowsOf(hours));
  const [setHours] = useMutation(SetDeskOpeningHoursDocument, { refetchQueries: ['DeskCounters'] });
  const form = useFormState(onClose);
  const count = WEEKDAYS.reduce((n, d) => n + rows[d].length, 0);
  const fields = ['deskId', 'intervals', ...Array.from({ length: count }, (_v, i) => ['weekday', 'opensAt', 'closesAt', 'demand'].map((k) => `intervals.${i}.${k}`)).flat()];

  const update = (weekday: Weekday, index: number, patch: Partial<IntervalRow>) =>
    setRows((r) => ({ ...r, [weekday]: r[weekday].map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  /** "730" or "7h30" reads as 07:30 once the field is left. */
  const tidy = (weekday: Weekday, index: number, key: 'opensAt' | 'closesAt') => {
    const time = normaliseTime(rows[weekday][index][key]);
    if (time) update(weekday, index, { [key]: time });
  };

  const onSubmit = () => {
    const { messages, intervals } = checkWeek(rows, t);
    if (form.check(messages)) void form.run(() => setHours({ variables: { input: { deskId, intervals } } }));
  };

  return (
    <FormDialog
      title={t('staff.hours.editTitle')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={fields}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      dividers
      testId="hours-form"
    >
      <Alert
        severity="info"
        action={
          <Button color="inherit" size="small" onClick={() => setRows(officeHours())} sx={{ whiteSpace: 'nowrap' }} data-testid="hours-defaults">
            {t('staff.hours.defaults')}
          </Button>
        }
      >
        {t('staff.hours.intro')} {t('staff.hours.defaultsHint')}
      </Alert>
      {WEEKDAYS.map((weekday) => {
        const day = t(`staff.labels.weekday.${weekday}`);
        return (
          <Box key={weekday} component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }} data-testid={`hours-day-${weekday}`}>
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
              <Typography component="legend" variant="subtitle2">
                {day}
              </Typography>
              <Button
                size="small"
                startIcon={<AddIcon />}
                onClick={() => setRows((r) => ({ ...r, [weekday]: [...r[weekday], newRow()] }))}
                aria-label={t('staff.hours.addIntervalTo', { weekday: day })}
                data-testid={`hours-add-${weekday}`}
              >
                {t('staff.hours.addInterval')}
              </Button>
            </Stack>
            {rows[weekday].length === 0 && (
              <Typography variant="body2" color="text.secondary">
                {t('staff.hours.closedAllDay')}
              </Typography>
            )}
            <Stack spacing={1.5}>
              {rows[weekday].map((row, index) => {
                const path = `intervals.${flatIndex(rows, weekday, index)}`;
                const id = `hours-${weekday}-${index}`;
                return (
                  <Stack key={row.key} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-testid={id}>
                    <TextField
                      size="small"
                      label={t('staff.hours.opensAt')}
                      value={row.opensAt}
                      onChange={(e) => update(weekday, index, { opensAt: e.target.value })}
                      onBlur={() => tidy(weekday, index, 'opensAt')}
                      placeholder={t('staff.hours.timeHint')}
                      {...fieldHelp({ error: form.message(`${path}.opensAt`) })}
                      sx={{ flex: '1 1 0', minWidth: 0 }}
                      slotProps={{ htmlInput: { 'data-testid': `${id}-opensAt`, inputMode: 'numeric', maxLength: 5 }, inputLabel: { shrink: true } }}
                    />
                    <TextField
                      size="small"
                      label={t('staff.hours.closesAt')}
                      value={row.closesAt}
                      onChange={(e) => update(weekday, index, { closesAt: e.target.value })}
                      onBlur={() => tidy(weekday, index, 'closesAt')}
                      placeholder={t('staff.hours.timeHint')}
                      {...fieldHelp({ error: form.message(`${path}.closesAt`) })}
                      sx={{ flex: '1 1 0', minWidth: 0 }}
                      slotProps={{ htmlInput: { 'data-testid': `${id}-closesAt`, inputMode: 'numeric', maxLength: 5 }, inputLabel: { shrink: true } }}
                    />
                    <TextField
                      size="small"
                      label={t('staff.hours.demand')}
                      value={row.demand}
                      onChange={(e) => update(weekday, index, { demand: e.target.value })}
                      placeholder={t('staff.hours.demandHint')}
                      {...fieldHelp({ error: form.message(`${path}.demand`) })}
                      sx={{ flex: '1.3 1 0', minWidth: 0 }}
                      slotProps={{ htmlInput: { 'data-testid': `${id}-demand`, inputMode: 'numeric', maxLength: 3 }, inputLabel: { shrink: true } }}
                    />
                    <IconButton
                      onClick={() => setRows((r) => ({ ...r, [weekday]: r[weekday].filter((_x, i) => i !== index) }))}
                      aria-label={t('staff.hours.removeInterval', { range: timeRange(row.opensAt || '…', row.closesAt || '…'), weekday: day })}
                      data-testid={`${id}-remove`}
                      sx={{ mt: 0.25 }}
                    >
                      <DeleteOutlineIcon fontSize="small" />
                    </IconButton>
                  </Stack>
                );
              })}
            </Stack>
          </Box>
        );
      })}
    </FormDialog>
  );
}
