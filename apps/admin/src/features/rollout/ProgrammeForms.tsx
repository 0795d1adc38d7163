import { useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DATE_FORMAT, fromIsoDate, isIsoDate, toIsoDate } from '../../dates';
import { apiProblem, type ApiProblem } from '../../graphql/errors';

/**
 * The state of a rollout form: the form's own checks (`local`, by field path such as
 * `legalBasis.0.number`) and the API's answer. A field shows the form's message first, then the API's.
 */
export function useRolloutForm(onDone: () => void = () => undefined) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
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
  /** Sets the form's own messages; true when there are none (the form may be sent). */
  const check = (messages: Record<string, string | false | null | undefined>) => {
    const found = Object.fromEntries(Object.entries(messages).filter((e): e is [string, string] => Boolean(e[1])));
    setLocal(found);
    return Object.keys(found).length === 0;
  };
  const message = (field: string): string | undefined => local[field] ?? problem?.fields[field];
  return { busy, problem, run, check, message, reset: () => setProblem(null) };
}

export type RolloutForm = ReturnType<typeof useRolloutForm>;

interface RolloutDialogProps {
  open?: boolean;
  title: string;
  submitLabel: string;
  form: Pick<RolloutForm, 'busy' | 'problem'>;
  /** The field paths this form shows errors under (others are listed in the alert). */
  fields: readonly string[];
  onSubmit: () => void;
  onClose: () => void;
  maxWidth?: 'sm' | 'md' | 'lg';
  tone?: 'primary' | 'error';
  testId: string;
  children: ReactNode;
}

/**
 * A dialog holding one form, as components/FormDialog but wider when the form has rows (legal
 * documents, action items, desks): Enter submits, Esc cancels, full screen on phones.
 */
export function RolloutDialog({ open = true, title, submitLabel, form, fields, onSubmit, onClose, maxWidth = 'md', tone = 'primary', testId, children }: RolloutDialogProps) {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.busy) onSubmit();
  };
  return (
    <Dialog
      open={open}
      onClose={form.busy ? undefined : onClose}
      fullWidth
      fullScreen={phone}
      maxWidth={maxWidth}
      aria-labelledby={`${testId}-title`}
      slotProps={{ paper: { component: 'form', noValidate: true, onSubmit: submit, 'data-testid': testId } as object }}
    >
      {form.busy && <LinearProgress aria-label={t('form.saving')} />}
      <DialogTitle id={`${testId}-title`}>{title}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          <ProblemAlert problem={form.problem} shownFields={fields} />
          {children}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        <Button onClick={onClose} disabled={form.busy}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" variant="contained" color={tone} disabled={form.busy} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD, or '' when empty or not a whole day yet. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string;
  helperText?: string;
  testId?: string;
  size?: 'small' | 'medium';
  minDate?: string;
  disableFuture?: boolean;
  fullWidth?: boolean;
}

/** What a DateField hands the form while the day typed is not a whole, real day yet. */
export const INVALID_DAY = 'invalid';

/**
 * A day, typed or picked, shown dd/MM/yyyy; the form gets the API's YYYY-MM-DD, '' when empty, or
 * {@link INVALID_DAY} while what is typed is not a day (the field keeps showing it).
 */
export function DateField({ label, value, onChange, required, error, helperText, testId, size, minDate, disableFuture, fullWidth = true }: DateFieldProps) {
  const [draft, setDraft] = useState<Date | null>(null);
  return (
    <DatePicker
      label={label}
      format={DATE_FORMAT}
      value={value === INVALID_DAY ? draft : fromIsoDate(value)}
      onChange={(date) => {
        setDraft(date);
        onChange(!date ? '' : !Number.isNaN(date.getTime()) && date.getFullYear() >= 1900 ? toIsoDate(date) : INVALID_DAY);
      }}
      minDate={fromIsoDate(minDate) ?? undefined}
      disableFuture={disableFuture}
      slotProps={{
        textField: { required, size, fullWidth, error: Boolean(error), helperText: error ?? helperText, 'data-testid': testId } as object,
      }}
    />
  );
}

/** The message for a required day: empty, or not a real day. */
export function dayProblem(value: string, required: boolean, t: TFunction): string | undefined {
  if (!value) return required ? t('form.required') : undefined;
  return isIsoDate(value) ? undefined : t('form.invalidDate');
}

interface RowListProps<R> {
  /** Heading of the list. */
  title: string;
  rows: readonly R[];
  onChange: (rows: R[]) => void;
  /** A new, empty row. */
  blank: () => R;
  addLabel: string;
  /** Shown while there is no row. */
  emptyText: string;
  renderRow: (row: R, index: number, update: (patch: Partial<R>) => void) => ReactNode;
  /** Labels the remove button of a row. */
  removeLabel: (index: number) => string;
  /** A message about the list as a whole (e.g. the API's `legalBasis`). */
  error?: string;
  testId: string;
}

/** Rows of a form (legal documents, committee members, action items…): add, edit, remove. */
export function RowList<R>({ title, rows, onChange, blank, addLabel, emptyText, renderRow, removeLabel, error, testId }: RowListProps<R>) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }} data-testid={testId}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      <Stack spacing={1.5}>
        {rows.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {emptyText}
          </Typography>
        )}
        {rows.map((row, index) => (
          <Box
            key={index}
            data-testid={`${testId}-row`}
            sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.default' }}
          >
            <Box sx={{ flexGrow: 1, minWidth: 0 }}>{renderRow(row, index, (patch) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r))))}</Box>
            <IconButton aria-label={removeLabel(index)} onClick={() => onChange(rows.filter((_r, i) => i !== index))} size="small" sx={{ mt: 0.5 }}>
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
      </Stack>
      <Button startIcon={<AddIcon />} onClick={() => onChange([...rows, blank()])} sx={{ mt: 1 }} data-testid={`${testId}-add`}>
        {addLabel}
      </Button>
    </Box>
  );
}

interface TextListProps {
  title: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  itemLabel: (index: number) => string;
  addLabel: string;
  emptyText: string;
  removeLabel: (index: number) => string;
  /** The message of an item (e.g. `goLiveGates.1`). */
  messageOf?: (index: number) => string | undefined;
  multiline?: boolean;
  testId: string;
}

/** A list of sentences (decisions, go-live gates): one text field each. */
export function TextList({ title, values, onChange, itemLabel, addLabel, emptyText, removeLabel, messageOf, multiline = false, testId }: TextListProps) {
  return (
    <RowList<{ text: string }>
      title={title}
      rows={values.map((text) => ({ text }))}
      onChange={(rows) => onChange(rows.map((r) => r.text))}
      blank={() => ({ text: '' })}
      addLabel={addLabel}
      emptyText={emptyText}
      removeLabel={removeLabel}
      testId={testId}
      renderRow={(row, index, update) => (
        <TextField
          label={itemLabel(index)}
          value={row.text}
          onChange={(e) => update({ text: e.target.value })}
          fullWidth
          size="small"
          multiline={multiline}
          error={Boolean(messageOf?.(index))}
          helperText={messageOf?.(index)}
          slotProps={{ htmlInput: { 'data-testid': `${testId}-${index}` } }}
        />
      )}
    />
  );
}

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in a sentence. */
  body: string;
  warning?: string;
  submitLabel: string;
  /** A day to state (the actual start or end of a phase), default today. */
  day?: { label: string; value: string; onChange: (value: string) => void };
  tone?: 'primary' | 'error';
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  testId: string;
}

/**
 * Confirms a move that cannot be undone (a programme or phase status). The API's refusal
 * (ILLEGAL_TRANSITION with the reason, CONFLICT for a stale version) shows at the top.
 */
export function ConfirmDialog({ title, body, warning, submitLabel, day, tone = 'primary', onConfirm, onClose, testId }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const form = useRolloutForm(onClose);
  const onSubmit = () => {
    if (day && !form.check({ on: dayProblem(day.value, true, t) })) return;
    void form.run(onConfirm);
  };
  return (
    <RolloutDialog title={title} submitLabel={submitLabel} form={form} fields={day ? ['on'] : []} onSubmit={onSubmit} onClose={onClose} maxWidth="sm" tone={tone} testId={testId}>
      <Typography>{body}</Typography>
      {warning && <Alert severity="warning">{warning}</Alert>}
      {day && <DateField label={day.label} value={day.value} onChange={day.onChange} required disableFuture error={form.message('on')} testId={`${testId}-on`} />}
    </RolloutDialog>
  );
}
