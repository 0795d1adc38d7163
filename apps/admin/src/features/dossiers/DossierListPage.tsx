import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import LockOutlined from '@mui/icons-material/LockOutlined';
import type { GridColDef } from '@mui/x-data-grid';
import {
  DossierFieldsDocument,
  DossierFilterNamesDocument,
  DossierListDocument,
  DossierStatusCountsDocument,
  ReceptionProceduresDocument,
  type DossierChannel,
  type DossierFilter,
  type DossierRowFragment,
  type DossierStatus,
} from '../../graphql/generated';
import { DateField, INVALID_DAY } from '../../components/DateField';
import { FilterSelect } from '../../components/FilterSelect';
import { ListGrid } from '../../components/ListGrid';
import { ListToolbar } from '../../components/ListToolbar';
import { formatDate, formatDateTime, isIsoDate } from '../../dates';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useCursorPages, useGridPage } from '../../hooks/useCursorPages';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import { LinkCell } from '../organisation/LinkCell';
import { SearchAutocomplete, type Option } from '../organisation/SearchAutocomplete';
import { StaffDeskPicker } from '../staff/pickers';
import { DossierStatusChip } from './DossierChips';
import { DOSSIER_CHANNELS, DOSSIER_STATUSES } from './labels';

export const dossierHref = (row: { id: string }) => `/dossiers/${row.id}`;

/** The filters of the grid, kept in the address. */
const PARAM = { search: 'q', status: 'status', channel: 'channel', procedure: 'procedure', field: 'field', desk: 'desk', overdue: 'overdue', from: 'from', to: 'to' } as const;

/** The columns every dossier list shows (the grid and the officer's queue). */
export function useDossierColumns(): GridColDef<DossierRowFragment>[] {
  const { t } = useTranslation();
  return useMemo<GridColDef<DossierRowFragment>[]>(
    () => [
      {
        field: 'code',
        headerName: t('dossiers.fields.code'),
        minWidth: 215,
        renderCell: (p) => (
          <Box sx={{ fontFamily: '"Roboto Mono", monospace', fontSize: '0.75rem', whiteSpace: 'nowrap' }}>
            <LinkCell params={p} href={dossierHref(p.row)} />
          </Box>
        ),
      },
      {
        field: 'applicant',
        headerName: t('dossiers.fields.applicant'),
        minWidth: 150,
        flex: 1,
        renderCell: (p) =>
          p.row.applicant.masked ? (
            <Tooltip title={t('dossiers.masked')}>
              <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'text.secondary' }}>
                <LockOutlined sx={{ fontSize: 14 }} aria-label={t('dossiers.masked')} />
                {p.row.applicant.fullName}
              </Box>
            </Tooltip>
          ) : (
            p.row.applicant.fullName
          ),
      },
      {
        field: 'procedure',
        headerName: t('dossiers.fields.procedure'),
        minWidth: 200,
        flex: 2,
        renderCell: (p) => (
          <div>
            <div>{p.row.procedure.name}</div>
            <Typography variant="caption" color="text.secondary">
              {p.row.procedure.code}
            </Typography>
          </div>
        ),
      },
      { field: 'receivedAt', headerName: t('dossiers.fields.receivedAt'), minWidth: 130, valueGetter: (_v, row) => formatDateTime(row.receivedAt) },
      {
        field: 'dueDate',
        headerName: t('dossiers.fields.dueDate'),
        minWidth: 105,
        renderCell: (p) => (
          <div>
            <Box component="span" sx={{ color: p.row.overdue ? 'error.main' : undefined, fontWeight: p.row.overdue ? 500 : undefined }}>
              {formatDate(p.row.dueDate)}
            </Box>
            {p.row.promisedOn && (
              <Typography variant="caption" color="text.secondary" component="div">
                {t('dossiers.page.promisedOn', { date: formatDate(p.row.promisedOn) })}
              </Typography>
            )}
          </div>
        ),
      },
      { field: 'status', headerName: t('dossiers.fields.status'), minWidth: 165, flex: 1, renderCell: (p) => <DossierStatusChip status={p.row.status} overdue={p.row.overdue} /> },
      { field: 'channel', headerName: t('dossiers.fields.channel'), minWidth: 100, valueGetter: (_v, row) => t(`dossiers.channelShort.${row.channel}`) },
    ],
    [t],
  );
}

/** The procedure filter: the province's catalogue, searched on the API as you type. */
function ProcedureFilter({ value, onChange }: { value: Option | null; onChange: (next: Option | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [opened, setOpened] = useState(false);
  const search = useDebouncedValue(text.trim(), 250);
  const { data, previousData, loading } = useQuery(ReceptionProceduresDocument, { variables: { search: search || null }, skip: !opened });
  const options = ((data ?? previousData)?.procedures.edges ?? []).map(({ node }) => ({ id: node.id, label: node.name, detail: node.code }));
  return (
    <SearchAutocomplete
      label={t('dossiers.list.procedure')}
      value={value}
      onChange={onChange}
      onSearch={setText}
      onOpen={() => setOpened(true)}
      options={options}
      loading={loading || text.trim() !== search}
      size="small"
      testId="dossier-filter-procedure"
    />
  );
}

/**
 * Danh sách hồ sơ: the dossiers within reach, latest received first, server-paginated; the counts per
 * status on top (a chip filters by it), then the filters: search (code, name without diacritics, phone,
 * ID number), channel, procedure, field, desk, due, received between two days.
 */
export function DossierListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('dossiers.list.title'));
  const { user } = useSession();
  const roles = user?.roles ?? [];
  const canReceive = roles.includes('COUNTER_CLERK') || roles.includes('POST_OFFICE_MANAGER');
  const { params, set } = useAddressParams();
  const search = params.get(PARAM.search) ?? '';
  const rawStatus = params.get(PARAM.status) ?? '';
  const status = DOSSIER_STATUSES.includes(rawStatus as DossierStatus) ? (rawStatus as DossierStatus) : null;
  const rawChannel = params.get(PARAM.channel) ?? '';
  const channel = DOSSIER_CHANNELS.includes(rawChannel as DossierChannel) ? (rawChannel as DossierChannel) : null;
  const procedureId = params.get(PARAM.procedure) ?? '';
  const fieldId = params.get(PARAM.field) ?? '';
  const deskId = params.get(PARAM.desk) ?? '';
  const overdue = params.get(PARAM.overdue) ?? '';
  const from = params.get(PARAM.from) ?? '';
  const to = params.get(PARAM.to) ?? '';

  const base: DossierFilter = {
    search: search || null,
    channels: channel ? [channel] : null,
    procedureId: procedureId || null,
    fieldId: fieldId || null,
    deskId: deskId || null,
    overdue: overdue === '1' ? true : overdue === '0' ? false : null,
    receivedFrom: isIsoDate(from) ? from : null,
    receivedTo: isIsoDate(to) ? to : null,
  };
  const filter: DossierFilter = { ...base, statuses: status ? [status] : null };
  const pages = useCursorPages(JSON.stringify(filter));
  const result = useQuery(DossierListDocument, { variables: { first: pages.first, after: pages.after, filter } });
  const page = useGridPage(pages, result, result.data?.dossiers, result.previousData?.dossiers);
  const counts = useQuery(DossierStatusCountsDocument, { variables: { filter: base } });
  const countsData = (counts.data ?? counts.previousData)?.dossierStatusCounts ?? [];
  const countOf = (s: DossierStatus) => countsData.find((c) => c.status === s)?.count ?? 0;
  const total = countsData.reduce((sum, c) => sum + c.count, 0);
  const { data: fields } = useQuery(DossierFieldsDocument);
  // The names of a procedure or desk chosen before the page was (re)loaded, or named by a link (a desk's page links here).
  const { data: names } = useQuery(DossierFilterNamesDocument, {
    variables: { procedureId: procedureId || '', withProcedure: Boolean(procedureId), deskId: deskId || '', withDesk: Boolean(deskId) },
    skip: !procedureId && !deskId,
  });
  const procedure: Option | null = procedureId ? { id: procedureId, label: names?.procedure?.name ?? '' } : null;
  const [desk, setDesk] = useState<Option | null>(null);
  const columns = useDossierColumns();

  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t('dossiers.list.countsLabel')} data-testid="dossier-counts">
        <Chip
          label={`${t('dossiers.list.all')} · ${total}`}
          color={status ? 'default' : 'primary'}
          variant={status ? 'outlined' : 'filled'}
          onClick={() => set(PARAM.status, '')}
          data-testid="dossier-count-ALL"
        />
        {DOSSIER_STATUSES.filter((s) => countOf(s) > 0 || s === status).map((s) => (
          <Chip
            key={s}
            label={`${t(`dossiers.status.${s}`)} · ${countOf(s)}`}
            color={status === s ? 'primary' : 'default'}
            variant={status === s ? 'filled' : 'outlined'}
            onClick={() => set(PARAM.status, status === s ? '' : s)}
            aria-pressed={status === s}
            data-testid={`dossier-count-${s}`}
          />
        ))}
      </Stack>
      <ListToolbar
        search={search}
        onSearch={(text) => set(PARAM.search, text)}
        searchLabel={t('dossiers.list.search')}
        searchTestId="dossier-search"
        countText={page.connection ? t('dossiers.list.count', { count: page.connection.totalCount }) : ''}
        action={
          canReceive && (
            <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/dossiers/new" data-testid="dossier-receive">
              {t('dossiers.list.receive')}
            </Button>
          )
        }
      >
        <FilterSelect
          label={t('dossiers.fields.channel')}
          value={channel ?? ''}
          onChange={(value) => set(PARAM.channel, value)}
          allLabel={t('dossiers.list.allChannels')}
          options={DOSSIER_CHANNELS.map((c) => ({ value: c, label: t(`dossiers.channelShort.${c}`) }))}
          sx={{ flex: '0 1 170px', minWidth: 150 }}
          testId="dossier-filter-channel"
        />
        <FilterSelect
          label={t('dossiers.list.overdueFilter')}
          value={overdue}
          onChange={(value) => set(PARAM.overdue, value)}
          allLabel={t('dossiers.list.overdueAll')}
          options={[
            { value: '1', label: t('dossiers.list.overdueYes') },
            { value: '0', label: t('dossiers.list.overdueNo') },
          ]}
          sx={{ flex: '0 1 140px', minWidth: 130 }}
          testId="dossier-filter-overdue"
        />
        <Box sx={{ flex: '1 1 260px', minWidth: 220 }}>
          <ProcedureFilter value={procedure} onChange={(next) => set(PARAM.procedure, next?.id ?? '')} />
        </Box>
        <FilterSelect
          label={t('dossiers.fields.field')}
          value={fields ? fieldId : ''}
          onChange={(value) => set(PARAM.field, value)}
          allLabel={t('dossiers.list.allFields')}
          options={(fields?.procedureFields ?? []).map((f) => ({ value: f.id, label: f.name }))}
          sx={{ flex: '0 1 200px', minWidth: 170 }}
          testId="dossier-filter-field"
        />
        {!roles.includes('COUNTER_CLERK') && (
          <Box sx={{ flex: '1 1 240px', minWidth: 200 }}>
            <StaffDeskPicker
              label={t('dossiers.list.desk')}
              value={deskId ? (desk?.id === deskId ? desk : { id: deskId, label: names?.oneStopDesk?.name ?? '' }) : null}
              onChange={(next) => {
                setDesk(next);
                set(PARAM.desk, next?.id ?? '');
              }}
              size="small"
              testId="dossier-filter-desk"
            />
          </Box>
        )}
        <Box sx={{ flex: '0 1 190px', minWidth: 180 }}>
          <DateField label={t('dossiers.list.from')} value={from} onChange={(v) => v !== INVALID_DAY && set(PARAM.from, v)} size="small" testId="dossier-filter-from" />
        </Box>
        <Box sx={{ flex: '0 1 190px', minWidth: 180 }}>
          <DateField label={t('dossiers.list.to')} value={to} onChange={(v) => v !== INVALID_DAY && set(PARAM.to, v)} size="small" testId="dossier-filter-to" />
        </Box>
      </ListToolbar>
      <ListGrid label={t('dossiers.list.title')} testId="dossier-grid" columns={columns} {...page.grid} onOpen={(row) => void navigate(dossierHref(row))} />
    </>
  );
}
