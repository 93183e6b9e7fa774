/**
 * A season's performances, sortable by any column. With `onCapacity`, the capacity is an input:
 * typed where the export lacks it or corrects it, saved on Enter or when leaving the field.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formulaText } from '../../shared/formula.js';
import { REPORT_FORMULAS } from '../../shared/report-formulas.js';
import type { ReportPerformance } from '../../shared/report-types.js';
import { useFormat } from '../hooks/useFormat.js';

type Column = 'date' | 'show' | 'discipline' | 'hall' | 'capacity' | 'ticketsPaid' | 'ticketsFree' | 'revenueCents' | 'fillRate';
const NUMERIC: Column[] = ['capacity', 'ticketsPaid', 'ticketsFree', 'revenueCents', 'fillRate'];
const HEADERS: Record<Column, string> = {
  date: 'date',
  show: 'show',
  discipline: 'discipline',
  hall: 'hall',
  capacity: 'capacity',
  ticketsPaid: 'ticketsPaid',
  ticketsFree: 'ticketsFree',
  revenueCents: 'revenue',
  fillRate: 'fillRate',
};

function compare(a: ReportPerformance, b: ReportPerformance, column: Column): number {
  const x = a[column];
  const y = b[column];
  // Unknown values (no capacity, no hall) always last.
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'fr');
}

interface Props {
  performances: ReportPerformance[];
  /** Plain headers, date order: the printed report (a sort button does not print). */
  fixed?: boolean;
  onCapacity?: (key: string, capacity: number | null) => Promise<string | null>;
}

export function PerformanceTable({ performances, onCapacity, fixed = false }: Props) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [sort, setSort] = useState<{ column: Column; reverse: boolean }>({ column: 'date', reverse: false });
  const rows = useMemo(() => {
    const sorted = [...performances].sort((a, b) => compare(a, b, sort.column) || a.date.localeCompare(b.date));
    return sort.reverse ? sorted.reverse() : sorted;
  }, [performances, sort]);
  const formula = (key: keyof typeof REPORT_FORMULAS) => t('reports.formula', { formula: formulaText(REPORT_FORMULAS[key], i18n.language) });
  const titles: Partial<Record<Column, string>> = {
    ticketsPaid: formula('performanceTickets'),
    ticketsFree: formula('performanceTickets'),
    revenueCents: formula('performanceRevenue'),
    fillRate: formula('performanceFillRate'),
  };
  return (
    <table className="dense performances" data-table="performances">
      <thead>
        <tr>
          {(Object.keys(HEADERS) as Column[]).map((column) => {
            const active = sort.column === column;
            return (
              <th
                key={column}
                className={NUMERIC.includes(column) ? 'num' : undefined}
                aria-sort={active ? (sort.reverse ? 'descending' : 'ascending') : 'none'}
                title={titles[column]}
              >
                {fixed ? (
                  t(`reports.seasons.${HEADERS[column]}`)
                ) : (
                  <button type="button" className="sort" onClick={() => setSort({ column, reverse: active ? !sort.reverse : false })}>
                    {t(`reports.seasons.${HEADERS[column]}`)}
                    <span aria-hidden="true" className="arrow">
                      {active ? (sort.reverse ? '▼' : '▲') : ''}
                    </span>
                  </button>
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.key} data-performance={p.key}>
            <td className="when">{f.dateTime(p.date)}</td>
            <td>{p.show}</td>
            <td>{p.discipline ?? '—'}</td>
            <td>{p.hall ?? '—'}</td>
            <td className="num">
              {onCapacity ? <CapacityInput performance={p} onSave={onCapacity} /> : p.capacity === null ? '—' : f.number(p.capacity)}
            </td>
            <td className="num">{f.number(p.ticketsPaid)}</td>
            <td className="num">{f.number(p.ticketsFree)}</td>
            <td className="num">{f.money(p.revenueCents)}</td>
            <td className="num">{f.percent(p.fillRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CapacityInput({ performance, onSave }: { performance: ReportPerformance; onSave: NonNullable<Props['onCapacity']> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const initial = performance.capacity === null ? '' : String(performance.capacity);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const trimmed = text.replace(/\s/g, '');
    if (trimmed === initial) return;
    const value = trimmed === '' ? null : Number(trimmed);
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > 1_000_000)) {
      setError(t('reports.seasons.invalidCapacity'));
      return;
    }
    setError(await onSave(performance.key, value));
  };
  return (
    <span className="capacity">
      <input
        inputMode="numeric"
        aria-label={t('reports.seasons.capacityLabel', { show: performance.show, date: f.dateTime(performance.date) })}
        aria-invalid={error ? true : undefined}
        value={text}
        placeholder="—"
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
          if (event.key === 'Escape') setText(initial);
        }}
      />
      {error ? <small className="field-error" role="alert">{error}</small> : null}
    </span>
  );
}
