import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { ThemeProvider } from '@mui/material/styles';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { vi } from 'date-fns/locale';
import { createApolloClient } from '../apollo';
import { SessionStore } from '../features/auth/session';
import { SessionProvider } from '../features/auth/SessionContext';
import { createAppTheme } from '../theme';

interface Options {
  /** The fake API (the app's own links run in front of it). */
  link: ApolloLink;
  /** Where the router starts, and the route pattern `ui` is mounted at. */
  route?: string;
  path?: string;
  /** Other routes to render (e.g. where a form navigates after success). */
  routes?: Record<string, ReactElement>;
  session?: SessionStore;
  state?: unknown;
}

/** Renders `ui` inside the app's providers: session, Apollo (with the app's links), theme, router. */
export function renderInApp(ui: ReactElement, { link, route = '/', path = '*', routes = {}, session = new SessionStore(), state }: Options) {
  const client = createApolloClient(session, { terminatingLink: link });
  const result = render(
    <SessionProvider store={session}>
      <ApolloProvider client={client}>
        <ThemeProvider theme={createAppTheme('vi')}>
          <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={vi}>
            <MemoryRouter initialEntries={[{ pathname: route.split('?')[0], search: route.includes('?') ? `?${route.split('?')[1]}` : '', state }]}>
              <Routes>
                <Route path={path} element={ui} />
                {Object.entries(routes).map(([p, element]) => (
                  <Route key={p} path={p} element={element} />
                ))}
              </Routes>
            </MemoryRouter>
          </LocalizationProvider>
        </ThemeProvider>
      </ApolloProvider>
    </SessionProvider>,
  );
  return { ...result, client, session };
}
