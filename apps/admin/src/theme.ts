import { createTheme, type Theme } from '@mui/material/styles';
import { enUS, viVN } from '@mui/material/locale';
import { enUS as gridEnUS, viVN as gridViVN } from '@mui/x-data-grid/locales';
import { enUS as pickersEnUS, viVN as pickersViVN } from '@mui/x-date-pickers/locales';
import type { Language } from './i18n';

/** What MUI X's Vietnamese grid locale leaves in English (it falls back to "1–25 of 29"). */
const gridViVNGaps = {
  components: {
    MuiDataGrid: {
      defaultProps: {
        localeText: {
          paginationDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) =>
            `${from}–${to} trong ${count === -1 ? `hơn ${to}` : count.toLocaleString('vi-VN')}`,
        },
      },
    },
  },
};

/** MUI's own texts (pagination, grid, date pickers) in the chosen language. */
const muiLocales = {
  vi: [viVN, gridViVN, gridViVNGaps, pickersViVN],
  en: [enUS, gridEnUS, pickersEnUS],
} as const;

/** The admin theme: postal blue and yellow. */
export function createAppTheme(language: Language): Theme {
  return createTheme(
    {
      palette: {
        primary: { main: '#0d47a1' },
        secondary: { main: '#f9a825' },
        background: { default: '#f4f6f8' },
      },
      shape: { borderRadius: 8 },
      typography: {
        fontFamily: ['Roboto', '"Segoe UI"', '"Noto Sans"', 'Arial', 'sans-serif'].join(','),
        h1: { fontSize: '1.75rem', fontWeight: 500 },
        h2: { fontSize: '1.25rem', fontWeight: 500 },
      },
      components: {
        MuiAppBar: { defaultProps: { elevation: 1 } },
        MuiCard: { defaultProps: { variant: 'outlined' } },
      },
    },
    ...muiLocales[language],
  );
}
