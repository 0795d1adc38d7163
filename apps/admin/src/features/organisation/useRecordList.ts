import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { GridSortModel } from '@mui/x-data-grid';
import type { OrganisationSort } from '../../graphql/generated';
import { useCursorPages } from '../../hooks/useCursorPages';

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
 * State of a server-paginated list: filters and sort in the URL, keyset pages in memory
 * ({@link useCursorPages}); any change of filter, sort or page size starts over.
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

  const pages = useCursorPages(JSON.stringify([filters, sort]));
  const { pagination, onPaginationModelChange, rememberPage } = pages;
  const variables = { first: pages.first, after: pages.after, sort };
  /** The API's filter, but for the level or kind (see {@link categoryIn}). */
  const filter = { search: filters.search || null, provinceCode: filters.province || null, includeRetired: filters.includeRetired || null };
  /** The chosen level or kind, if it is one of `choices`. */
  const categoryIn = <C extends string>(choices: readonly C[]): C | null => choices.find((c) => c === filters.category) ?? null;

  return { filters, setFilter, sort, sortModel, onSortModelChange, pagination, onPaginationModelChange, rememberPage, variables, filter, categoryIn };
}

export type RecordList = ReturnType<typeof useRecordList>;
