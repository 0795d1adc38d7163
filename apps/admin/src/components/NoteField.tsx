import TextField from '@mui/material/TextField';

interface NoteFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The form's or the API's message; shown instead of `helperText`. */
  error?: string;
  helperText?: string;
  required?: boolean;
  autoFocus?: boolean;
  /** On the text area. */
  testId: string;
}

/** Free text of a form (a note, a reason, a condition): two lines to start, 2,000 characters at most. */
export function NoteField({ label, value, onChange, error, helperText, required, autoFocus, testId }: NoteFieldProps) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={required}
      autoFocus={autoFocus}
      multiline
      minRows={2}
      error={Boolean(error)}
      helperText={error ?? helperText}
      slotProps={{ htmlInput: { 'data-testid': testId, maxLength: 2000 } }}
    />
  );
}
