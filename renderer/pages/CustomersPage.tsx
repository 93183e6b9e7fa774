/**
 * The customer file: search as one types (name, e-mail, postal code, city), sort by value, orders,
 * recency or name, and scroll smoothly through 100,000 rows (virtualised, fetched by pages).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerRow } from '../components/CustomerRow.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { SortHeader } from '../components/SortHeader.js';
import { useCustomerPages, type CustomerQuery } from '../hooks/useCustomerPages.js';
import { useDebounced } from '../hooks/useDebounced.js';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';
import { routeHref } from '../hooks/useHashRoute.js';

type Sort = NonNullable<CustomerQuery['sort']>;
const ROW_HEIGHT = 38;

/** `segmentId`: only the customers of that saved segment (opened from Segments). */
export function CustomersPage({ segmentId }: { segmentId?: number } = {}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('ltv');
  const [reverse, setReverse] = useState(false);
  const settled = useDebounced(search.trim(), 250);
  const { total, error, rowAt, ensure, retry } = useCustomerPages({ search: settled || undefined, sort, reverse, segmentId });
  const segment = useCall('segments.get', segmentId !== undefined ? { id: segmentId } : null);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total) ensure(first, last);
  }, [first, last, total, ensure]);
  // A new query starts at the top.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [settled, sort, reverse, virtualizer]);

  const sortBy = (next: Sort) => {
    if (next === sort) setReverse((r) => !r);
    else {
      setSort(next);
      setReverse(false);
    }
  };
  const header = (column: Sort, label: string, className?: string) => (
    <SortHeader active={sort === column} reverse={reverse} descending={column !== 'name'} onSort={() => sortBy(column)} className={className}>
      {label}
    </SortHeader>
  );

  return (
    <section className="customers-page">
      <header className="page-header">
        <h1>{t('customers.title')}</h1>
        {segment.value && (
          <span className="chip" data-testid="customer-segment">
            {segment.value.name} · <a href={routeHref({ page: 'customers' })}>×</a>
          </span>
        )}
        <span className="count" data-testid="customer-total" aria-live="polite">
          {total === null ? '' : t('customers.total', { count: total, formatted: f.number(total) })}
        </span>
      </header>
      <input
        type="search"
        className="search"
        aria-label={t('customers.search')}
        placeholder={t('customers.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        autoFocus
      />
      {error && <ErrorMessage error={error} onRetry={retry} />}
      {total ? (
        // On paper: which rows these are (the list is virtual: only those around the screen exist).
        <p className="print-only muted">
          {t('print.listRows', {
            from: f.number(first + 1),
            to: f.number(Math.min(last + 1, total)),
            total: f.number(total),
            sort: t(`customers.sort.${sort}`),
            search: settled ? t('print.listSearch', { search: settled }) : '',
          })}
        </p>
      ) : null}
      <div className="customer-table" role="table" aria-rowcount={total ?? undefined}>
        <div className="customer-row head" role="row">
          {header('name', t('customers.columns.name'))}
          <span role="columnheader">{t('customers.columns.email')}</span>
          <span role="columnheader">{t('customers.columns.place')}</span>
          {header('ltv', t('customers.columns.ltv'), 'num')}
          {header('orders', t('customers.columns.orders'), 'num')}
          {header('recency', t('customers.columns.last'), 'num')}
          <span role="columnheader">{t('customers.columns.band')}</span>
        </div>
        <div ref={scroller} className="customer-scroll">
          {total === 0 && <p className="muted empty">{settled ? t('customers.none', { search: settled }) : t('customers.empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => (
              <div key={item.key} className="virtual-row" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                <CustomerRow customer={rowAt(item.index)} />
              </div>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
