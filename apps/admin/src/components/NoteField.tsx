import TextField from '@mui/material/TextField';
import { LIMITS } from '../limits';
import { fieldHelp } from './FieldHelp';

interface NoteFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The form's or the API's message; shown under `helperText`, which stays. */
  error?: string;
  helperText?: string;
  required?: boolean;
  autoFocus?: boolean;
  /** The API's limit (default: a note's 2,000 characters): stated, counted as typed, and enforced. */
  max?: number;
  /** On the text area. */
  testId: string;
}

/** Free text of a form (a note, a reason, a condition): two lines to start, its limit stated and counted. */
export function NoteField({ label, value, onChange, error, helperText, required, autoFocus, max = LIMITS.note, testId }: NoteFieldProps) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={required}
      autoFocus={autoFocus}
      multiline
      minRows={2}
      {...fieldHelp({ hint: helperText, error, max, value })}
      slotProps={{ htmlInput: { 'data-testid': testId, maxLength: max } }}
    />
  );
}
