import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import type { GridColDef } from '@mui/x-data-grid';
import { ListGrid } from '../../components/ListGrid';
import { DesksDocument, type DeskRowFragment } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { useRememberPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCanEditOrganisation } from '../auth/permissions';
import { DeskCreateDialog } from './DeskCreateDialog';
import { RecordListToolbar } from './RecordListToolbar';
import { LinkCell } from './LinkCell';
import { StatusChip } from './StatusChip';
import { LEVELS } from './enums';
import { useRecordList } from './useRecordList';

export const deskHref = (row: { id: string }) => `/organisation/desks/${row.id}`;

/** Bộ phận Một cửa: every desk, searchable, by province and level. */
export function DesksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('organisation.sections.desks'));
  const list = useRecordList();
  const { filters } = list;
  const [creating, setCreating] = useState(false);
  const canEdit = useCanEditOrganisation();
  const { data, previousData, loading, error } = useQuery(DesksDocument, {
    variables: {
      ...list.variables,
      filter: {
        search: filters.search || null,
        provinceCode: filters.province || null,
        level: LEVELS.find((l) => l === filters.category) ?? null,
        includeRetired: filters.includeRetired || null,
      },
    },
  });
  const connection = (data ?? previousData)?.oneStopDesks;
  useRememberPage(list.rememberPage, list.pagination.page, data?.oneStopDesks.pageInfo.endCursor);

  const columns = useMemo<GridColDef<DeskRowFragment>[]>(
    () => [
      { field: 'name', headerName: t('organisation.fields.name'), flex: 2, minWidth: 220, renderCell: (p) => <LinkCell params={p} href={deskHref(p.row)} /> },
      { field: 'code', headerName: t('organisation.fields.code'), minWidth: 150, flex: 0.8 },
      { field: 'level', headerName: t('organisation.fields.level'), minWidth: 100, sortable: false, valueGetter: (_v, row) => t(`levels.${row.level}`) },
      { field: 'agency', headerName: t('organisation.fields.agency'), flex: 1.5, minWidth: 180, sortable: false, valueGetter: (_v, row) => row.agency.name },
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
        searchLabel={t('organisation.desks.search')}
        categoryLabel={t('organisation.fields.level')}
        categories={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
        action={
          canEdit && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="create-desk">
              {t('organisation.desks.create')}
            </Button>
          )
        }
      />
      <ListGrid
        label={t('organisation.sections.desks')}
        testId="desks-grid"
        rows={connection?.edges.map((e) => e.node) ?? []}
        columns={columns}
        rowCount={connection?.totalCount ?? 0}
        loading={loading}
        problem={apiProblem(error)}
        pagination={list.pagination}
        onPaginationModelChange={list.onPaginationModelChange}
        sortModel={list.sortModel}
        onSortModelChange={list.onSortModelChange}
        onOpen={(row) => void navigate(deskHref(row))}
        narrowHidden={['agency', 'unit']}
      />
      {creating && <DeskCreateDialog onClose={() => setCreating(false)} onCreated={(id) => void navigate(deskHref({ id }))} />}
    </>
  );
}
