import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { FilterSelect } from '../../components/FilterSelect';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../dates';
import { RolloutProgrammesDocument, type ProgrammeStatus, type RolloutProgrammeRowFragment } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCanPlanRollout } from '../auth/permissions';
import { useSession } from '../auth/SessionContext';
import { ProgrammeCreateDialog } from './ProgrammeCreateDialog';
import { ProgrammeStatusChip } from './ProgrammeChips';

const STATUSES: readonly ProgrammeStatus[] = ['DRAFT', 'ACTIVE', 'CLOSED'];
const PAGE = 20;
export const programmeHref = (id: string) => `/rollout/programmes/${id}`;

/** The province a programme was decided in, and the one that owns it today when a merge moved it. */
export function programmeProvince(row: Pick<RolloutProgrammeRowFragment, 'administrativeUnit' | 'province'>, t: TFunction): string {
  return row.administrativeUnit.id === row.province.id ? row.province.name : t('rollout.programmes.provinceNow', { then: row.administrativeUnit.name, now: row.province.name });
}

/** Triển khai: the pilot programmes in the user's province (all, for national users), as cards that open each one. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('rollout.programmes.title'));
  const canPlan = useCanPlanRollout();
  // A national user (no province in scope) is not told "in your province".
  const national = !useSession().user?.scope;
  const [creating, setCreating] = useState(false);
  const { params, set } = useAddressParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? null;
  const { data, previousData, loading, error, fetchMore } = useQuery(RolloutProgrammesDocument, { variables: { first: PAGE, filter: { status } }, fetchPolicy: 'cache-and-network' });
  const connection = (data ?? previousData)?.pilotProgrammes;
  const [loadingMore, setLoadingMore] = useState(false);
  const problem = apiProblem(error);

  const setStatus = (value: string) => set('status', value);
  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => ({
          pilotProgrammes: { ...fetchMoreResult.pilotProgrammes, edges: [...prev.pilotProgrammes.edges, ...fetchMoreResult.pilotProgrammes.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <Typography variant="h1" gutterBottom>
        {t('rollout.programmes.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
        {t(national ? 'rollout.programmes.introNational' : 'rollout.programmes.intro')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 2 }}>
        <FilterSelect
          label={t('rollout.programmes.fields.status')}
          value={status ?? ''}
          onChange={setStatus}
          allLabel={t('rollout.programmes.allStatuses')}
          options={STATUSES.map((s) => ({ value: s, label: t(`rollout.labels.programmeStatus.${s}`) }))}
          sx={{ minWidth: 220 }}
          testId="programme-status-filter"
        />
        <Typography variant="body2" color="text.secondary" role="status" sx={{ flexGrow: 1 }} data-testid="list-count">
          {connection ? t('rollout.programmes.count', { count: connection.totalCount }) : ''}
        </Typography>
        {canPlan && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="create-programme">
            {t('rollout.programmes.create')}
          </Button>
        )}
      </Box>
      {loading && !loadingMore && <LinearProgress aria-label={t('status.loading')} sx={{ mb: 1 }} />}
      <ProblemAlert problem={problem} />
      {!connection && loading && (
        <Stack spacing={2}>
          {[0, 1].map((i) => (
            <Skeleton key={i} variant="rounded" height={150} />
          ))}
        </Stack>
      )}
      {connection && connection.totalCount === 0 && (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} data-testid="programmes-empty">
          <Typography gutterBottom>{status ? t('rollout.programmes.noneWithStatus') : t('rollout.programmes.none')}</Typography>
          {canPlan && !status && (
            <Typography variant="body2" color="text.secondary">
              {t('rollout.programmes.noneHint')}
            </Typography>
          )}
        </Paper>
      )}
      {connection && connection.edges.length > 0 && (
        <Stack spacing={2} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('rollout.programmes.title')} data-testid="programmes-list">
          {connection.edges.map(({ node }) => (
            <ProgrammeCard key={node.id} programme={node} />
          ))}
        </Stack>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Box sx={{ textAlign: 'center', mt: 2 }}>
          <Button onClick={() => void loadMore()} disabled={loadingMore} data-testid="programmes-more">
            {t('rollout.programmes.loadMore', { shown: connection.edges.length, count: connection.totalCount })}
          </Button>
        </Box>
      )}
      {creating && <ProgrammeCreateDialog onClose={() => setCreating(false)} onCreated={(id) => void navigate(programmeHref(id))} />}
    </>
  );
}

/** One programme: code, status, name, province, approving decision and phases; the whole card opens it. */
function ProgrammeCard({ programme }: { programme: RolloutProgrammeRowFragment }) {
  const { t } = useTranslation();
  const first = programme.legalBasis[0];
  const running = programme.phases.filter((p) => p.status === 'IN_PROGRESS').length;
  return (
    <Card component="li" data-testid="programme-card" data-code={programme.code}>
      <CardActionArea component={RouterLink} to={programmeHref(programme.id)} sx={{ p: { xs: 2, md: 2.5 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
          <Chip size="small" label={programme.code} sx={{ fontFamily: 'monospace' }} />
          <ProgrammeStatusChip status={programme.status} />
        </Stack>
        <Typography variant="subtitle1" component="h2" color="primary" sx={{ fontWeight: 500, mb: 1.5, overflowWrap: 'anywhere' }}>
          {programme.name}
        </Typography>
        <Box sx={{ display: 'grid', gap: { xs: 1, md: 3 }, gridTemplateColumns: { xs: '1fr', md: '1fr 1.6fr 1fr' } }}>
          <Fact label={t('rollout.programmes.fields.province')} value={programmeProvince(programme, t)} />
          <Fact
            label={t('rollout.programmes.fields.firstDocument')}
            value={first ? `${t('rollout.programmes.documentShort', { number: first.number, date: formatDate(first.signedOn) })} · ${first.issuer}` : t('rollout.programmes.noDocumentShort')}
          />
          <Fact
            label={t('rollout.programmes.fields.phaseCount')}
            value={programme.phases.length ? t('rollout.programmes.phaseSummary', { count: programme.phases.length, running }) : t('rollout.programmes.noPhases')}
          />
        </Box>
      </CardActionArea>
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2">{value}</Typography>
    </Box>
  );
}
