import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
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
import { FilterSelect } from '../../components/FilterSelect';
import { ListToolbar } from '../../components/ListToolbar';
import { formatDate } from '../../dates';
import { RolloutPhaseSitesDocument, type AdministrativeLevel, type HandoverModel, type RolloutPhaseSiteRowFragment, type SiteStatus } from '../../graphql/generated';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useCursorPages, useGridPage } from '../../hooks/useCursorPages';
import { HANDOVER_MODELS, SITE_STATUSES } from './enums';
import { siteHref } from './MeetingList';
import { SiteStatusChip } from './SiteStatusChip';

const LEVELS: readonly AdministrativeLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

/** The site filters of a phase page, in the address (q, level, status=A,B, model). */
export function usePhaseSiteFilters() {
  const { params, set } = useAddressParams();
  const search = params.get('q') ?? '';
  const level = LEVELS.find((l) => l === params.get('level')) ?? null;
  const statuses = (params.get('status') ?? '').split(',').filter((s): s is SiteStatus => (SITE_STATUSES as readonly string[]).includes(s));
  const model = HANDOVER_MODELS.find((m) => m === params.get('model')) ?? null;
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
  const page = useGridPage(pages, result, result.data?.rolloutPhase?.sites, result.previousData?.rolloutPhase?.sites);
  const connection = page.connection;

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
        <FilterSelect
          label={t('rollout.phases.sites.level')}
          value={filters.level ?? ''}
          onChange={(value) => filters.set('level', value)}
          allLabel={t('rollout.phases.sites.all')}
          options={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
          sx={{ minWidth: 140 }}
          testId="sites-level"
        />
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
        <FilterSelect
          label={t('rollout.phases.sites.model')}
          value={filters.model ?? ''}
          onChange={(value) => filters.set('model', value)}
          allLabel={t('rollout.phases.sites.all')}
          options={(HANDOVER_MODELS as readonly HandoverModel[]).map((m) => ({ value: m, label: t(`rollout.labels.handoverModel.${m}`) }))}
          sx={{ minWidth: 160 }}
          testId="sites-model"
        />
      </ListToolbar>
      {page.empty ? (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} data-testid="phase-sites-empty">
          <Typography>{filtered ? t('rollout.phases.sites.noMatches') : t('rollout.phases.sites.none')}</Typography>
        </Paper>
      ) : (
        <ListGrid
          label={t('rollout.phases.sites.title')}
          testId="phase-sites-grid"
          columns={columns}
          {...page.grid}
          onOpen={(row) => void navigate(siteHref(row.id))}
        />
      )}
    </>
  );
}
