import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';

export const PAGE_SIZES = [10, 25, 50, 100];

/**
 * Keyset pages of a server-paginated grid. The API pages with cursors (`first`/`after`), so the grid
 * moves one page at a time and the end cursor of each page seen is remembered; a change of
 * `resetKey` (the filters, and the sort if any) or of the page size starts over from the first page.
 */
export function useCursorPages(resetKey: string, defaultPageSize = 25) {
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: defaultPageSize });
  const cursors = useRef<Array<string | null>>([null]);
  const [seenKey, setSeenKey] = useState(resetKey);
  if (seenKey !== resetKey) {
    // Filters or sort changed: back to the first page (adjusting state while rendering, as React advises).
    setSeenKey(resetKey);
    setPagination((p) => ({ ...p, page: 0 }));
    cursors.current = [null];
  }

  const onPaginationModelChange = useCallback((model: GridPaginationModel) => {
    setPagination((prev) => {
      if (model.pageSize !== prev.pageSize) {
        cursors.current = [null];
        return { page: 0, pageSize: model.pageSize };
      }
      // Only pages whose cursor is known can be reached (the grid moves one page at a time).
      return cursors.current[model.page] !== undefined ? model : prev;
    });
  }, []);

  /** Remembers where the page just loaded ends, so "next page" knows where to start. */
  const rememberPage = useCallback((page: number, endCursor: string | null | undefined) => {
    if (endCursor) cursors.current[page + 1] = endCursor;
  }, []);

  return { pagination, onPaginationModelChange, rememberPage, first: pagination.pageSize, after: cursors.current[pagination.page] ?? null };
}

/** Records the end cursor of each page as it arrives. */
export function useRememberPage(
  rememberPage: (page: number, endCursor: string | null | undefined) => void,
  page: number,
  endCursor: string | null | undefined,
) {
  useEffect(() => rememberPage(page, endCursor), [rememberPage, page, endCursor]);
}
