/** A column header that sorts the list; clicking the active one reverses the order. */
import type { ReactNode } from 'react';

interface Props {
  active: boolean;
  reverse: boolean;
  /** Whether the natural order of this column is descending (value, orders, recency). */
  descending: boolean;
  onSort: () => void;
  children: ReactNode;
  className?: string;
}

export function SortHeader({ active, reverse, descending, onSort, children, className }: Props) {
  const down = descending !== reverse;
  return (
    <span role="columnheader" className={className} aria-sort={active ? (down ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className={`sort${active ? ' active' : ''}`} onClick={onSort}>
        {children}
        <span aria-hidden="true" className="arrow">
          {active ? (down ? '▼' : '▲') : ''}
        </span>
      </button>
    </span>
  );
}
