import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import type { GridColDef } from '@mui/x-data-grid';
import { ListGrid } from '../../components/ListGrid';
import { PostOfficesDocument, type PostOfficeRowFragment } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { useRememberPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCanEditOrganisation } from '../auth/permissions';
import { RecordListToolbar } from './RecordListToolbar';
import { PostOfficeCreateDialog } from './PostOfficeCreateDialog';
import { LinkCell } from './LinkCell';
import { StatusChip } from './StatusChip';
import { POST_OFFICE_KINDS } from './enums';
import { useRecordList } from './useRecordList';

export const postOfficeHref = (row: { id: string }) => `/organisation/post-offices/${row.id}`;

/** Mạng bưu chính: provincial and district post offices, post office counters, BĐVHX. */
export function PostOfficesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('organisation.sections.postOffices'));
  const list = useRecordList();
  const { filters } = list;
  const [creating, setCreating] = useState(false);
  const canEdit = useCanEditOrganisation();
  const { data, previousData, loading, error } = useQuery(PostOfficesDocument, {
    variables: {
      ...list.variables,
      filter: {
        search: filters.search || null,
        provinceCode: filters.province || null,
        kind: POST_OFFICE_KINDS.find((k) => k === filters.category) ?? null,
        includeRetired: filters.includeRetired || null,
      },
    },
  });
  const connection = (data ?? previousData)?.postOffices;
  useRememberPage(list.rememberPage, list.pagination.page, data?.postOffices.pageInfo.endCursor);

  const columns = useMemo<GridColDef<PostOfficeRowFragment>[]>(
    () => [
      {
        field: 'name',
        headerName: t('organisation.fields.name'),
        flex: 2,
        minWidth: 220,
        renderCell: (p) => <LinkCell params={p} href={postOfficeHref(p.row)} />,
      },
      { field: 'code', headerName: t('organisation.fields.code'), minWidth: 110, flex: 0.6 },
      {
        field: 'kind',
        headerName: t('organisation.fields.kind'),
        minWidth: 150,
        flex: 1,
        sortable: false,
        valueGetter: (_v, row) => t(`postOfficeKinds.${row.kind}`),
      },
      {
        field: 'parent',
        headerName: t('organisation.fields.parentPostOffice'),
        flex: 1.3,
        minWidth: 160,
        sortable: false,
        valueGetter: (_v, row) => row.parent?.name ?? '',
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
        searchLabel={t('organisation.postOffices.search')}
        categoryLabel={t('organisation.fields.kind')}
        categories={POST_OFFICE_KINDS.map((k) => ({ value: k, label: t(`postOfficeKinds.${k}`) }))}
        action={
          canEdit && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="create-post-office">
              {t('organisation.postOffices.create')}
            </Button>
          )
        }
      />
      <ListGrid
        label={t('organisation.sections.postOffices')}
        testId="post-offices-grid"
        rows={connection?.edges.map((e) => e.node) ?? []}
        columns={columns}
        rowCount={connection?.totalCount ?? 0}
        loading={loading}
        problem={apiProblem(error)}
        pagination={list.pagination}
        onPaginationModelChange={list.onPaginationModelChange}
        sortModel={list.sortModel}
        onSortModelChange={list.onSortModelChange}
        onOpen={(row) => void navigate(postOfficeHref(row))}
        narrowHidden={['parent', 'unit']}
      />
      {creating && <PostOfficeCreateDialog onClose={() => setCreating(false)} onCreated={(id) => void navigate(postOfficeHref({ id }))} />}
    </>
  );
}
