/**
 * Typed reading of one record's mapped cells. Each reader returns the value, '' / null for an
 * empty cell, or throws a LineReject naming the column and what was expected, in French.
 * Distinct texts are few in an export (dates, prices, seat counts repeat), so results are memoised.
 */
import type { ColumnMapping, ImportField } from '../../../shared/import-fields.js';
import { fieldLabel } from './mapping.js';
import { LineReject } from './rejects.js';
import { detach } from './text.js';
import { parseAmountCents, parseCapacity, parseDateTime, parseSeats, parseTime, parseVatBp, withTime } from './values.js';

const MEMO_LIMIT = 50_000;

function memo<T>(parse: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = parse(text);
      if (cache.size >= MEMO_LIMIT) cache.clear();
      // A cell sliced from a 1 MB chunk would keep the whole chunk alive in the cache.
      cache.set(detach(text), value);
    }
    return value as T;
  };
}

/**
 * The cents of the commonest amount forms, « 12 » and « 12,50 » (at most 7 digits before the
 * comma, exactly 2 after), read without the memo; null for any other form, left to
 * parseAmountCents. A million lines read their amount: this spares each a map lookup.
 */
function plainCents(text: string): number | null {
  const length = text.length;
  const comma = length > 3 && text.charCodeAt(length - 3) === 44 ? length - 3 : length;
  if (comma === 0 || comma > 7) return null;
  let units = 0;
  for (let i = 0; i < comma; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    units = units * 10 + digit;
  }
  if (comma === length) return units * 100;
  const tens = text.charCodeAt(length - 2) - 48;
  const ones = text.charCodeAt(length - 1) - 48;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return null;
  return units * 100 + tens * 10 + ones;
}

export class LineFields {
  cells: string[] = [];
  readonly dateHint: string;
  private readonly date: (text: string) => string | null;
  private readonly time = memo(parseTime);
  private readonly amount = memo(parseAmountCents);
  private readonly seatCount = memo(parseSeats);

  constructor(
    readonly mapping: ColumnMapping,
    dayFirst: boolean,
  ) {
    this.date = memo((text) => parseDateTime(text, dayFirst));
    this.dateHint = dayFirst ? 'jj/mm/aaaa' : 'mm/jj/aaaa';
  }

  /** The columns of the mapped fields among `fields`: what `sameCells` and `signature` compare. */
  columnsOf(fields: readonly ImportField[]): number[] {
    return fields.map((f) => this.mapping[f]).filter((c): c is number => c !== undefined);
  }

  /** Whether the current line has the same cells as `previous` in `columns`. */
  sameCells(previous: readonly string[], columns: readonly number[]): boolean {
    for (const column of columns) if (this.cells[column] !== previous[column]) return false;
    return true;
  }

  /** The cells of `columns` joined: equal signatures, equal cells. One flat string, quick to hash. */
  signature(columns: readonly number[]): string {
    const parts = new Array<string>(columns.length);
    for (let i = 0; i < columns.length; i++) parts[i] = this.cells[columns[i]] ?? '';
    return parts.join('\u0001');
  }

  has(field: ImportField): boolean {
    return this.mapping[field] !== undefined;
  }

  /** The trimmed cell of `field`, '' when unmapped or empty. */
  text(field: ImportField): string {
    const column = this.mapping[field];
    if (column === undefined) return '';
    const cell = this.cells[column];
    return cell === undefined ? '' : cell.trim();
  }

  private fail(field: ImportField, what: string): never {
    throw new LineReject(what, this.mapping[field] ?? null);
  }

  /**
   * parseDateTime(text), memoised. An order's « 15/09/2021 13:38 » is nearly unique to the order
   * (400,000 distinct values in a million lines) while its day and its minute are each one of a
   * few thousand: such a text is read as its day and its time, each memoised, instead of missing
   * a memo of whole texts at every order.
   */
  private dateAndTime(text: string): string | null {
    const space = text.indexOf(' ');
    if (space === -1) return this.date(text);
    const day = this.date(text.slice(0, space));
    if (day === null) return null;
    // parseDateTime's separator between the date and the time: any run of spaces and « T ».
    let from = space + 1;
    while (from < text.length && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 84)) from++;
    const time = from < text.length ? this.time(text.slice(from)) : null;
    return time === null ? null : withTime(day, time);
  }

  /** A date (with the time of `timeField` when that column is filled); null when empty. */
  dateTime(field: ImportField, timeField: ImportField | null, required: boolean): string | null {
    const text = this.text(field);
    if (text === '') {
      if (required) this.fail(field, `${fieldLabel(field)} manquante`);
      return null;
    }
    const value = this.dateAndTime(text);
    if (value === null) this.fail(field, `${fieldLabel(field)} illisible : « ${text} » (attendu ${this.dateHint})`);
    const timeText = timeField ? this.text(timeField) : '';
    if (timeText === '') return value;
    const time = this.time(timeText);
    if (time === null) this.fail(timeField!, `${fieldLabel(timeField!)} illisible : « ${timeText} » (attendu hh:mm)`);
    return withTime(value, time);
  }

  /** An amount in cents, null when empty. */
  cents(field: ImportField): number | null {
    const text = this.text(field);
    if (text === '') return null;
    const value = plainCents(text) ?? this.amount(text);
    if (value === null) this.fail(field, `${fieldLabel(field)} illisible : « ${text} » (attendu un nombre comme 12,50)`);
    return value;
  }

  /** `nbPlaces`: 1 when absent or empty. */
  seats(): number {
    const text = this.text('seats');
    if (text === '') return 1;
    const value = text === '1' ? 1 : this.seatCount(text);
    if (value === null) this.fail('seats', `${fieldLabel('seats')} illisible : « ${text} » (attendu un nombre entier)`);
    return value;
  }

  capacity(): number | null {
    const text = this.text('capacity');
    if (text === '') return null;
    const value = parseCapacity(text);
    if (value === null) this.fail('capacity', `${fieldLabel('capacity')} illisible : « ${text} » (attendu un nombre entier)`);
    return value;
  }

  vatBp(): number | null {
    const text = this.text('vatRate');
    if (text === '') return null;
    const value = parseVatBp(text);
    if (value === null) this.fail('vatRate', `${fieldLabel('vatRate')} illisible : « ${text} » (attendu 5,5 ou 20 %)`);
    return value;
  }
}
