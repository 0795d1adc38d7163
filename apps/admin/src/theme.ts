import { createTheme, type Theme } from '@mui/material/styles';
import { enUS, viVN } from '@mui/material/locale';
import type { Language } from './i18n';

const muiLocales = { vi: viVN, en: enUS } as const;

/** The admin theme: postal blue and yellow, MUI's own texts in the chosen language. */
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
    muiLocales[language],
  );
}
