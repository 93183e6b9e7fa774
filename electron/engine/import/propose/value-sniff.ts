/**
 * What a column's first values look like (docs/import-rules.md, « Proposing the mapping »): dates,
 * dates with times, times, amounts, whole numbers, e-mails, postal codes, phone numbers, yes/no,
 * identifiers or text; how many distinct values; and how often a value repeats the line above
 * (an order number repeats over its lines, a ticket number does not).
 */
import type { ColumnProfile, ValueKind } from '../../../../shared/import-proposal-types.js';
import { parseAmountCents, parseDateTime, parseTime } from '../read/values.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const POSTAL_CODE = /^(?:\d{5}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/;
const PHONE = /^\+?[\d\s.()-]{9,20}$/;
const HAS_TIME = /\d{1,2}\s*[:hH]\s*\d{2}|\d\s*[aApP]\.?[mM]\.?$/;
const AMOUNT_LOOK = /(?:[.,]\d{1,2}$|[€$£]|^(?:eur|usd|gbp|chf)\b|\b(?:eur|usd|gbp|chf)$)/i;
/** A code with at least one digit and no space: « C1 », « B-000123 », « 2024/0042 ». */
const CODE = /^(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9_\-/.#]{0,24}$/;
const YES_NO = new Set(['oui', 'non', 'yes', 'no', 'true', 'false', 'vrai', 'faux', 'o', 'n', 'y', 'x']);

/** The kinds a single value may be (several: « 75011 » is an integer and a postal code). */
export function valueKinds(text: string): ValueKind[] {
  const kinds: ValueKind[] = [];
  if (EMAIL.test(text)) return ['email'];
  const date = parseDateTime(text, true) ?? parseDateTime(text, false);
  if (date !== null) return [HAS_TIME.test(text) ? 'datetime' : 'date'];
  if (parseTime(text) !== null && /[:hHmM]/.test(text)) return ['time'];
  if (/^[+-]?\d+$/.test(text)) {
    kinds.push('integer');
    if (POSTAL_CODE.test(text)) kinds.push('postalCode');
    if (text.length >= 3) kinds.push('identifier');
  }
  if (AMOUNT_LOOK.test(text) && parseAmountCents(text) !== null) kinds.push('amount');
  if (kinds.length === 0 && POSTAL_CODE.test(text)) kinds.push('postalCode');
  const digits = text.replace(/\D/g, '').length;
  if (PHONE.test(text) && digits >= 9 && digits <= 15 && /^(?:\+|0)/.test(text)) kinds.push('phone');
  if (YES_NO.has(text.toLowerCase())) kinds.push('yesNo');
  if (kinds.length === 0 && CODE.test(text)) kinds.push('identifier');
  if (kinds.length === 0) kinds.push('text');
  return kinds;
}

const DESCRIPTIONS: Record<ValueKind, string> = {
  empty: 'vide',
  date: 'dates',
  datetime: 'dates et heures',
  time: 'heures',
  amount: 'montants',
  integer: 'nombres entiers',
  email: 'adresses e-mail',
  postalCode: 'codes postaux',
  phone: 'numéros de téléphone',
  yesNo: 'oui/non',
  identifier: 'identifiants',
  text: 'textes',
};

/** In order of preference when several kinds hold for most values. */
const PREFERENCE: ValueKind[] = ['email', 'datetime', 'date', 'time', 'phone', 'yesNo', 'amount', 'integer', 'postalCode', 'identifier', 'text'];

export interface ColumnStats extends ColumnProfile {
  /** Share of filled values of each kind. */
  shares: Partial<Record<ValueKind, number>>;
  /** Integer values: the largest, to tell seat counts (small) from identifiers. */
  maxInteger: number | null;
  /** Share of filled values that are whole numbers from -100 to 100 (seat counts, damaged cells aside). */
  smallIntegers: number;
  /** Amounts: share written with a decimal point (« 12.50 ») and with a decimal comma. */
  decimalPoint: number;
  decimalComma: number;
  distinct: number;
}

export function profileColumn(index: number, header: string, values: readonly string[]): ColumnStats {
  const filled = values.filter((v) => v !== '');
  const counts: Partial<Record<ValueKind, number>> = {};
  let maxInteger: number | null = null;
  let small = 0;
  let decimalPoint = 0;
  let decimalComma = 0;
  for (const value of filled) {
    for (const kind of valueKinds(value)) counts[kind] = (counts[kind] ?? 0) + 1;
    if (/^[+-]?\d+$/.test(value)) {
      maxInteger = Math.max(maxInteger ?? -Infinity, Math.abs(Number(value)));
      if (Math.abs(Number(value)) <= 100) small++;
    }
    if (/\.\d{1,2}(?:\D*)$/.test(value)) decimalPoint++;
    if (/,\d{1,2}(?:\D*)$/.test(value)) decimalComma++;
  }
  const shares: Partial<Record<ValueKind, number>> = {};
  for (const [kind, n] of Object.entries(counts) as [ValueKind, number][]) shares[kind] = n / filled.length;
  let adjacent = 0;
  for (let i = 1; i < values.length; i++) if (values[i] !== '' && values[i] === values[i - 1]) adjacent++;
  const distinct = new Set(filled).size;
  // Dates with and without a time in one column are dates (with times when most have one).
  const dated = (shares.date ?? 0) + (shares.datetime ?? 0);
  // Prices written « 10 » beside « 12,50 »: whole numbers among amounts are amounts.
  const amountish = filled.filter((v) => /^[+-]?\d+$/.test(v)).length / Math.max(1, filled.length) + (shares.amount ?? 0);
  if ((shares.amount ?? 0) >= 0.2 && amountish >= 0.8) shares.amount = amountish;
  const kind: ValueKind =
    filled.length === 0
      ? 'empty'
      : dated >= 0.8
        ? (shares.datetime ?? 0) >= dated / 2
          ? 'datetime'
          : 'date'
        : (PREFERENCE.find((k) => (shares[k] ?? 0) >= 0.8) ?? 'text');
  const profile: ColumnStats = {
    index,
    header,
    kind,
    description: '',
    filled: filled.length,
    distinctRatio: filled.length === 0 ? 0 : distinct / filled.length,
    adjacentRepeat: values.length <= 1 ? 0 : adjacent / (values.length - 1),
    shares,
    maxInteger,
    smallIntegers: filled.length ? small / filled.length : 0,
    decimalPoint,
    decimalComma,
    distinct,
  };
  profile.description = describe(profile);
  return profile;
}

/** « identifiants répétés sur les lignes voisines », « textes (4 valeurs) »… */
function describe(p: ColumnStats): string {
  const base = DESCRIPTIONS[p.kind];
  if (p.kind === 'empty') return base;
  if (p.kind === 'integer' && p.maxInteger !== null && p.maxInteger <= 100) return 'petits nombres entiers';
  if (p.kind === 'integer' && (p.shares.postalCode ?? 0) >= 0.9) return 'codes postaux (ou numéros à 5 chiffres)';
  if (p.kind === 'identifier' || (p.kind === 'integer' && (p.maxInteger ?? 0) > 100)) {
    if (p.distinct === p.filled) return 'identifiants uniques';
    if (p.adjacentRepeat >= 0.2) return 'identifiants répétés sur les lignes voisines';
    return 'identifiants répétés';
  }
  if (p.kind === 'text' && p.distinct <= 12 && p.filled > p.distinct) return `${base} (${p.distinct} valeurs distinctes)`;
  return base;
}

/** Whether the column's values look like an identifier, a date or an amount: left unused, the summary says so. */
export function worthWarning(p: ColumnStats): boolean {
  if (p.kind === 'date' || p.kind === 'datetime' || p.kind === 'amount' || p.kind === 'identifier') return true;
  return p.kind === 'integer' && (p.maxInteger ?? 0) > 100;
}

/**
 * Of the groups of rows sharing `groupColumn`'s value (at least two rows), the share in which
 * `column` keeps one value: an order's date is constant within the order, a performance's date
 * within the performance. Null when no group has two rows.
 */
export function constantWithin(rows: readonly string[][], column: number, groupColumn: number): number | null {
  const values = new Map<string, Set<string>>();
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const group = row[groupColumn]?.trim() ?? '';
    if (group === '') continue;
    let set = values.get(group);
    if (!set) values.set(group, (set = new Set()));
    set.add(row[column]?.trim() ?? '');
    sizes.set(group, (sizes.get(group) ?? 0) + 1);
  }
  let groups = 0;
  let constant = 0;
  for (const [group, set] of values) {
    if (sizes.get(group)! < 2) continue;
    groups++;
    if (set.size === 1) constant++;
  }
  return groups === 0 ? null : constant / groups;
}
