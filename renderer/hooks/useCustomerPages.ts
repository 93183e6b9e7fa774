/**
 * Customers fetched page by page (offset/limit) as the list scrolls, for lists of 100,000 and
 * more. One request at a time, always for a page that is on screen when it starts: a fast scroll
 * through a long list does not queue every page it flew past (the engine answers calls one after
 * the other, so those would delay the rows the user stopped on). A new search or sort starts
 * over; answers to an older query are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, CallInput } from '../../shared/contract.js';
import type { CustomerSummary } from '../../shared/types.js';
import { call } from '../api.js';

export const PAGE_SIZE = 100;
export type CustomerQuery = Pick<CallInput<'customers.list'>, 'search' | 'sort' | 'reverse' | 'segmentId'>;

export function useCustomerPages(query: CustomerQuery) {
  const key = JSON.stringify(query);
  const pages = useRef(new Map<number, CustomerSummary[]>());
  const currentKey = useRef(key);
  /** The rows on screen, as last reported by `ensure`. */
  const wanted = useRef({ first: 0, last: PAGE_SIZE - 1 });
  /** The query whose request is on its way, if any. */
  const inFlight = useRef<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [, setLoaded] = useState(0);

  const pump = useCallback(() => {
    const asked = currentKey.current;
    if (inFlight.current === asked) return;
    const { first, last } = wanted.current;
    let page = Math.floor(first / PAGE_SIZE);
    while (page <= Math.floor(last / PAGE_SIZE) && pages.current.has(page)) page++;
    if (page > Math.floor(last / PAGE_SIZE)) return;
    inFlight.current = asked;
    const input = { ...(JSON.parse(asked) as CustomerQuery), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
    void call('customers.list', input).then((result) => {
      if (currentKey.current !== asked) return;
      inFlight.current = null;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      pages.current.set(page, result.value.rows);
      setTotal(result.value.total);
      setError(null);
      setLoaded((n) => n + 1);
      pump();
    });
  }, []);

  useEffect(() => {
    currentKey.current = key;
    pages.current = new Map();
    wanted.current = { first: 0, last: PAGE_SIZE - 1 };
    setTotal(null);
    pump();
  }, [key, pump]);

  /** The rows from `first` to `last` are on screen: load the pages they need, in turn. */
  const ensure = useCallback(
    (first: number, last: number) => {
      wanted.current = { first, last };
      pump();
    },
    [pump],
  );

  const rowAt = (index: number): CustomerSummary | null =>
    pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? null;

  const retry = () => {
    setError(null);
    pages.current = new Map();
    pump();
  };

  return { total, error, rowAt, ensure, retry };
}
