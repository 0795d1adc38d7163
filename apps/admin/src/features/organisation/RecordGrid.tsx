import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import {
  DataGrid,
  type GridColDef,
  type GridColumnVisibilityModel,
  type GridPaginationModel,
  type GridRenderCellParams,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import type { ApiProblem } from '../../graphql/errors';
import { PAGE_SIZES } from '../../hooks/useCursorPages';

interface RecordGridProps<R extends GridValidRowModel & { id: string }> {
  rows: readonly R[];
  columns: GridColDef<R>[];
  rowCount: number;
  loading: boolean;
  problem: ApiProblem | null;
  pagination: GridPaginationModel;
  onPaginationModelChange: (model: GridPaginationModel) => void;
  sortModel: GridSortModel;
  onSortModelChange: (model: GridSortModel) => void;
  /** The detail page of a row. */
  hrefOf: (row: R) => string;
  /** Columns to hide below the `lg` breakpoint (tablets). */
  narrowHidden?: readonly string[];
  label: string;
  testId?: string;
}

/**
 * A server-paginated, server-sorted list of records (name and code sort ascending only, as the API
 * does); a row opens its detail page by click, or by Enter on any of its cells.
 */
export function RecordGrid<R extends GridValidRowModel & { id: string }>({
  rows,
  columns,
  rowCount,
  loading,
  problem,
  pagination,
  onPaginationModelChange,
  sortModel,
  onSortModelChange,
  hrefOf,
  narrowHidden = [],
  label,
  testId,
}: RecordGridProps<R>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
          {problem.code === 'NETWORK' ? t('errors.network') : problem.message}
        </Alert>
      )}
      <Box data-testid={testId} sx={{ width: '100%' }}>
        <DataGrid<R>
          aria-label={label}
          rows={rows}
          columns={columns}
          rowCount={rowCount}
          loading={loading}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          disableColumnMenu
          disableRowSelectionOnClick
          sortingOrder={['asc']}
          paginationModel={pagination}
          onPaginationModelChange={onPaginationModelChange}
          pageSizeOptions={PAGE_SIZES}
          sortModel={sortModel}
          onSortModelChange={onSortModelChange}
          columnVisibilityModel={visibility}
          onRowClick={(params, event) => {
            // A click on the name link navigates by itself.
            if ((event.target as HTMLElement).closest('a')) return;
            void navigate(hrefOf(params.row));
          }}
          onCellKeyDown={(params, event: KeyboardEvent) => {
            if (event.key === 'Enter') void navigate(hrefOf(params.row as R));
          }}
          density="compact"
          sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' }, minHeight: 320 }}
        />
      </Box>
    </>
  );
}

/** A name cell that is a real link (middle-click, open in new tab), focusable with the cell. */
export function LinkCell<R extends GridValidRowModel>({ params, href }: { params: GridRenderCellParams<R>; href: string }) {
  return (
    <Link component={RouterLink} to={href} tabIndex={params.tabIndex} underline="hover" sx={{ fontWeight: 500 }}>
      {params.value as string}
    </Link>
  );
}
