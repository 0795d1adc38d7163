import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApolloClient, useMutation } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import AccountCircle from '@mui/icons-material/AccountCircle';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import Logout from '@mui/icons-material/Logout';
import { SignOutDocument } from '../../graphql/generated';
import { useSession, useSessionStore } from './SessionContext';

/** Give up waiting for the API's sign-out after this long: the local session ends regardless. */
const SIGN_OUT_WAIT_MS = 3_000;

/** The signed-in user in the app bar: name, roles, scope, and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const store = useSessionStore();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [signOut, { loading }] = useMutation(SignOutDocument);
  if (!user) return null;

  const handleSignOut = async () => {
    const refreshToken = store.refreshToken();
    try {
      // End the session on the server too, so the refresh token stops working.
      if (refreshToken) {
        await Promise.race([signOut({ variables: { input: { refreshToken } } }), new Promise((resolve) => setTimeout(resolve, SIGN_OUT_WAIT_MS))]);
      }
    } catch {
      // Already ended or unreachable: the local session ends anyway.
    }
    setAnchor(null);
    void navigate('/sign-in', { replace: true });
    store.clear('signedOut');
    await client.clearStore();
  };

  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircle />}
        endIcon={<ArrowDropDownIcon />}
        aria-label={t('user.menuLabel', { name: user.displayName })}
        aria-haspopup="dialog"
        aria-controls={anchor ? 'user-menu' : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        data-testid="user-menu-button"
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ textTransform: 'none', whiteSpace: 'nowrap', minWidth: 0, ml: 1 }}
      >
        <Box component="span" sx={{ display: { xs: 'none', md: 'inline' }, maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {user.displayName}
        </Box>
      </Button>
      <Popover
        id="user-menu"
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { minWidth: 280, maxWidth: 360 }, role: 'dialog', 'aria-label': t('user.detailsLabel') } }}
      >
        <Box sx={{ px: 2, pt: 1.5, pb: 1.5 }} data-testid="user-menu-details">
          <Typography variant="subtitle1" sx={{ fontWeight: 500 }} data-testid="user-display-name">
            {user.displayName}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {user.username}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5 }}>
            {t('user.roles')}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }} data-testid="user-roles">
            {user.roles.map((role) => (
              <Chip key={role} size="small" label={t(`roles.${role}`)} />
            ))}
          </Box>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5 }}>
            {t('user.scope')}
          </Typography>
          <Typography variant="body2" data-testid="user-scope">
            {user.scope ? user.scope.name : t('user.national')}
          </Typography>
        </Box>
        <Divider />
        <Box sx={{ p: 1.5, display: 'flex', justifyContent: 'flex-end' }}>
          <Button variant="outlined" startIcon={<Logout />} onClick={() => void handleSignOut()} disabled={loading} data-testid="sign-out">
            {t('user.signOut')}
          </Button>
        </Box>
      </Popover>
    </>
  );
}
