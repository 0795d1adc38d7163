import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';
import { apiProblem } from '../graphql/errors';

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

/** A page of a GraphQL connection, as the list queries answer. */
interface Connection<N> {
  totalCount: number;
  edges: ReadonlyArray<{ node: N }>;
  pageInfo: { endCursor?: string | null };
}

/**
 * What a ListGrid shows of a connection query: the page asked for (the previous answer while it
 * loads), its end cursor remembered for "next page", and the grid's rows, count, state and paging.
 */
export function useGridPage<N>(
  pages: ReturnType<typeof useCursorPages>,
  result: { loading: boolean; error?: unknown },
  current: Connection<N> | null | undefined,
  previous: Connection<N> | null | undefined,
) {
  const connection = current ?? previous;
  useRememberPage(pages.rememberPage, pages.pagination.page, current?.pageInfo.endCursor);
  return {
    connection,
    /** The answer came, with no row. */
    empty: Boolean(connection && connection.totalCount === 0 && !result.loading),
    grid: {
      rows: connection?.edges.map((e) => e.node) ?? [],
      rowCount: connection?.totalCount ?? 0,
      loading: result.loading,
      problem: apiProblem(result.error),
      pagination: pages.pagination,
      onPaginationModelChange: pages.onPaginationModelChange,
    },
  };
}
