/**
 * Typed reading of one record's mapped cells. Each reader returns the value, '' / null for an
 * empty cell, or throws a LineReject naming the column and what was expected, in French.
 * Distinct texts are few in an export (dates, prices, seat counts repeat), so results are memoised.
 */
import type { ColumnMapping, ImportField } from '../../../../shared/import-fields.js';
import { fieldLabel } from '../propose/mapping.js';
import { LineReject } from '../write/rejects.js';
import { detach } from './text.js';
import { parseAmountCents, parseCapacity, parseDateTime, parseSeats, parseTime, parseVatBp, withTime, type DecimalMark } from './values.js';
import { capacityInRange, centsInRange, LIMIT_TEXT, seatsInRange, yearInRange } from './value-limits.js';

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

/**
 * A set of columns whose cells are compared together from line to line (a customer's, an order's,
 * a performance's): sorted, and cut into runs of adjacent columns, each of which a plain line
 * gives as one slice of its text.
 */
export interface CellGroup {
  columns: readonly number[];
  runs: readonly (readonly [first: number, last: number])[];
}

export class LineFields {
  readonly dateHint: string;
  private readonly date: (text: string) => string | null;
  private readonly time = memo(parseTime);
  private readonly amount: (text: string) => number | null;
  private readonly seatCount = memo(parseSeats);
  /**
   * The current record. A plain line (no quote: nearly every line) is its text and where each
   * cell starts, `starts[count]` being one past its end: a cell is sliced only when read, so a
   * line makes the few strings its reader needs instead of one per column. A quoted record comes
   * as the cells papaparse made (`list`).
   */
  private source = '';
  private starts = new Int32Array(64);
  private cellCount = 0;
  private list: string[] | null = [];

  constructor(
    readonly mapping: ColumnMapping,
    dayFirst: boolean,
    /** The file's decimal mark when its amounts show one (see DecimalMark). */
    decimalMark: DecimalMark = 'auto',
  ) {
    this.date = memo((text) => parseDateTime(text, dayFirst));
    this.amount = memo((text) => parseAmountCents(text, decimalMark));
    this.dateHint = dayFirst ? 'jj/mm/aaaa' : 'mm/jj/aaaa';
  }

  /** The record's cells (made for a plain line: see `setLine`). */
  get cells(): string[] {
    if (this.list !== null) return this.list;
    return Array.from({ length: this.cellCount }, (_, i) => this.cell(i)!);
  }

  /** A record given as its cells. */
  set cells(cells: string[]) {
    this.list = cells;
    this.cellCount = cells.length;
  }

  /** A plain line, `text[start, end)`: no quote, so each `separator` ends a cell. */
  setLine(text: string, start: number, end: number, separator: string): void {
    this.list = null;
    this.source = text;
    let starts = this.starts;
    let n = 0;
    starts[0] = start;
    // indexOf, native, finds the separators twice as fast as a loop over charCodeAt.
    for (let at = text.indexOf(separator, start); at !== -1 && at < end; at = text.indexOf(separator, at + 1)) {
      if (++n + 1 >= starts.length) {
        const bigger = new Int32Array(starts.length * 2);
        bigger.set(starts);
        this.starts = starts = bigger;
      }
      starts[n] = at + 1;
    }
    starts[n + 1] = end + 1;
    this.cellCount = n + 1;
  }

  /** Cells in the record. */
  get count(): number {
    return this.cellCount;
  }

  /** Cell `i` as in the file, undefined past the last one. */
  cell(i: number): string | undefined {
    if (this.list !== null) return this.list[i];
    return i < this.cellCount ? this.source.slice(this.starts[i], this.starts[i + 1] - 1) : undefined;
  }

  /** Whether every cell is empty or blank (a plain line's first character usually says it is not). */
  isBlank(): boolean {
    if (this.list === null && this.cellCount > 0) {
      const first = this.source.charCodeAt(this.starts[0]);
      if (first > 32 && first < 127 && this.starts[1] - 1 > this.starts[0]) return false;
    }
    return this.cells.every((c) => c.trim() === '');
  }

  /** The columns of the mapped fields among `fields`, as a group compared with `groupKey`. */
  group(fields: readonly ImportField[]): CellGroup {
    const columns = [...new Set(fields.map((f) => this.mapping[f]).filter((c): c is number => c !== undefined))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const column of columns) {
      const last = runs[runs.length - 1];
      if (last && last[1] === column - 1) last[1] = column;
      else runs.push([column, column]);
    }
    return { columns, runs };
  }

  /**
   * A text equal for two records exactly when their cells of `group` are equal. A plain line
   * gives each run of adjacent columns as one slice of its text (no cell of it holds a quote, so
   * runs are joined by one); a quoted record gives a quote then its cells as JSON, and a plain
   * line's key never starts with a quote.
   */
  groupKey(group: CellGroup): string {
    if (this.list !== null) {
      const list = this.list;
      return `"${JSON.stringify(group.columns.map((c) => list[c] ?? ''))}`;
    }
    const { runs } = group;
    if (runs.length === 1) return this.span(runs[0][0], runs[0][1]);
    let key = '';
    for (let r = 0; r < runs.length; r++) key += (r === 0 ? '' : '"') + this.span(runs[r][0], runs[r][1]);
    return key;
  }

  /** A plain line's text from cell `first` to cell `last`, separators included ('' for cells past its end). */
  private span(first: number, last: number): string {
    const count = this.cellCount;
    if (first >= count) return '';
    return this.source.slice(this.starts[first], this.starts[Math.min(last, count - 1) + 1] - 1);
  }

  has(field: ImportField): boolean {
    return this.mapping[field] !== undefined;
  }

  /** The trimmed cell of `field`, '' when unmapped or empty. */
  text(field: ImportField): string {
    const column = this.mapping[field];
    if (column === undefined) return '';
    const cell = this.cell(column);
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
    // « 3 mars 2025 20:30 », « Mar 3, 2025 8:30 PM »: a date with spaces in it, read whole.
    if (day === null) return this.date(text);
    // parseDateTime's separator between the date and the time: any run of spaces and « T ».
    let from = space + 1;
    while (from < text.length && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 84)) from++;
    const time = from < text.length ? this.time(text.slice(from)) : null;
    return time === null ? this.date(text) : withTime(day, time);
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
    if (!yearInRange(value)) this.fail(field, `${fieldLabel(field)} hors limites : « ${text} » (attendu ${LIMIT_TEXT.year})`);
    const timeText = timeField ? this.text(timeField) : '';
    if (timeText === '') return value;
    const time = this.time(timeText);
    if (time === null) this.fail(timeField!, `${fieldLabel(timeField!)} illisible : « ${timeText} » (attendu hh:mm ou 8:30 PM)`);
    return withTime(value, time);
  }

  /** An amount in cents, null when empty. */
  cents(field: ImportField): number | null {
    const text = this.text(field);
    if (text === '') return null;
    const value = plainCents(text) ?? this.amount(text);
    if (value === null) this.fail(field, `${fieldLabel(field)} illisible : « ${text} » (attendu un nombre comme 12,50)`);
    if (!centsInRange(value)) this.fail(field, `${fieldLabel(field)} hors limites : « ${text} » (${LIMIT_TEXT.cents})`);
    return value;
  }

  /** `nbPlaces`: 1 when absent or empty. */
  seats(): number {
    const text = this.text('seats');
    if (text === '') return 1;
    const value = text === '1' ? 1 : this.seatCount(text);
    if (value === null) this.fail('seats', `${fieldLabel('seats')} illisible : « ${text} » (attendu un nombre entier)`);
    if (!seatsInRange(value)) this.fail('seats', `${fieldLabel('seats')} hors limites : « ${text} » (${LIMIT_TEXT.seats})`);
    return value;
  }

  capacity(): number | null {
    const text = this.text('capacity');
    if (text === '') return null;
    const value = parseCapacity(text);
    if (value === null) this.fail('capacity', `${fieldLabel('capacity')} illisible : « ${text} » (attendu un nombre entier)`);
    if (!capacityInRange(value)) this.fail('capacity', `${fieldLabel('capacity')} hors limites : « ${text} » (${LIMIT_TEXT.capacity})`);
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
