import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLazyQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Container from '@mui/material/Container';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LocalPostOfficeOutlined from '@mui/icons-material/LocalPostOfficeOutlined';
import SearchIcon from '@mui/icons-material/Search';
import { fieldHelp } from '../../components/FieldHelp';
import { formatDate, formatDateTime } from '../../dates';
import { apiProblem } from '../../graphql/errors';
import { TrackDossierDocument, type TrackDossierQuery } from '../../graphql/generated';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { RatingSection } from './RatingSection';

type Tracked = NonNullable<TrackDossierQuery['trackDossier']>;

/** The address parameter the receipt's QR code fills: /tra-cuu?ma=<dossier code>. */
export const CODE_PARAM = 'ma';

/** What the form checks before asking: both filled, a phone of 9 to 11 digits (spaces, dots and +84 allowed, as the API reads it). */
export function phoneLooksValid(phone: string): boolean {
  const compact = phone.replace(/[\s.\-()]/g, '').replace(/^\+84/, '0');
  return /^\d{9,11}$/.test(compact);
}

/** The product's name, in a plain header (the public page is outside the signed-in frame). */
function PublicHeader() {
  const { t } = useTranslation();
  return (
    <Box component="header" sx={{ bgcolor: 'primary.main', color: 'primary.contrastText' }}>
      <Container maxWidth="sm" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 1.25, px: 2 }}>
        <LocalPostOfficeOutlined aria-hidden />
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography component="p" variant="subtitle1" sx={{ fontWeight: 700, lineHeight: 1.2 }}>
            {t('app.name')}
          </Typography>
          <Typography component="p" variant="caption" sx={{ opacity: 0.9, lineHeight: 1.3, display: 'block' }}>
            {t('app.subtitle')}
          </Typography>
        </Box>
        <LanguageSwitch />
      </Container>
    </Box>
  );
}

/** One line of the answer: label above, value below (reads well on a phone). */
function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Box data-testid={testId}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Typography>
    </Box>
  );
}

/** The timeline, oldest first as the API gives it: when (dd/MM/yyyy HH:mm, Vietnam time) and the step in words. */
function Timeline({ events }: { events: Tracked['timeline'] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Typography color="text.secondary">{t('tracking.result.noEvents')}</Typography>;
  return (
    <Box component="ol" data-testid="tracking-timeline" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {events.map((event, i) => {
        const last = i === events.length - 1;
        return (
          <Box component="li" key={`${event.at}-${i}`} sx={{ display: 'flex', gap: 1.5 }}>
            <Box aria-hidden sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
              <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: last ? 'primary.main' : 'grey.400', flexShrink: 0 }} />
              {!last && <Box sx={{ width: 2, flexGrow: 1, bgcolor: 'grey.300', my: 0.5 }} />}
            </Box>
            <Box sx={{ pb: last ? 0 : 2, minWidth: 0 }}>
              <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTime(event.at)}
              </Typography>
              <Typography sx={{ fontWeight: last ? 600 : 400 }}>{event.label}</Typography>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}

/** The answer: procedure, status in words, days, overdue in words, the timeline; nothing about the applicant. */
function TrackedDossierCard({ dossier, phone }: { dossier: Tracked; phone: string }) {
  const { t } = useTranslation();
  const returned = dossier.resultReturnedAt !== null;
  return (
    <Paper variant="outlined" component="section" aria-label={t('tracking.result.label')} data-testid="tracking-result" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Box>
          <Typography variant="body2" color="text.secondary">
            {t('tracking.code')}
          </Typography>
          <Typography sx={{ fontFamily: '"Roboto Mono", monospace', fontWeight: 600, overflowWrap: 'anywhere' }} data-testid="tracking-code">
            {dossier.code}
          </Typography>
        </Box>
        <Box component="dl" sx={{ m: 0, display: 'grid', gap: 1.5 }}>
          <Fact label={t('tracking.result.procedure')} testId="tracking-procedure">
            {dossier.procedure.name}
            <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block', fontWeight: 400 }}>
              {t('tracking.result.procedureCode', { code: dossier.procedure.code })}
            </Typography>
          </Fact>
          <Fact label={t('tracking.result.status')} testId="tracking-status">
            <Chip
              component="span"
              label={t(`tracking.status.${dossier.status}`)}
              color={dossier.status === 'RESULT_RETURNED' || dossier.status === 'RESULT_READY' ? 'success' : dossier.status === 'SUPPLEMENT_REQUESTED' ? 'warning' : 'primary'}
              variant="outlined"
              sx={{ height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }}
            />
          </Fact>
          <Fact label={t('tracking.result.receivedAt')}>{formatDateTime(dossier.receivedAt)}</Fact>
          <Fact label={t('tracking.result.dueDate')} testId="tracking-due">
            {formatDate(dossier.dueDate)}
          </Fact>
          {dossier.promisedDate && (
            <Fact label={t('tracking.result.promisedDate')} testId="tracking-promised">
              {formatDate(dossier.promisedDate)}
              <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block', fontWeight: 400 }}>
                {t('tracking.result.promisedHint')}
              </Typography>
            </Fact>
          )}
          {returned && <Fact label={t('tracking.result.resultReturnedAt')}>{formatDateTime(dossier.resultReturnedAt)}</Fact>}
          <Fact label={t('tracking.result.deadline')} testId="tracking-overdue">
            <Typography component="span" sx={{ fontWeight: 600, color: dossier.overdue ? 'error.main' : 'success.main' }}>
              {dossier.overdue ? t('tracking.result.overdue') : returned ? t('tracking.result.returnedOnTime') : t('tracking.result.onTime')}
            </Typography>
          </Fact>
        </Box>
        <Box>
          <Typography variant="h2" sx={{ fontSize: '1.1rem', mb: 1.5 }}>
            {t('tracking.result.timeline')}
          </Typography>
          <Timeline events={dossier.timeline} />
        </Box>
        {dossier.canRate && <RatingSection code={dossier.code} phone={phone} />}
      </Stack>
    </Paper>
  );
}

/**
 * Tra cứu hồ sơ (/tra-cuu, public, no sign-in, phone first): the dossier code (pre-filled from ?ma=, as
 * the receipt's QR code opens it) and the applicant's phone; the answer without personal data. A wrong
 * code and a wrong phone read alike; repeated misses are told when to try again.
 */
export default function TrackingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('tracking.title'));
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(() => params.get(CODE_PARAM)?.trim() ?? '');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<{ code?: string; phone?: string }>({});
  /** The code and phone of the answer shown (the rating is sent for them). */
  const [asked, setAsked] = useState<{ code: string; phone: string } | null>(null);
  const [track, { data, loading, error, called }] = useLazyQuery(TrackDossierDocument, { fetchPolicy: 'network-only' });
  const phoneRef = useRef<HTMLInputElement>(null);

  // Opened from the QR code: the code is there, the phone is what to type.
  useEffect(() => {
    if (code) phoneRef.current?.focus();
    // Once, on arrival.
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const c = code.trim();
    const p = phone.trim();
    const found = {
      code: c ? undefined : t('form.required'),
      phone: !p ? t('form.required') : phoneLooksValid(p) ? undefined : t('tracking.phoneInvalid'),
    };
    setErrors(found);
    if (found.code || found.phone) return;
    setAsked({ code: c, phone: p });
    // Keep the address shareable without the phone: only the code goes in it.
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(CODE_PARAM, c);
      return next;
    }, { replace: true });
    void track({ variables: { code: c, phone: p } }).catch(() => undefined);
  };

  const problem = apiProblem(error);
  const dossier = data?.trackDossier ?? null;
  const answered = called && !loading;

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <PublicHeader />
      <Container component="main" maxWidth="sm" sx={{ py: 2.5, px: 2, flexGrow: 1 }}>
        <Stack spacing={2.5}>
          <Box>
            <Typography variant="h1" sx={{ fontSize: '1.6rem', mb: 0.5 }}>
              {t('tracking.title')}
            </Typography>
            <Typography color="text.secondary">{t('tracking.intro')}</Typography>
          </Box>
          <Paper variant="outlined" component="form" noValidate onSubmit={onSubmit} data-testid="tracking-form" sx={{ p: 2 }}>
            <Stack spacing={2}>
              <TextField
                label={t('tracking.code')}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                required
                fullWidth
                autoComplete="off"
                {...fieldHelp({ hint: t('tracking.codeHint'), error: errors.code })}
                slotProps={{ htmlInput: { 'data-testid': 'tracking-code-input', spellCheck: false, autoCapitalize: 'characters', maxLength: 64 } }}
              />
              <TextField
                label={t('tracking.phone')}
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                required
                fullWidth
                type="tel"
                autoComplete="tel"
                inputRef={phoneRef}
                {...fieldHelp({ hint: t('tracking.phoneHint'), error: errors.phone })}
                slotProps={{ htmlInput: { 'data-testid': 'tracking-phone-input', inputMode: 'tel', maxLength: 20 } }}
              />
              <Button type="submit" variant="contained" size="large" startIcon={<SearchIcon />} disabled={loading} data-testid="tracking-submit">
                {loading ? t('tracking.searching') : t('tracking.submit')}
              </Button>
            </Stack>
          </Paper>
          <Box aria-live="polite">
            {answered && problem?.code === 'TOO_MANY_REQUESTS' && (
              <Alert severity="warning" data-testid="tracking-throttled">
                {t('tracking.tooManyRequests', { count: Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60)) })}
              </Alert>
            )}
            {answered && problem && problem.code !== 'TOO_MANY_REQUESTS' && (
              <Alert severity="error" data-testid="tracking-failed">
                {problem.code === 'NETWORK' ? t('errors.network') : t('tracking.failed')}
              </Alert>
            )}
            {answered && !problem && !dossier && (
              <Alert severity="info" data-testid="tracking-not-found">
                {t('tracking.notFound')}
              </Alert>
            )}
            {answered && !problem && dossier && asked && <TrackedDossierCard key={`${dossier.code}`} dossier={dossier} phone={asked.phone} />}
          </Box>
        </Stack>
      </Container>
      <Box component="footer" sx={{ py: 2, px: 2, textAlign: 'center' }}>
        <Typography variant="caption" color="text.secondary">
          {t('tracking.footer')}
        </Typography>
      </Box>
    </Box>
  );
}
