/**
 * How a file writes its amounts: the decimal mark they show (a file of « 12.50 » reads « 1,180 »
 * as 1180) and the currency their signs or codes name (one currency per database).
 */
import type { ColumnMapping } from '../../../../shared/import-fields.js';
import type { DecimalMark } from '../read/values.js';
import type { ColumnStats } from './value-sniff.js';

function amountColumns(profiles: readonly ColumnStats[], mapping: ColumnMapping): ColumnStats[] {
  const mapped = [mapping.unitPrice, mapping.lineAmount].filter((c): c is number => c !== undefined);
  return profiles.filter((p) => mapped.includes(p.index) || p.kind === 'amount');
}

export function detectDecimalMark(profiles: readonly ColumnStats[], mapping: ColumnMapping): DecimalMark {
  let point = 0;
  let comma = 0;
  for (const p of amountColumns(profiles, mapping)) {
    point += p.decimalPoint;
    comma += p.decimalComma;
  }
  if (point > 0 && comma === 0) return '.';
  if (comma > 0 && point === 0) return ',';
  return 'auto';
}

const CURRENCIES: [RegExp, string][] = [
  [/€|\beur\b|euro/i, 'EUR'],
  [/\$|\busd\b/i, 'USD'],
  [/£|\bgbp\b/i, 'GBP'],
  [/\bchf\b/i, 'CHF'],
];

/** The currency named by the amount cells or headers; null when none is (then the database's stays). */
export function detectCurrency(profiles: readonly ColumnStats[], mapping: ColumnMapping, rows: readonly string[][]): string | null {
  const columns = amountColumns(profiles, mapping);
  const texts = [...columns.map((p) => p.header), ...rows.slice(0, 200).flatMap((row) => columns.map((p) => row[p.index] ?? ''))];
  for (const [pattern, code] of CURRENCIES) if (texts.some((t) => pattern.test(t))) return code;
  return null;
}
