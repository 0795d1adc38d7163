import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { isLanguage, DEFAULT_LANGUAGE } from './i18n';
import { createAppTheme } from './theme';
import { AREAS } from './layout/areas';
import { AppFrame } from './layout/AppFrame';
import { HomePage } from './pages/home/HomePage';
import { NotAvailablePage } from './pages/NotAvailablePage';
import { NotFoundPage } from './pages/NotFoundPage';

export function App() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const theme = useMemo(() => createAppTheme(language), [language]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Routes>
        <Route element={<AppFrame />}>
          <Route index element={<HomePage />} />
          {AREAS.filter((area) => area.path !== '/').map((area) => (
            <Route key={area.key} path={area.path} element={<NotAvailablePage area={area.key} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ThemeProvider>
  );
}
