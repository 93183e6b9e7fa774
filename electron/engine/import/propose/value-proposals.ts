/**
 * Fields proposed from a column's values when its header names none (« Créé le », « Contact »):
 * an e-mail column, a phone column, a date column beside the performance date (the order's date,
 * surer when it stays the same within an order), a time column next to a date, an amount column
 * when no amount was found, a column of small whole numbers for the seats. Always below the
 * confidence of a recognised header, and said so.
 */
import type { ColumnMapping, ImportField } from '../../../../shared/import-fields.js';
import type { FieldProposal } from '../../../../shared/import-proposal-types.js';
import { constantWithin, type ColumnStats } from './value-sniff.js';
import { matchHeader } from './header-match.js';

const UNKNOWN = (header: string) => `en-tête « ${header} » non reconnu`;
const PERFORMANCE_WORDS: readonly ImportField[] = ['performanceId', 'performanceDate', 'performanceTime', 'showId', 'showTitle'];
const ORDER_WORDS: readonly ImportField[] = ['orderId', 'orderDate', 'orderTime', 'ticketId', 'channel'];

export function proposeFromValues(
  profiles: readonly ColumnStats[],
  rows: readonly string[][],
  mapping: Readonly<ColumnMapping>,
  usedColumns: ReadonlySet<number>,
): FieldProposal[] {
  const out: FieldProposal[] = [];
  const taken = new Set(usedColumns);
  const has = (field: ImportField) => mapping[field] !== undefined || out.some((p) => p.field === field);
  const free = (predicate: (p: ColumnStats) => boolean) => profiles.filter((p) => !taken.has(p.index) && p.filled > 0 && predicate(p));
  const propose = (field: ImportField, p: ColumnStats, confidence: number, detail: string) => {
    out.push({ field, column: p.index, confidence, reason: `${UNKNOWN(p.header)}, valeurs : ${p.description}${detail}` });
    taken.add(p.index);
  };

  for (const p of free((c) => c.kind === 'email')) if (!has('email')) propose('email', p, 0.7, '');
  for (const p of free((c) => c.kind === 'phone')) if (!has('phone')) propose('phone', p, 0.6, '');

  // Dates: the performance's first if it has none (of two, the one with fewer distinct values:
  // a performance's date repeats over its orders, a sale's date and time hardly repeat), then the order's.
  // A header word of a performance (« Séance le », « Show on ») or of a sale (« Vendu le ») says which.
  const leaning = (p: ColumnStats) => {
    const fields = matchHeader(p.header).map((m) => m.field);
    if (fields.some((f) => PERFORMANCE_WORDS.includes(f))) return -1;
    if (fields.some((f) => ORDER_WORDS.includes(f))) return 1;
    return 0;
  };
  const dates = free((c) => c.kind === 'date' || c.kind === 'datetime').sort((a, b) => leaning(a) - leaning(b) || a.distinctRatio - b.distinctRatio);
  const orderColumn = mapping.orderId;
  const performanceColumn = mapping.performanceId;
  for (const p of dates) {
    const inOrder = orderColumn === undefined ? null : constantWithin(rows, p.index, orderColumn);
    const inPerformance = performanceColumn === undefined ? null : constantWithin(rows, p.index, performanceColumn);
    if (!has('performanceDate') && (inPerformance === null || inPerformance >= 0.95)) {
      const detail = inPerformance !== null ? ', constantes dans une séance' : '';
      propose('performanceDate', p, inPerformance !== null ? 0.55 : 0.45, detail);
    } else if (!has('orderDate') && (inOrder === null || inOrder >= 0.9)) {
      const detail = inOrder !== null ? ', constantes dans une commande' : '';
      propose('orderDate', p, inOrder !== null ? 0.65 : 0.55, detail);
    }
  }
  // A time column just right of a date that has no time of its own.
  for (const p of free((c) => c.kind === 'time')) {
    for (const [dateField, timeField] of [
      ['performanceDate', 'performanceTime'],
      ['orderDate', 'orderTime'],
    ] as const) {
      const dateColumn = mapping[dateField] ?? out.find((o) => o.field === dateField)?.column;
      if (dateColumn === undefined || has(timeField) || p.index !== dateColumn + 1 || taken.has(p.index) === true) continue;
      propose(timeField, p, 0.6, ', à droite de la date');
    }
  }
  if (!has('unitPrice') && !has('lineAmount')) {
    const [amount] = free((c) => c.kind === 'amount');
    if (amount) propose('unitPrice', amount, 0.5, '');
  }
  if (!has('seats') && (has('unitPrice') || has('lineAmount'))) {
    const [seats] = free((c) => c.kind === 'integer' && (c.maxInteger ?? 99) <= 20 && (c.shares.integer ?? 0) >= 0.95);
    if (seats) propose('seats', seats, 0.45, '');
  }
  return out;
}
