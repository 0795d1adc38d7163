import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import type { GridColDef } from '@mui/x-data-grid';
import { ListGrid } from '../../components/ListGrid';
import { AgenciesDocument, type AgencyRowFragment } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { useRememberPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCanEditOrganisation } from '../auth/permissions';
import { AgencyCreateDialog } from './AgencyCreateDialog';
import { RecordListToolbar } from './RecordListToolbar';
import { LinkCell } from './LinkCell';
import { StatusChip } from './StatusChip';
import { AGENCY_KINDS } from './enums';
import { useRecordList } from './useRecordList';

export const agencyHref = (row: { id: string }) => `/organisation/agencies/${row.id}`;

/** Cơ quan: departments, people's committees, the public administration centres. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('organisation.sections.agencies'));
  const list = useRecordList();
  const { filters } = list;
  const [creating, setCreating] = useState(false);
  const canEdit = useCanEditOrganisation();
  const { data, previousData, loading, error } = useQuery(AgenciesDocument, {
    variables: {
      ...list.variables,
      filter: {
        search: filters.search || null,
        provinceCode: filters.province || null,
        kind: AGENCY_KINDS.find((k) => k === filters.category) ?? null,
        includeRetired: filters.includeRetired || null,
      },
    },
  });
  const connection = (data ?? previousData)?.agencies;
  useRememberPage(list.rememberPage, list.pagination.page, data?.agencies.pageInfo.endCursor);

  const columns = useMemo<GridColDef<AgencyRowFragment>[]>(
    () => [
      { field: 'name', headerName: t('organisation.fields.name'), flex: 2, minWidth: 240, renderCell: (p) => <LinkCell params={p} href={agencyHref(p.row)} /> },
      { field: 'code', headerName: t('organisation.fields.code'), minWidth: 150, flex: 0.8 },
      {
        field: 'kind',
        headerName: t('organisation.fields.kind'),
        minWidth: 170,
        flex: 1.2,
        sortable: false,
        valueGetter: (_v, row) => t(`agencyKinds.${row.kind}`),
      },
      {
        field: 'unit',
        headerName: t('organisation.fields.unit'),
        flex: 1,
        minWidth: 140,
        sortable: false,
        valueGetter: (_v, row) => row.administrativeUnit.name,
      },
      {
        field: 'province',
        headerName: t('organisation.fields.province'),
        flex: 1,
        minWidth: 140,
        sortable: false,
        valueGetter: (_v, row) => row.province.name,
      },
      {
        field: 'status',
        headerName: t('organisation.fields.status'),
        minWidth: 150,
        sortable: false,
        renderCell: (p) => <StatusChip retiredOn={p.row.retiredOn} />,
      },
    ],
    [t],
  );

  return (
    <>
      <RecordListToolbar
        filters={filters}
        setFilter={list.setFilter}
        count={connection?.totalCount}
        searchLabel={t('organisation.agencies.search')}
        categoryLabel={t('organisation.fields.kind')}
        categories={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencyKinds.${k}`) }))}
        action={
          canEdit && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="create-agency">
              {t('organisation.agencies.create')}
            </Button>
          )
        }
      />
      <ListGrid
        label={t('organisation.sections.agencies')}
        testId="agencies-grid"
        rows={connection?.edges.map((e) => e.node) ?? []}
        columns={columns}
        rowCount={connection?.totalCount ?? 0}
        loading={loading}
        problem={apiProblem(error)}
        pagination={list.pagination}
        onPaginationModelChange={list.onPaginationModelChange}
        sortModel={list.sortModel}
        onSortModelChange={list.onSortModelChange}
        onOpen={(row) => void navigate(agencyHref(row))}
        narrowHidden={['unit']}
      />
      {creating && <AgencyCreateDialog onClose={() => setCreating(false)} onCreated={(id) => void navigate(agencyHref({ id }))} />}
    </>
  );
}
