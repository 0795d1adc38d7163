import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { renderOptionWithDetail, useAutocompleteTexts } from '../../components/autocomplete';
import { chooseInput } from '../../components/choose';
import { fieldHelp } from '../../components/FieldHelp';

export interface Option {
  id: string;
  /** What the field shows once chosen. */
  label: string;
  /** A second line in the list (code, parent…). */
  detail?: string;
}

export interface SearchAutocompleteProps<T extends Option> {
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  /** Called with the text typed; the caller asks the API (diacritics are ignored there). */
  onSearch: (text: string) => void;
  /** Called when the list opens, so the caller can start asking. */
  onOpen?: () => void;
  options: readonly T[];
  loading: boolean;
  required?: boolean;
  error?: string;
  helperText?: string;
  disabled?: boolean;
  /** `small` in a list's toolbar, beside the other filters. */
  size?: 'small' | 'medium';
  testId?: string;
}

/** A field that searches the API as you type and picks one record. */
export function SearchAutocomplete<T extends Option>({
  label,
  value,
  onChange,
  onSearch,
  onOpen,
  options,
  loading,
  required,
  error,
  helperText,
  disabled,
  size,
  testId,
}: SearchAutocompleteProps<T>) {
  const { t } = useTranslation();
  const texts = useAutocompleteTexts();
  const [input, setInput] = useState('');
  return (
    <Autocomplete<T>
      value={value}
      onChange={(_e, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_e, text, reason) => {
        setInput(text);
        if (reason === 'input' || reason === 'clear') onSearch(text);
      }}
      onOpen={onOpen}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      // The API filters (and ignores diacritics): show what it answered.
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={loading}
      disabled={disabled}
      size={size}
      {...texts}
      renderOption={renderOptionWithDetail}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          placeholder={chooseInput(t, params).placeholder}
          {...fieldHelp({ hint: helperText, error })}
          slotProps={{
            ...params.slotProps,
            inputLabel: chooseInput(t, params).inputLabel,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId },
            input: {
              ...params.slotProps.input,
              endAdornment: (
                <>
                  {loading ? <CircularProgress color="inherit" size={18} aria-hidden /> : null}
                  {params.slotProps.input.endAdornment}
                </>
              ),
            },
          }}
        />
      )}
    />
  );
}
