import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** An Autocomplete's own words (searching, no matches, open, close, clear) in the language in use. */
export function useAutocompleteTexts() {
  const { t } = useTranslation();
  return { loadingText: t('form.searching'), noOptionsText: t('form.noMatches'), openText: t('form.open'), closeText: t('form.close'), clearText: t('form.clear') };
}

/** An Autocomplete option on two lines: its label, then its detail (code, parent, phase…) in small print. */
export function renderOptionWithDetail(props: HTMLAttributes<HTMLLIElement>, option: { label: string; detail?: string }) {
  const { key, ...rest } = props as typeof props & { key: string };
  return (
    <Box component="li" key={key} {...rest}>
      <div>
        <Typography variant="body2">{option.label}</Typography>
        {option.detail && (
          <Typography variant="caption" color="text.secondary">
            {option.detail}
          </Typography>
        )}
      </div>
    </Box>
  );
}
