import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { DateField, dayProblem } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useFormState } from '../../hooks/useFormState';
import { fieldHelp } from '../../components/FieldHelp';

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
  /** The API's limit of one item (limits.ts), stated under it (and counted when multiline). */
  max?: number;
  testId: string;
}

/** A list of sentences (decisions, go-live gates): one text field each. */
export function TextList({ title, values, onChange, itemLabel, addLabel, emptyText, removeLabel, messageOf, multiline = false, max, testId }: TextListProps) {
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
          {...fieldHelp({ error: messageOf?.(index), max, value: multiline ? row.text : undefined })}
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
  const form = useFormState(onClose);
  const onSubmit = () => {
    if (day && !form.check({ on: dayProblem(day.value, true, t) })) return;
    void form.run(onConfirm);
  };
  return (
    <FormDialog
      title={title}
      submitLabel={submitLabel}
      busy={form.busy}
      problem={form.problem}
      fields={day ? ['on'] : []}
      onSubmit={onSubmit}
      onClose={onClose}
      fullScreenOnPhone
      dividers
      tone={tone}
      testId={testId}
    >
      <Typography>{body}</Typography>
      {warning && <Alert severity="warning">{warning}</Alert>}
      {day && <DateField label={day.label} value={day.value} onChange={day.onChange} required disableFuture error={form.message('on')} testId={`${testId}-on`} />}
    </FormDialog>
  );
}
