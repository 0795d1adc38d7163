import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import type { FieldErrors } from '../../hooks/useFormState';
import { currentLanguage } from '../../i18n';
import { fieldHelp } from '../../components/FieldHelp';
import { LIMITS } from '../../limits';

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
                    {...fieldHelp({ hint: amount, error, max: digits ? undefined : LIMITS.short })}
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

/** VND, with the separators of the language in use. */
export function formatVnd(value: number, language: string = currentLanguage()): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(value);
}

/** A whole number with the separators of the language in use. */
export function formatCount(value: number, language: string = currentLanguage()): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN').format(value);
}
