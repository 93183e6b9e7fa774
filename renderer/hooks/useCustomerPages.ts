/**
 * Customers fetched page by page (offset/limit) as the list scrolls, for lists of 100,000 and
 * more. A new search or sort starts over; answers to an older query are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, CallInput } from '../../shared/contract.js';
import type { CustomerSummary } from '../../shared/types.js';
import { call } from '../api.js';

export const PAGE_SIZE = 100;
export type CustomerQuery = Pick<CallInput<'customers.list'>, 'search' | 'sort' | 'reverse'>;

export function useCustomerPages(query: CustomerQuery) {
  const key = JSON.stringify(query);
  const pages = useRef(new Map<number, CustomerSummary[] | 'loading'>());
  const currentKey = useRef(key);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [, setLoaded] = useState(0);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page)) return;
      pages.current.set(page, 'loading');
      const asked = key;
      void call('customers.list', { ...(JSON.parse(asked) as CustomerQuery), offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
        if (currentKey.current !== asked) return;
        if (!result.ok) {
          pages.current.delete(page);
          setError(result.error);
          return;
        }
        pages.current.set(page, result.value.rows);
        setTotal(result.value.total);
        setError(null);
        setLoaded((n) => n + 1);
      });
    },
    [key],
  );

  useEffect(() => {
    currentKey.current = key;
    pages.current = new Map();
    setTotal(null);
    fetchPage(0);
  }, [key, fetchPage]);

  /** Makes sure the rows from `first` to `last` are loaded or on their way. */
  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) fetchPage(page);
    },
    [fetchPage],
  );

  const rowAt = (index: number): CustomerSummary | null => {
    const page = pages.current.get(Math.floor(index / PAGE_SIZE));
    return Array.isArray(page) ? (page[index % PAGE_SIZE] ?? null) : null;
  };

  const retry = () => {
    setError(null);
    pages.current = new Map();
    fetchPage(0);
  };

  return { total, error, rowAt, ensure, retry };
}
