import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { OverviewProgrammesDocument, type ProgrammeStatus } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { StatusCard } from '../../pages/home/StatusCard';
import { useCanPlanRollout } from '../auth/permissions';
import { ProgrammeOverview } from './ProgrammeOverview';
import { pickProgramme } from './overviewData';
import { useRefetchErrorOnLanguageChange } from './formats';

const STATUS_COLOR: Record<ProgrammeStatus, 'default' | 'success' | 'info'> = { DRAFT: 'info', ACTIVE: 'success', CLOSED: 'default' };

/** Tổng quan: the steering committee's overview of the rollout of the programme in scope (index route "/"). */
export default function OverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('overview.title'));
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(OverviewProgrammesDocument, { notifyOnNetworkStatusChange: true });
  useRefetchErrorOnLanguageChange(error, refetch);
  const programmes = data?.pilotProgrammes.edges.map((e) => e.node) ?? [];
  const requested = params.get('programme');
  const { id: selectedId, requestedMissing } = pickProgramme(programmes, requested);
  const selected = programmes.find((p) => p.id === selectedId);
  const problem = apiProblem(error);

  const header = (
    <div>
      <Typography variant="h1" gutterBottom>
        {t('overview.title')}
      </Typography>
      <Typography color="text.secondary">{t('overview.intro')}</Typography>
    </div>
  );

  if (problem) {
    return (
      <Stack spacing={3}>
        {header}
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }} data-testid="overview-error">
          <ProblemAlert problem={problem} />
          <Button onClick={() => void refetch()} loading={loading}>
            {t('overview.retry')}
          </Button>
        </Stack>
      </Stack>
    );
  }
  if (loading && !data) {
    return (
      <Stack spacing={3} aria-busy="true" aria-label={t('overview.loading')} data-testid="overview-loading">
        {header}
        <Skeleton variant="rounded" height={56} />
        <Skeleton variant="rounded" height={240} />
      </Stack>
    );
  }
  if (!selected) return <NoProgramme header={header} />;

  return (
    <Stack spacing={3}>
      {header}
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="programme-header">
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
          {programmes.length > 1 && (
            <TextField
              select
              size="small"
              label={t('overview.programme.label')}
              value={selected.id}
              onChange={(e) => setParams((prev) => {
                const next = new URLSearchParams(prev);
                next.set('programme', e.target.value);
                return next;
              })}
              sx={{ minWidth: 260, maxWidth: '100%', flex: '0 1 420px' }}
              slotProps={{ htmlInput: { 'data-testid': 'programme-select' } }}
            >
              {programmes.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.code} – {p.name} ({t(`rollout.labels.programmeStatus.${p.status}`)})
                </MenuItem>
              ))}
            </TextField>
          )}
          <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
              <Typography variant="h2" component="h2" data-testid="programme-name" sx={{ overflowWrap: 'anywhere' }}>
                {selected.name}
              </Typography>
              <Chip size="small" variant="outlined" label={selected.code} sx={{ fontFamily: 'monospace' }} />
              <Chip size="small" color={STATUS_COLOR[selected.status]} label={t(`rollout.labels.programmeStatus.${selected.status}`)} />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {t('overview.programme.province', { name: selected.province.name })} ·{' '}
              <Link component={RouterLink} to={`/rollout/programmes/${selected.id}`} data-testid="programme-link">
                {t('overview.programme.open')}
              </Link>
            </Typography>
          </Box>
        </Box>
      </Paper>
      {requestedMissing && (
        <Alert severity="warning" data-testid="programme-requested-missing">
          {t('overview.programme.requestedMissing', { code: selected.code })}
        </Alert>
      )}
      <ProgrammeOverview key={selected.id} programmeId={selected.id} />
      {/* The system's own status (API, database, provinces): last, for everyone. */}
      <StatusCard />
    </Stack>
  );
}

/** Nobody's programme in scope (e.g. a counter clerk, or a province that has none yet): a sentence and the system status. */
function NoProgramme({ header }: { header: React.ReactNode }) {
  const { t } = useTranslation();
  const canPlan = useCanPlanRollout();
  return (
    <Stack spacing={3}>
      {header}
      <Paper variant="outlined" sx={{ p: 3 }} data-testid="overview-empty">
        <Typography variant="h2" gutterBottom>
          {t('overview.empty.title')}
        </Typography>
        <Typography color="text.secondary">{t('overview.empty.text')}</Typography>
        {canPlan && (
          <Box sx={{ mt: 2, display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
            <Typography variant="body2">{t('overview.empty.planHint')}</Typography>
            <Button component={RouterLink} to="/rollout" variant="outlined" data-testid="go-to-rollout">
              {t('overview.empty.goToRollout')}
            </Button>
          </Box>
        )}
      </Paper>
      <StatusCard />
    </Stack>
  );
}
