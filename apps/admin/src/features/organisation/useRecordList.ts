import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import type { OrganisationSort } from '../../graphql/generated';

export const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;

/** What the list toolbar sets; kept in the address so Back and shared links keep the view. */
export interface ListFilters {
  search: string;
  province: string;
  /** Level or kind, depending on the list. */
  category: string;
  includeRetired: boolean;
}

const PARAM = { search: 'q', province: 'province', category: 'type', includeRetired: 'retired', sort: 'sort' } as const;

/**
 * State of a server-paginated list: filters and sort in the URL, keyset pages in memory.
 * The API pages with cursors (`first`/`after`), so the grid moves one page at a time and the
 * cursor of each page seen is remembered; any change of filter, sort or page size starts over.
 */
export function useRecordList() {
  const [params, setParams] = useSearchParams();
  const filters: ListFilters = {
    search: params.get(PARAM.search) ?? '',
    province: params.get(PARAM.province) ?? '',
    category: params.get(PARAM.category) ?? '',
    includeRetired: params.get(PARAM.includeRetired) === '1',
  };
  const sort: OrganisationSort = params.get(PARAM.sort) === 'code' ? 'CODE_ASC' : 'NAME_ASC';

  const setFilter = useCallback(
    <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const text = typeof value === 'boolean' ? (value ? '1' : '') : String(value);
          if (text) next.set(PARAM[key], text);
          else next.delete(PARAM[key]);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  // Stable between renders: the grid takes a new sort model for a change of sort, and goes back to page 1.
  const sortModel: GridSortModel = useMemo(() => [{ field: sort === 'CODE_ASC' ? 'code' : 'name', sort: 'asc' }], [sort]);
  const onSortModelChange = useCallback(
    (model: GridSortModel) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (model[0]?.field === 'code') next.set(PARAM.sort, 'code');
          else next.delete(PARAM.sort);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const resetKey = JSON.stringify([filters, sort]);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: DEFAULT_PAGE_SIZE });
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

  const variables = { first: pagination.pageSize, after: cursors.current[pagination.page] ?? null, sort };

  return { filters, setFilter, sort, sortModel, onSortModelChange, pagination, onPaginationModelChange, rememberPage, variables };
}

/** Records the end cursor of each page as it arrives. */
export function useRememberPage(
  rememberPage: (page: number, endCursor: string | null | undefined) => void,
  page: number,
  endCursor: string | null | undefined,
) {
  useEffect(() => rememberPage(page, endCursor), [rememberPage, page, endCursor]);
}
