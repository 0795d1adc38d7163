import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';

interface FilterSelectProps {
  label: string;
  /** The chosen value, '' for all. */
  value: string;
  onChange: (value: string) => void;
  /** The first choice, '' (no filter). */
  allLabel: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  sx?: SxProps<Theme>;
  /** On the hidden input that holds the value. */
  testId: string;
}

/** A filter of a list: one value or all (the first, empty choice), its label always shown above. */
export function FilterSelect({ label, value, onChange, allLabel, options, sx, testId }: FilterSelectProps) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={sx}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    >
      <MenuItem value="">{allLabel}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
