import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import {
  DataGrid,
  type GridColDef,
  type GridColumnVisibilityModel,
  type GridPaginationModel,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import type { ApiProblem } from '../graphql/errors';
import { PAGE_SIZES } from '../hooks/useCursorPages';

interface ListGridProps<R extends GridValidRowModel & { id: string }> {
  rows: readonly R[];
  columns: GridColDef<R>[];
  rowCount: number;
  loading: boolean;
  problem: ApiProblem | null;
  pagination: GridPaginationModel;
  onPaginationModelChange: (model: GridPaginationModel) => void;
  /**
   * The server's sort (ascending only, as the API sorts). Without it the list is in the API's own
   * order and no column sorts.
   */
  sortModel?: GridSortModel;
  onSortModelChange?: (model: GridSortModel) => void;
  /** Opens a row (click, or Enter on one of its cells). */
  onOpen?: (row: R) => void;
  /** Columns to hide below the `lg` breakpoint (tablets). */
  narrowHidden?: readonly string[];
  /** FORBIDDEN reads as the app's own "not allowed" text rather than the API's message. */
  genericForbidden?: boolean;
  label: string;
  testId?: string;
}

/** A server-paginated list (no filtering in the grid: the page's toolbar filters). */
export function ListGrid<R extends GridValidRowModel & { id: string }>({
  rows,
  columns,
  rowCount,
  loading,
  problem,
  pagination,
  onPaginationModelChange,
  sortModel,
  onSortModelChange,
  onOpen,
  narrowHidden = [],
  genericForbidden = false,
  label,
  testId,
}: ListGridProps<R>) {
  const { t } = useTranslation();
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('lg'));
  const hidden = narrowHidden.join(',');
  const visibility: GridColumnVisibilityModel = useMemo(
    () =>
      Object.fromEntries(
        hidden
          .split(',')
          .filter(Boolean)
          .map((field) => [field, !narrow]),
      ),
    [hidden, narrow],
  );
  const sorting = sortModel
    ? { columns, sortingOrder: ['asc' as const], sortModel, onSortModelChange }
    : { columns: columns.map((c) => ({ sortable: false, ...c })), disableColumnSorting: true };
  return (
    <>
      {problem && (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {problem.code === 'NETWORK'
            ? t('errors.network')
            : genericForbidden && problem.code === 'FORBIDDEN'
              ? t('errors.forbidden')
              : problem.message}
        </Alert>
      )}
      <Box data-testid={testId} sx={{ width: '100%' }}>
        <DataGrid<R>
          aria-label={label}
          rows={rows}
          {...sorting}
          rowCount={rowCount}
          loading={loading}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          disableColumnMenu
          disableRowSelectionOnClick
          paginationModel={pagination}
          onPaginationModelChange={onPaginationModelChange}
          pageSizeOptions={PAGE_SIZES}
          columnVisibilityModel={visibility}
          onRowClick={
            onOpen
              ? (params, event) => {
                  // A link or button in the row acts by itself.
                  if ((event.target as HTMLElement).closest('a, button')) return;
                  onOpen(params.row);
                }
              : undefined
          }
          onCellKeyDown={
            onOpen
              ? (params, event) => {
                  if (event.key === 'Enter' && params.field !== 'actions') onOpen(params.row as R);
                }
              : undefined
          }
          density="compact"
          sx={{ bgcolor: 'background.paper', minHeight: 320, ...(onOpen ? { '& .MuiDataGrid-row': { cursor: 'pointer' } } : {}) }}
        />
      </Box>
    </>
  );
}
