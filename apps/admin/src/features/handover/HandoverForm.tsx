import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CombinedGraphQLErrors } from '@apollo/client';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import RefreshIcon from '@mui/icons-material/Refresh';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DATE_FORMAT, formatDate, fromIsoDate, toIsoDate, todayIso } from '../../dates';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { currentLanguage } from '../../i18n';

/** Local field errors by field path (`relieved.0.fullName`), shown before the API's. */
export type FieldErrors = Record<string, string>;

/** Runs a mutation from a dialog: the problem to show (CONFLICT apart, for its reload button) and the ILLEGAL_TRANSITION details. */
export function useMutationDialog(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<FieldErrors>({});
  const run = async (mutate: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    setError(null);
    try {
      await mutate();
      onDone();
    } catch (e) {
      setProblem(apiProblem(e));
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  /** Sets the form's own errors; true when there are none (then send). */
  const check = (errors: FieldErrors) => {
    setLocal(errors);
    return Object.keys(errors).length === 0;
  };
  const message = (field: string): string | undefined => local[field] ?? problem?.fields[field];
  return { busy, problem, error, run, check, message, local };
}

/** `extensions.<key>` of the first GraphQL error that has it (e.g. `unmetReadiness`). */
export function errorExtension<T>(error: unknown, key: string): T | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  for (const e of error.errors) {
    const value = e.extensions?.[key];
    if (value !== undefined) return value as T;
  }
  return undefined;
}

/** "Someone changed this record": the API's CONFLICT, with a button that reloads the record. */
export function ConflictAlert({ message, onReload, testId = 'conflict-alert' }: { message: string; onReload: () => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="warning"
      role="alert"
      data-testid={testId}
      action={
        <Button color="inherit" size="small" startIcon={<RefreshIcon />} onClick={onReload} sx={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-reload`}>
          {t('handover.form.reload')}
        </Button>
      }
    >
      {message}
    </Alert>
  );
}

export interface WideFormDialogProps {
  title: string;
  submitLabel: string;
  busy: boolean;
  /** Shown at the top: the API's problem (CONFLICT is shown by `conflict` instead). */
  problem: ApiProblem | null;
  /** The field paths the form shows errors under (the others are listed in the alert). */
  fields: readonly string[];
  /** What to do about a CONFLICT: reload the record (the dialog closes). */
  onReload?: () => void;
  /** What a CONFLICT says (default: a handover record was changed). */
  conflictMessage?: string;
  onSubmit: () => void;
  onClose: () => void;
  tone?: 'primary' | 'error';
  maxWidth?: 'sm' | 'md';
  testId: string;
  children: ReactNode;
}

/**
 * A dialog holding one form, like the app's FormDialog but wide enough for rows of people or
 * equipment (full screen on phones), and with a reload button for CONFLICT.
 */
export function WideFormDialog({
  title,
  submitLabel,
  busy,
  problem,
  fields,
  onReload,
  conflictMessage,
  onSubmit,
  onClose,
  tone = 'primary',
  maxWidth = 'md',
  testId,
  children,
}: WideFormDialogProps) {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  const conflict = problem?.code === 'CONFLICT' && onReload;
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      fullWidth
      fullScreen={phone}
      maxWidth={maxWidth}
      aria-labelledby={`${testId}-title`}
      slotProps={{ paper: { component: 'form', noValidate: true, onSubmit: submit, 'data-testid': testId } as object }}
    >
      {busy && <LinearProgress aria-label={t('form.saving')} />}
      <DialogTitle id={`${testId}-title`}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          {conflict ? (
            <ConflictAlert message={conflictMessage ?? t('handover.form.conflict')} onReload={onReload} />
          ) : (
            <ProblemAlert problem={problem} shownFields={fields} />
          )}
          {children}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" variant="contained" color={tone} disabled={busy} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  helperText?: string;
  required?: boolean;
  disableFuture?: boolean;
  /** The earliest day allowed (YYYY-MM-DD). */
  minDate?: string | null;
  testId?: string;
}

/** A day (dd/MM/yyyy) kept as the API's YYYY-MM-DD; '' when empty, 'invalid' when half typed. */
export function DateField({ label, value, onChange, error, helperText, required, disableFuture, minDate, testId }: DateFieldProps) {
  return (
    <DatePicker
      label={label}
      format={DATE_FORMAT}
      value={value === 'invalid' ? new Date(Number.NaN) : fromIsoDate(value)}
      onChange={(day) => onChange(day === null ? '' : Number.isNaN(day.getTime()) ? 'invalid' : toIsoDate(day))}
      disableFuture={disableFuture}
      minDate={fromIsoDate(minDate) ?? undefined}
      slotProps={{
        textField: {
          required,
          error: Boolean(error),
          helperText: error ?? helperText,
          fullWidth: true,
          slotProps: testId ? { htmlInput: { 'data-testid': testId } } : undefined,
        } as object,
      }}
    />
  );
}

/** Checks a day field: required, well-formed, not in the future, not before `min`. */
export function useCheckDay() {
  const { t } = useTranslation();
  return (
    value: string,
    { required = false, noFuture = false, min }: { required?: boolean; noFuture?: boolean; min?: string | null } = {},
  ): string | undefined => {
    if (!value) return required ? t('form.required') : undefined;
    if (value === 'invalid') return t('form.invalidDate');
    if (noFuture && value > todayIso()) return t('handover.form.futureDate');
    if (min && value < min) return t('handover.form.notBefore', { date: formatDate(min) });
    return undefined;
  };
}

/** One column of a repeatable row. */
export interface RowColumn<K extends string> {
  key: K;
  label: string;
  required?: boolean;
  /** `integer` and `money`: digits only; money (VND) is repeated with separators under the field. */
  kind?: 'text' | 'integer' | 'money';
  /** Grows relative to the other columns. */
  grow?: number;
}

interface RowsEditorProps<K extends string> {
  /** The list's field path in the input, e.g. `relieved`: row fields are `relieved.<i>.<key>`. */
  path: string;
  title: string;
  columns: readonly RowColumn<K>[];
  rows: ReadonlyArray<Record<K, string>>;
  onChange: (rows: Array<Record<K, string>>) => void;
  message: (field: string) => string | undefined;
  addLabel: string;
  removeLabel: string;
  /** Shown when there is no row. */
  emptyText: string;
  /** The least number of rows (the remove button hides below it). */
  min?: number;
  /** A new row (default: every field empty). */
  newRow?: () => Record<K, string>;
  testId: string;
}

/** A list of rows of fields (people, signatories, equipment) with add and remove; errors by row path. */
export function RowsEditor<K extends string>({
  path,
  title,
  columns,
  rows,
  onChange,
  message,
  addLabel,
  removeLabel,
  emptyText,
  min = 0,
  newRow,
  testId,
}: RowsEditorProps<K>) {
  const blank = newRow ?? (() => Object.fromEntries(columns.map((c) => [c.key, ''])) as Record<K, string>);
  const set = (index: number, key: K, value: string) => onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  const listError = message(path);
  const lang = currentLanguage();
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }} data-testid={testId}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Stack spacing={1.5}>
        {rows.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {emptyText}
          </Typography>
        )}
        {rows.map((row, index) => (
          <Stack
            key={index}
            direction="row"
            spacing={1}
            sx={{ alignItems: 'flex-start' }}
            data-testid={`${testId}-row-${index}`}
            role="group"
            aria-label={`${title} ${index + 1}`}
          >
            <Typography variant="body2" color="text.secondary" sx={{ pt: 2, width: 20, flexShrink: 0, textAlign: 'right' }}>
              {index + 1}.
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, flexGrow: 1, minWidth: 0 }}>
              {columns.map((column) => {
                const field = `${path}.${index}.${column.key}`;
                const error = message(field);
                const value = row[column.key];
                const digits = column.kind === 'integer' || column.kind === 'money';
                const amount = column.kind === 'money' && value !== '' && !Number.isNaN(Number(value)) ? formatVnd(Number(value), lang) : undefined;
                return (
                  <TextField
                    key={column.key}
                    size="small"
                    label={column.label}
                    value={value}
                    required={column.required}
                    onChange={(e) => set(index, column.key, digits ? e.target.value.replace(/[^\d]/g, '') : e.target.value)}
                    error={Boolean(error)}
                    helperText={error ?? amount}
                    sx={{ flex: `${column.grow ?? 1} 1 ${digits ? 110 : 160}px` }}
                    slotProps={{ htmlInput: { 'data-testid': `${testId}-${index}-${column.key}`, inputMode: digits ? 'numeric' : undefined } }}
                  />
                );
              })}
            </Box>
            {rows.length > min && (
              <Tooltip title={removeLabel}>
                <IconButton
                  aria-label={`${removeLabel} ${index + 1}`}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  sx={{ mt: 0.5 }}
                  data-testid={`${testId}-${index}-remove`}
                >
                  <DeleteOutlineIcon />
                </IconButton>
              </Tooltip>
            )}
          </Stack>
        ))}
      </Stack>
      {listError && <FormHelperText error>{listError}</FormHelperText>}
      <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...rows, blank()])} sx={{ mt: 1 }} data-testid={`${testId}-add`}>
        {addLabel}
      </Button>
    </Box>
  );
}

/** Marks the required cells left empty, as `<path>.<i>.<key>`. */
export function checkRows<K extends string>(path: string, rows: ReadonlyArray<Record<K, string>>, required: readonly K[], requiredText: string): FieldErrors {
  const errors: FieldErrors = {};
  rows.forEach((row, i) => {
    for (const key of required) if (!row[key].trim()) errors[`${path}.${i}.${key}`] = requiredText;
  });
  return errors;
}

/** The field paths of a list of rows (for the dialog's "shown fields"). */
export function rowPaths(path: string, count: number, keys: readonly string[]): string[] {
  return [path, ...Array.from({ length: count }, (_, i) => keys.map((k) => `${path}.${i}.${k}`)).flat()];
}

/** A confirmation box the user must tick before an irreversible step. */
export function ConfirmBox({
  checked,
  onChange,
  label,
  error,
  testId,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  error?: string;
  testId: string;
}) {
  return (
    <Box>
      <FormControlLabel
        control={<Checkbox checked={checked} onChange={(e) => onChange(e.target.checked)} slotProps={{ input: { 'data-testid': testId } as object }} />}
        label={label}
      />
      {error && <FormHelperText error>{error}</FormHelperText>}
    </Box>
  );
}

/** VND, with the separators of the language in use. */
export function formatVnd(value: number, language: string = currentLanguage()): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(value);
}

/** A whole number with the separators of the language in use. */
export function formatCount(value: number, language: string = currentLanguage()): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN').format(value);
}
