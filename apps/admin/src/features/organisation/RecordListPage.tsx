import { useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import type { GridColDef } from '@mui/x-data-grid';
import { ListGrid } from '../../components/ListGrid';
import { apiProblem } from '../../graphql/errors';
import { useRememberPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCanEditOrganisation } from '../auth/permissions';
import type { CreateDialogProps } from './RecordDialogs';
import { RecordListToolbar, type CategoryChoice } from './RecordListToolbar';
import { StatusChip } from './StatusChip';
import type { RecordList } from './useRecordList';

/** What every organisation list shows of a record, after its own columns. */
interface RecordRow {
  id: string;
  administrativeUnit: { name: string };
  province: { name: string };
  retiredOn?: string | null;
}

interface Connection<R> {
  totalCount: number;
  edges: ReadonlyArray<{ node: R }>;
  pageInfo: { endCursor?: string | null };
}

interface RecordListPageProps<D, R extends RecordRow> {
  /** The section: the tab title and the grid's label. */
  title: string;
  list: RecordList;
  /** The list query's result (`useQuery`), and where its connection is in the data. */
  result: { data?: D; previousData?: D; loading: boolean; error?: unknown };
  connectionOf: (data: D) => Connection<R>;
  /** The record's own columns; the unit, province and status columns follow. */
  columns: GridColDef<R>[];
  /** The detail page of a record. */
  hrefOf: (row: { id: string }) => string;
  searchLabel: string;
  /** The level or kind filter. */
  categoryLabel: string;
  categories: readonly CategoryChoice[];
  /** The create button (for those who may edit the organisation) and its dialog. */
  create: { label: string; testId: string; Dialog: ComponentType<CreateDialogProps> };
  testId: string;
}

/**
 * A list of records of the organisation (desks, post offices, agencies): filters and sort in the
 * address, server pages, a row opens its detail page, and the create dialog opens the new record.
 */
export function RecordListPage<D, R extends RecordRow>({
  title,
  list,
  result,
  connectionOf,
  columns,
  hrefOf,
  searchLabel,
  categoryLabel,
  categories,
  create,
  testId,
}: RecordListPageProps<D, R>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(title);
  const [creating, setCreating] = useState(false);
  const canEdit = useCanEditOrganisation();
  const current = result.data && connectionOf(result.data);
  const connection = current ?? (result.previousData && connectionOf(result.previousData));
  useRememberPage(list.rememberPage, list.pagination.page, current?.pageInfo.endCursor);

  const allColumns = useMemo<GridColDef<R>[]>(
    () => [
      ...columns,
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
        minWidth: 120,
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
    [columns, t],
  );

  return (
    <>
      <RecordListToolbar
        filters={list.filters}
        setFilter={list.setFilter}
        count={connection?.totalCount}
        searchLabel={searchLabel}
        categoryLabel={categoryLabel}
        categories={categories}
        action={
          canEdit && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid={create.testId}>
              {create.label}
            </Button>
          )
        }
      />
      <ListGrid
        label={title}
        testId={testId}
        rows={connection?.edges.map((e) => e.node) ?? []}
        columns={allColumns}
        rowCount={connection?.totalCount ?? 0}
        loading={result.loading}
        problem={apiProblem(result.error)}
        pagination={list.pagination}
        onPaginationModelChange={list.onPaginationModelChange}
        sortModel={list.sortModel}
        onSortModelChange={list.onSortModelChange}
        onOpen={(row) => void navigate(hrefOf(row))}
      />
      {creating && <create.Dialog onClose={() => setCreating(false)} onCreated={(id) => void navigate(hrefOf({ id }))} />}
    </>
  );
}
