import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LocalPostOfficeIcon from '@mui/icons-material/LocalPostOffice';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { SignInDocument } from '../../graphql/generated';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { useSession, useSessionStore } from './SessionContext';
import type { SignInLocationState } from './RequireAuth';

type Field = 'username' | 'password';

/** Đăng nhập: username and password; the API's refusal shown in words a clerk understands. */
export function SignInPage() {
  const { t } = useTranslation();
  const store = useSessionStore();
  const { status, reason } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as SignInLocationState | null)?.from ?? '/';
  const [signIn, { loading }] = useMutation(SignInDocument);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [required, setRequired] = useState<Partial<Record<Field, boolean>>>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
  }, [t]);

  if (status === 'signedIn') return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = { username: !username.trim(), password: !password };
    setRequired(missing);
    if (missing.username || missing.password) return;
    setProblem(null);
    try {
      const { data } = await signIn({ variables: { input: { username: username.trim(), password } } });
      if (!data) return;
      store.signedIn(data.signIn);
      void navigate(from, { replace: true });
    } catch (error) {
      setProblem(apiProblem(error));
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  const message = problemMessage(problem, t);
  const fieldError = (field: Field) => (required[field] ? t('form.required') : (problem?.fields[field] ?? null));

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', p: 1 }}>
        <LanguageSwitch />
      </Box>
      <Box component="main" sx={{ flexGrow: 1, display: 'grid', placeItems: 'center', px: 2, pb: 6 }}>
        <Paper variant="outlined" sx={{ width: '100%', maxWidth: 420, overflow: 'hidden' }}>
          {loading && <LinearProgress aria-label={t('signIn.signingIn')} />}
          <Box component="form" noValidate onSubmit={(e) => void submit(e)} sx={{ p: { xs: 3, sm: 4 } }} data-testid="sign-in-form">
            <Stack spacing={2.5}>
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <LocalPostOfficeIcon color="primary" fontSize="large" />
                <div>
                  <Typography variant="h6" component="p" sx={{ lineHeight: 1.2 }}>
                    {t('app.name')}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t('app.subtitle')}
                  </Typography>
                </div>
              </Stack>
              <Typography variant="h1">{t('signIn.title')}</Typography>
              {reason && !problem && (
                <Alert severity="info" data-testid="sign-in-reason">
                  {t(reason === 'expired' ? 'signIn.expired' : 'signIn.signedOut')}
                </Alert>
              )}
              {message && (
                <Alert severity="error" data-testid="sign-in-error" role="alert">
                  {message}
                </Alert>
              )}
              <TextField
                label={t('signIn.username')}
                name="username"
                autoComplete="username"
                autoFocus
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                error={Boolean(fieldError('username'))}
                helperText={fieldError('username')}
                slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false, 'data-testid': 'sign-in-username' } }}
              />
              <TextField
                label={t('signIn.password')}
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                required
                value={password}
                inputRef={passwordRef}
                onChange={(e) => setPassword(e.target.value)}
                error={Boolean(fieldError('password'))}
                helperText={fieldError('password')}
                slotProps={{
                  htmlInput: { 'data-testid': 'sign-in-password' },
                  input: {
                    endAdornment: (
                      <InputAdornment position="end">
                        <IconButton
                          aria-label={t(showPassword ? 'signIn.hidePassword' : 'signIn.showPassword')}
                          onClick={() => setShowPassword((v) => !v)}
                          edge="end"
                        >
                          {showPassword ? <VisibilityOff /> : <Visibility />}
                        </IconButton>
                      </InputAdornment>
                    ),
                  },
                }}
              />
              <Button type="submit" variant="contained" size="large" disabled={loading} data-testid="sign-in-submit">
                {t(loading ? 'signIn.signingIn' : 'signIn.submit')}
              </Button>
            </Stack>
          </Box>
        </Paper>
      </Box>
    </Box>
  );
}

function problemMessage(problem: ApiProblem | null, t: TFunction): string | null {
  if (!problem) return null;
  switch (problem.code) {
    case 'UNAUTHENTICATED':
      return t('signIn.wrongCredentials');
    case 'TOO_MANY_REQUESTS':
      return problem.retryAfterSeconds ? t('signIn.throttledFor', { count: Math.ceil(problem.retryAfterSeconds / 60) }) : t('signIn.throttled');
    case 'BAD_USER_INPUT':
      return t('form.checkFields');
    case 'NETWORK':
      return t('errors.network');
    default:
      return problem.message;
  }
}
