import './fonts';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient, startSession } from './apollo';
import { SessionStore } from './features/auth/session';
import { SessionProvider } from './features/auth/SessionContext';
import { App } from './App';

const session = new SessionStore();
const client = createApolloClient(session);
startSession(session, client);
session.listenToOtherTabs();
// A new person may sign in next: forget what the last one was shown.
session.subscribe(() => {
  if (session.getState().status === 'signedOut') void client.clearStore();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider store={session}>
      <ApolloProvider client={client}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </ApolloProvider>
    </SessionProvider>
  </StrictMode>,
);
