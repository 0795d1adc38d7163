import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ReceptionProceduresDocument, type DossierProcedureOptionFragment } from '../../graphql/generated';
import { useAutocompleteTexts } from '../../components/autocomplete';
import { fieldHelp } from '../../components/FieldHelp';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

export type ProcedureOption = DossierProcedureOptionFragment;

interface ProcedurePickerProps {
  label: string;
  value: ProcedureOption | null;
  onChange: (value: ProcedureOption | null) => void;
  /** Text typed that is not a search (a scanner's burst): the caller takes it and answers what stays in the field, or null. */
  onForeignInput?: (text: string) => string | null;
  autoFocus?: boolean;
  error?: string;
  helperText?: string;
  size?: 'small' | 'medium';
  inputRef?: Ref<HTMLInputElement>;
  testId: string;
}

/**
 * The procedure of the province's catalogue, searched on the API as you type (a few letters of the
 * name, diacritics optional, or the start of the code); the first match is highlighted, so Enter takes it.
 */
export function ProcedurePicker({ label, value, onChange, onForeignInput, autoFocus, error, helperText, size, inputRef, testId }: ProcedurePickerProps) {
  const { t } = useTranslation();
  const texts = useAutocompleteTexts();
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 200);
  const typing = input.trim() !== search;
  const { data, loading } = useQuery(ReceptionProceduresDocument, { variables: { search: search || null } });
  // Only the answer for the text typed: a stale list would let Enter take a procedure that does not match.
  const waiting = typing || loading;
  const options = waiting ? [] : (data?.procedures.edges.map((e) => e.node) ?? []);
  // Enter typed before the answer came: the first match is taken when it comes.
  const pendingEnter = useRef(false);
  useEffect(() => {
    if (!waiting && pendingEnter.current) {
      pendingEnter.current = false;
      if (options[0]) onChange(options[0]);
    }
  }, [waiting, options, onChange]);
  return (
    <Autocomplete<ProcedureOption>
      value={value}
      onChange={(_e, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_e, text, reason) => {
        const kept = reason === 'input' ? (onForeignInput?.(text) ?? null) : null;
        if (reason === 'input') pendingEnter.current = false;
        setInput(kept ?? text);
      }}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      filterOptions={(x) => x}
      getOptionLabel={(o) => `${o.code} · ${o.name}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={waiting}
      autoHighlight
      onKeyDown={(event) => {
        if (event.key === 'Enter' && waiting && input.trim()) {
          event.preventDefault();
          (event as unknown as { defaultMuiPrevented: boolean }).defaultMuiPrevented = true;
          pendingEnter.current = true;
        }
      }}
      openOnFocus
      size={size}
      {...texts}
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={key} {...rest}>
            <div>
              <Typography variant="body2">{o.name}</Typography>
              <Typography variant="caption" color="text.secondary">
                {[o.code, o.field.name, t(`dossiers.processingTime.${o.processingUnit}`, { count: o.processingTime })].join(' · ')}
              </Typography>
            </div>
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required
          autoFocus={autoFocus}
          inputRef={inputRef}
          {...fieldHelp({ hint: helperText, error })}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId },
            input: {
              ...params.slotProps.input,
              endAdornment: (
                <>
                  {waiting ? <CircularProgress color="inherit" size={18} aria-hidden /> : null}
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
