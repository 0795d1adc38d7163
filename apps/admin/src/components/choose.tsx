import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { AutocompleteRenderInputParams } from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** "Vui lòng chọn…" in the grey of a placeholder. */
export function ChoosePlaceholder({ t }: { t: TFunction }) {
  return (
    <Box component="span" className="ChoosePlaceholder" sx={{ color: 'text.disabled' }}>
      {t('form.choose')}
    </Box>
  );
}

/**
 * The slotProps of a select (`<TextField select>`) that says "Vui lòng chọn…" while nothing is chosen:
 * its label stays above, `labelOf` shows what is chosen. Merge `select` extras (multiple, display props).
 */
export function chooseSlotProps<T>(t: TFunction, labelOf: (value: T) => ReactNode, select: Record<string, unknown> = {}) {
  return {
    select: {
      ...select,
      displayEmpty: true,
      renderValue: (value: unknown) => (isEmpty(value) ? <ChoosePlaceholder t={t} /> : labelOf(value as T)),
    },
    inputLabel: { shrink: true },
  };
}

/**
 * An autocomplete's "Vui lòng chọn…": its placeholder while nothing is chosen (no text, no chips), and
 * its label's props with the label kept above (an outlined field hides the placeholder under a label).
 */
export function chooseInput(t: TFunction, params: AutocompleteRenderInputParams) {
  const chips = params.slotProps.input.startAdornment;
  const chosen = Array.isArray(chips) ? chips.length > 0 : Boolean(chips);
  return { placeholder: chosen ? undefined : t('form.choose'), inputLabel: { ...params.slotProps.inputLabel, shrink: true } };
}
