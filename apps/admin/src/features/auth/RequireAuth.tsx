import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useSession } from './SessionContext';

/** Where the sign-in page sends the person back to. */
export interface SignInLocationState {
  from?: string;
}

/** Pages below this route need a session: without one, go to sign-in and come back after. */
export function RequireAuth() {
  const { t } = useTranslation();
  const { status, reason } = useSession();
  const location = useLocation();

  if (status === 'restoring') {
    return (
      <Box role="status" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', alignContent: 'center', gap: 2 }}>
        <CircularProgress aria-hidden />
        <Typography color="text.secondary">{t('auth.restoring')}</Typography>
      </Box>
    );
  }
  if (status === 'signedOut') {
    // Come back here after signing in, unless the user signed out on purpose: the next person to sign
    // in at this computer starts from the overview, not from where the previous one left off.
    const state: SignInLocationState = reason === 'signedOut' ? {} : { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return <Outlet />;
}
