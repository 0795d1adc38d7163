import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  DataGrid,
  type GridColDef,
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
  /** FORBIDDEN reads as the app's own "not allowed" text rather than the API's message. */
  genericForbidden?: boolean;
  label: string;
  testId?: string;
}

/**
 * What every list's cells do: text wraps onto as many lines as it needs (rows grow), so a long name's
 * distinguishing end ("… huyện Cẩm Xuyên") is never cut off by an ellipsis; headers wrap too.
 */
export const WRAPPING_CELLS = {
  '& .MuiDataGrid-cell': {
    whiteSpace: 'normal',
    overflowWrap: 'break-word',
    textOverflow: 'clip',
    lineHeight: 1.4,
    py: 0.75,
    display: 'flex',
    alignItems: 'center',
  },
  '& .MuiDataGrid-columnHeaderTitle': { whiteSpace: 'normal', lineHeight: 1.2, textOverflow: 'clip', overflowWrap: 'break-word' },
} as const;

const autoRowHeight = () => 'auto' as const;
const estimatedRowHeight = () => 44;

/**
 * A server-paginated list (no filtering in the grid: the page's toolbar filters). Every column stays:
 * on a narrow screen the grid scrolls sideways (the columns keep their minimum widths), and long
 * texts wrap instead of being cut.
 */
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
  genericForbidden = false,
  label,
  testId,
}: ListGridProps<R>) {
  const { t } = useTranslation();
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
      {/* On a phone the columns keep their widths and the grid scrolls: say so, as nothing else shows it. */}
      <Typography variant="caption" color="text.secondary" component="p" className="ListGrid-scrollHint" sx={{ display: { xs: 'block', md: 'none' }, mb: 0.5 }}>
        {t('grid.scrollHint')}
      </Typography>
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
          getRowHeight={autoRowHeight}
          getEstimatedRowHeight={estimatedRowHeight}
          columnHeaderHeight={52}
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
          sx={{ bgcolor: 'background.paper', minHeight: 320, ...WRAPPING_CELLS, ...(onOpen ? { '& .MuiDataGrid-row': { cursor: 'pointer' } } : {}) }}
        />
      </Box>
    </>
  );
}
