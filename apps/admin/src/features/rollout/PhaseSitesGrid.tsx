import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Link from '@mui/material/Link';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { ListGrid } from '../../components/ListGrid';
import { ListToolbar } from '../../components/ListToolbar';
import { formatDate } from '../../dates';
import { apiProblem } from '../../graphql/errors';
import { RolloutPhaseSitesDocument, type AdministrativeLevel, type HandoverModel, type RolloutPhaseSiteRowFragment, type SiteStatus } from '../../graphql/generated';
import { useCursorPages, useRememberPage } from '../../hooks/useCursorPages';
import { HANDOVER_MODELS, SITE_STATUSES } from './enums';
import { siteHref } from './MeetingList';
import { SiteStatusChip } from './SiteStatusChip';

const LEVELS: readonly AdministrativeLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

/** The site filters of a phase page, in the address (q, level, status=A,B, model). */
export function usePhaseSiteFilters() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const level = LEVELS.find((l) => l === params.get('level')) ?? null;
  const statuses = (params.get('status') ?? '').split(',').filter((s): s is SiteStatus => (SITE_STATUSES as readonly string[]).includes(s));
  const model = HANDOVER_MODELS.find((m) => m === params.get('model')) ?? null;
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { search, level, statuses, model, set };
}

/** Đơn vị thí điểm of a phase: server filters (level, statuses, model, search) and server pages. */
export function PhaseSitesGrid({ phaseId, action }: { phaseId: string; action?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters = usePhaseSiteFilters();
  const filter = {
    search: filters.search || null,
    level: filters.level,
    status: filters.statuses.length ? filters.statuses : null,
    handoverModel: filters.model,
  };
  const filtered = Boolean(filter.search || filter.level || filter.status || filter.handoverModel);
  const pages = useCursorPages(JSON.stringify(filter));
  const result = useQuery(RolloutPhaseSitesDocument, { variables: { id: phaseId, first: pages.first, after: pages.after, filter } });
  const current = result.data?.rolloutPhase?.sites;
  const connection = current ?? result.previousData?.rolloutPhase?.sites;
  useRememberPage(pages.rememberPage, pages.pagination.page, current?.pageInfo.endCursor);

  const columns = useMemo<GridColDef<RolloutPhaseSiteRowFragment>[]>(
    () => [
      {
        field: 'desk',
        headerName: t('rollout.phases.sites.desk'),
        flex: 2,
        minWidth: 200,
        valueGetter: (_v, row) => row.oneStopDesk.name,
        renderCell: (p) => (
          <Link component={RouterLink} to={siteHref(p.row.id)} tabIndex={p.tabIndex} underline="hover" sx={{ fontWeight: 500 }} title={p.row.oneStopDesk.name}>
            {p.row.oneStopDesk.name}
          </Link>
        ),
      },
      { field: 'level', headerName: t('rollout.phases.sites.level'), minWidth: 95, valueGetter: (_v, row) => t(`levels.${row.level}`) },
      { field: 'model', headerName: t('rollout.phases.sites.model'), minWidth: 125, valueGetter: (_v, row) => t(`rollout.labels.handoverModel.${row.handoverModel}`) },
      { field: 'postOffice', headerName: t('rollout.phases.sites.postOffice'), flex: 1, minWidth: 150, valueGetter: (_v, row) => row.postOffice?.name ?? '—' },
      { field: 'plannedLaunch', headerName: t('rollout.phases.sites.plannedLaunch'), minWidth: 125, valueGetter: (_v, row) => formatDate(row.plannedLaunch) || '—' },
      {
        field: 'status',
        headerName: t('rollout.phases.sites.status'),
        minWidth: 215,
        renderCell: (p) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <SiteStatusChip status={p.row.status} late={p.row.late} />
          </Box>
        ),
      },
    ],
    [t],
  );

  const statusLabel = (s: SiteStatus) => t(`rollout.labels.siteStatus.${s}`);
  return (
    <>
      <ListToolbar
        search={filters.search}
        onSearch={(text) => filters.set('q', text)}
        searchLabel={t('rollout.phases.sites.search')}
        searchTestId="sites-search"
        countText={connection ? t('rollout.phases.sites.count', { count: connection.totalCount }) : ''}
        action={action}
      >
        <TextField
          select
          size="small"
          label={t('rollout.phases.sites.level')}
          value={filters.level ?? ''}
          onChange={(e) => filters.set('level', e.target.value)}
          sx={{ minWidth: 140 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'sites-level' } }}
        >
          <MenuItem value="">{t('rollout.phases.sites.all')}</MenuItem>
          {LEVELS.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`levels.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('rollout.phases.sites.status')}
          value={filters.statuses}
          onChange={(e) => {
            const value = e.target.value as unknown as string[] | string;
            filters.set('status', (Array.isArray(value) ? value : value.split(',')).filter(Boolean).join(','));
          }}
          sx={{ minWidth: 200, maxWidth: 320 }}
          slotProps={{
            select: {
              multiple: true,
              displayEmpty: true,
              renderValue: (v): ReactNode => ((v as SiteStatus[]).length ? (v as SiteStatus[]).map(statusLabel).join(', ') : t('rollout.phases.sites.all')),
            },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'sites-status' },
          }}
        >
          {SITE_STATUSES.map((s) => (
            <MenuItem key={s} value={s} dense>
              <Checkbox size="small" checked={filters.statuses.includes(s)} sx={{ p: 0.5, mr: 1 }} />
              <ListItemText primary={statusLabel(s)} />
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('rollout.phases.sites.model')}
          value={filters.model ?? ''}
          onChange={(e) => filters.set('model', e.target.value)}
          sx={{ minWidth: 160 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'sites-model' } }}
        >
          <MenuItem value="">{t('rollout.phases.sites.all')}</MenuItem>
          {(HANDOVER_MODELS as readonly HandoverModel[]).map((m) => (
            <MenuItem key={m} value={m}>
              {t(`rollout.labels.handoverModel.${m}`)}
            </MenuItem>
          ))}
        </TextField>
      </ListToolbar>
      {connection && connection.totalCount === 0 && !result.loading ? (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} data-testid="phase-sites-empty">
          <Typography>{filtered ? t('rollout.phases.sites.noMatches') : t('rollout.phases.sites.none')}</Typography>
        </Paper>
      ) : (
      <ListGrid
        label={t('rollout.phases.sites.title')}
        testId="phase-sites-grid"
        rows={connection?.edges.map((e) => e.node) ?? []}
        columns={columns}
        rowCount={connection?.totalCount ?? 0}
        loading={result.loading}
        problem={apiProblem(result.error)}
        pagination={pages.pagination}
        onPaginationModelChange={pages.onPaginationModelChange}
        onOpen={(row) => void navigate(siteHref(row.id))}
        narrowHidden={['postOffice', 'model']}
      />
      )}
    </>
  );
}
