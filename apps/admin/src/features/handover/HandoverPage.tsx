import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { FilterSelect } from '../../components/FilterSelect';
import { ListGrid } from '../../components/ListGrid';
import {
  HandoverFacilityListDocument,
  HandoverPersonnelListDocument,
  HandoverProgrammeTotalsDocument,
  type HandoverFacilityListQuery,
  type HandoverFilter,
  type HandoverPersonnelListQuery,
  type HandoverStatus,
} from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { formatDate } from '../../dates';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useCursorPages, useGridPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { HANDOVER_STATUSES } from '../rollout/enums';
import { HandoverStatusChip } from '../rollout/SiteStatusChip';
import { formatCount, formatVnd } from './HandoverForm';
import { HandoverTotalsPanel } from './HandoverTotalsPanel';

type Tab = 'personnel' | 'facility';
type PersonnelRow = HandoverPersonnelListQuery['personnelHandovers']['edges'][number]['node'];
type FacilityRow = HandoverFacilityListQuery['facilityHandovers']['edges'][number]['node'];

const siteHref = (row: { id: string; site: { id: string } }) => `/rollout/sites/${row.site.id}#handover-${row.id}`;

/** The site's desk name (on up to two lines: desk names share a long prefix) as a real link to the handover on the site page. */
function SiteCell({ row, tabIndex }: { row: { id: string; site: { id: string; oneStopDesk: { name: string } } }; tabIndex: number }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
      <Link
        component={RouterLink}
        to={siteHref(row)}
        tabIndex={tabIndex}
        underline="hover"
        title={row.site.oneStopDesk.name}
        sx={{ fontWeight: 500, fontSize: '0.8125rem', lineHeight: 1.4 }}
      >
        {row.site.oneStopDesk.name}
      </Link>
    </Box>
  );
}

/** Filters in the address (tab, status, programme), so Back and shared links keep the view. */
function useHandoverFilters() {
  const { params, set } = useAddressParams();
  const tab: Tab = params.get('tab') === 'facility' ? 'facility' : 'personnel';
  const statusParam = params.get('status');
  const status = HANDOVER_STATUSES.find((s) => s === statusParam) ?? null;
  const programme = params.get('programme') ?? '';
  const filter: HandoverFilter = { status: status ? [status] : null, programmeId: programme || null };
  return { tab, status, programme, set, filter };
}

/** The totals of every programme the user sees: civil servants relieved vs postal staff deployed, and the investment. */
function ProgrammeTotals() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(HandoverProgrammeTotalsDocument, { fetchPolicy: 'cache-and-network' });
  const problem = apiProblem(error);
  const programmes = data?.pilotProgrammes.edges.map((e) => e.node) ?? [];
  if (problem && !data) {
    return (
      <Alert severity="error" role="alert" sx={{ mb: 3 }}>
        {problem.code === 'NETWORK' ? t('errors.network') : problem.message}
      </Alert>
    );
  }
  if (loading && !data) return <Skeleton variant="rounded" height={120} sx={{ mb: 3 }} />;
  if (programmes.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
        <Typography variant="body2" color="text.secondary" data-testid="handover-no-programmes">
          {t('handover.page.noProgrammes')}
        </Typography>
      </Paper>
    );
  }
  return (
    <Box
      component="section"
      aria-label={t('handover.page.totalsLabel')}
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', xl: programmes.length > 1 ? 'repeat(2, minmax(0, 1fr))' : '1fr' }, gap: 2, mb: 3 }}
    >
      {programmes.map((p) => (
        <Paper key={p.id} variant="outlined" sx={{ p: 2 }} data-testid={`programme-totals-${p.code}`}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 1.5 }}>
            <Link component={RouterLink} to={`/rollout/programmes/${p.id}`} variant="subtitle1" sx={{ fontWeight: 500 }}>
              {p.code}
            </Link>
            <Typography variant="body2" color="text.secondary" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {p.name} · {p.province.name} · {t(`rollout.labels.programmeStatus.${p.status}`)}
            </Typography>
          </Stack>
          <HandoverTotalsPanel totals={p.handoverTotals} testId={`programme-totals-${p.code}`} />
        </Paper>
      ))}
    </Box>
  );
}

/** What every handover list shows of a row, whatever its kind. */
interface HandoverRow {
  id: string;
  site: { id: string; oneStopDesk: { name: string } };
  recordNumber?: string | null;
  effectiveOn?: string | null;
  status: HandoverStatus;
}

/**
 * One tab's list: its count, then the grid (the site, the kind's own `columns`, the record number,
 * the effective day and the status) or, when there is no handover, a note saying so.
 */
function HandoverGrid<R extends HandoverRow>({
  kind,
  page,
  columns,
}: {
  kind: Tab;
  page: ReturnType<typeof useGridPage<R>>;
  columns: GridColDef<R>[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const allColumns = useMemo<GridColDef<R>[]>(
    () => [
      {
        field: 'site',
        headerName: t('handover.fields.site'),
        flex: 3,
        minWidth: 260,
        valueGetter: (_v, row) => row.site.oneStopDesk.name,
        renderCell: (p) => <SiteCell row={p.row} tabIndex={p.tabIndex} />,
      },
      ...columns,
      {
        field: 'recordNumber',
        headerName: t('handover.fields.recordNumber'),
        flex: 1,
        minWidth: 130,
        valueGetter: (_v, row) => row.recordNumber ?? '—',
      },
      { field: 'effectiveOn', headerName: t('handover.page.effectiveOn'), minWidth: 120, valueGetter: (_v, row) => formatDate(row.effectiveOn) || '—' },
      { field: 'status', headerName: t('handover.fields.status'), minWidth: 120, renderCell: (p) => <HandoverStatusChip status={p.row.status} /> },
    ],
    [columns, t],
  );
  return (
    <>
      <Typography variant="body2" color="text.secondary" role="status" sx={{ mb: 1 }} data-testid="list-count">
        {page.connection ? t('handover.page.count', { count: page.connection.totalCount }) : ''}
      </Typography>
      {page.empty ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="body2" color="text.secondary" data-testid={`${kind}-list-empty`}>
            {t(`handover.page.${kind}Empty`)}
          </Typography>
        </Paper>
      ) : (
        <ListGrid
          label={t(`handover.page.tabs.${kind}`)}
          testId={`${kind}-grid`}
          columns={allColumns}
          {...page.grid}
          onOpen={(row) => void navigate(siteHref(row))}
        />
      )}
    </>
  );
}

function PersonnelGrid({ filter, resetKey }: { filter: HandoverFilter; resetKey: string }) {
  const { t } = useTranslation();
  const pages = useCursorPages(resetKey);
  const result = useQuery(HandoverPersonnelListDocument, {
    variables: { first: pages.first, after: pages.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const page = useGridPage(pages, result, result.data?.personnelHandovers, result.previousData?.personnelHandovers);
  const columns = useMemo<GridColDef<PersonnelRow>[]>(
    () => [
      {
        field: 'tasks',
        headerName: t('handover.fields.tasks'),
        flex: 2,
        minWidth: 150,
        valueGetter: (_v, row) => row.tasks.map((task) => t(`rollout.labels.handoverTask.${task}`)).join(', '),
      },
      {
        field: 'people',
        headerName: t('handover.page.relievedDeployed'),
        description: t('handover.page.relievedDeployedHint'),
        minWidth: 130,
        align: 'right',
        headerAlign: 'right',
        valueGetter: (_v, row) => `${formatCount(row.relieved.length)} / ${formatCount(row.deployed.length)}`,
      },
    ],
    [t],
  );
  return <HandoverGrid kind="personnel" page={page} columns={columns} />;
}

function FacilityGrid({ filter, resetKey }: { filter: HandoverFilter; resetKey: string }) {
  const { t } = useTranslation();
  const pages = useCursorPages(resetKey);
  const result = useQuery(HandoverFacilityListDocument, {
    variables: { first: pages.first, after: pages.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const page = useGridPage(pages, result, result.data?.facilityHandovers, result.previousData?.facilityHandovers);
  const columns = useMemo<GridColDef<FacilityRow>[]>(
    () => [
      {
        field: 'premisesAfter',
        headerName: t('handover.fields.premisesAfter'),
        flex: 2,
        minWidth: 150,
        valueGetter: (_v, row) => (row.premisesAfter ? `${row.premisesAfter.address} (${row.premisesAfter.owner})` : '—'),
      },
      {
        field: 'investmentTotal',
        headerName: t('handover.fields.investmentTotal'),
        minWidth: 140,
        align: 'right',
        headerAlign: 'right',
        valueGetter: (_v, row) => formatVnd(row.investmentTotal),
      },
    ],
    [t],
  );
  return <HandoverGrid kind="facility" page={page} columns={columns} />;
}

/** Chuyển giao: the totals per programme, then personnel and facility handovers of every site as server-paginated lists. */
export function HandoverPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('handover.title'));
  const { tab, status, programme, set, filter } = useHandoverFilters();
  const { data: programmes } = useQuery(HandoverProgrammeTotalsDocument, { fetchPolicy: 'cache-first' });
  const resetKey = JSON.stringify([tab, status, programme]);
  return (
    <Box data-testid="handover-page">
      <Typography variant="h1" gutterBottom>
        {t('handover.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('handover.page.intro')}
      </Typography>
      <ProgrammeTotals />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs
          value={tab}
          onChange={(_e, value: Tab) => set('tab', value === 'personnel' ? '' : value)}
          aria-label={t('handover.page.tabsLabel')}
          variant="scrollable"
          allowScrollButtonsMobile
        >
          <Tab value="personnel" label={t('handover.page.tabs.personnel')} data-testid="handover-tab-personnel" />
          <Tab value="facility" label={t('handover.page.tabs.facility')} data-testid="handover-tab-facility" />
        </Tabs>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mb: 1.5 }}>
        <FilterSelect
          label={t('handover.fields.status')}
          value={status ?? ''}
          onChange={(value) => set('status', value)}
          allLabel={t('handover.page.allStatuses')}
          options={HANDOVER_STATUSES.map((s: HandoverStatus) => ({ value: s, label: t(`rollout.labels.handoverStatus.${s}`) }))}
          sx={{ flex: '0 1 220px', minWidth: 180 }}
          testId="handover-status-filter"
        />
        {programmes && programmes.pilotProgrammes.edges.length > 1 && (
          <FilterSelect
            label={t('handover.page.programme')}
            value={programme}
            onChange={(value) => set('programme', value)}
            allLabel={t('handover.page.allProgrammes')}
            options={programmes.pilotProgrammes.edges.map(({ node }) => ({ value: node.id, label: `${node.code} · ${node.name}` }))}
            sx={{ flex: '0 1 320px', minWidth: 200 }}
            testId="handover-programme-filter"
          />
        )}
      </Box>
      {tab === 'personnel' ? <PersonnelGrid filter={filter} resetKey={resetKey} /> : <FacilityGrid filter={filter} resetKey={resetKey} />}
    </Box>
  );
}
