import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Filters kept in the address (so Back and shared links keep the view): its query, and `set` one in place ('' removes it). */
export function useAddressParams() {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (key: string, value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { params, set };
}
