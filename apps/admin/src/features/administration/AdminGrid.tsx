import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { DataGrid, type GridColDef, type GridColumnVisibilityModel, type GridPaginationModel, type GridValidRowModel } from '@mui/x-data-grid';
import type { ApiProblem } from '../../graphql/errors';
import { PAGE_SIZES } from '../../hooks/useCursorPages';

interface AdminGridProps<R extends GridValidRowModel & { id: string }> {
  rows: readonly R[];
  columns: GridColDef<R>[];
  rowCount: number;
  loading: boolean;
  problem: ApiProblem | null;
  pagination: GridPaginationModel;
  onPaginationModelChange: (model: GridPaginationModel) => void;
  /** Opens a row (click, or Enter on one of its cells). */
  onOpen?: (row: R) => void;
  /** Columns to hide below the `lg` breakpoint (tablets). */
  narrowHidden?: readonly string[];
  label: string;
  testId?: string;
}

/** A server-paginated list in the API's own order (no sorting or filtering in the grid). */
export function AdminGrid<R extends GridValidRowModel & { id: string }>({
  rows,
  columns,
  rowCount,
  loading,
  problem,
  pagination,
  onPaginationModelChange,
  onOpen,
  narrowHidden = [],
  label,
  testId,
}: AdminGridProps<R>) {
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
  return (
    <>
      {problem && (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {problem.code === 'NETWORK' ? t('errors.network') : problem.code === 'FORBIDDEN' ? t('errors.forbidden') : problem.message}
        </Alert>
      )}
      <Box data-testid={testId} sx={{ width: '100%' }}>
        <DataGrid<R>
          aria-label={label}
          rows={rows}
          columns={columns.map((c) => ({ sortable: false, ...c }))}
          rowCount={rowCount}
          loading={loading}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          disableColumnMenu
          disableColumnSorting
          disableRowSelectionOnClick
          paginationModel={pagination}
          onPaginationModelChange={onPaginationModelChange}
          pageSizeOptions={PAGE_SIZES}
          columnVisibilityModel={visibility}
          onRowClick={
            onOpen
              ? (params, event) => {
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
