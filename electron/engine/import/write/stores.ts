/**
 * In-memory maps key → {id, values} of the rows an import meets again and again (customers,
 * shows, performances; the orders, too many for an entry each, have their own lean OrderStore),
 * loaded once at the start, written through prepared statements.
 * A later line overwrites a stored value with a non-empty different one (the row counts as
 * updated); identical values count as unchanged; each row is counted once per import.
 */
import type Database from 'better-sqlite3';
import type { RowCounts } from '../../../../shared/types.js';
import { detach } from '../read/text.js';

export type Value = string | number | null;

const UNSEEN = 0;
const NEW = 1;
const UPDATED = 2;
const UNCHANGED = 3;

export interface Entry {
  id: number;
  vals: Value[];
  seen: number;
  /** The values before this import first changed them: the row counts as updated if they differ at the end. */
  before?: Value[];
}

export function emptyCounts(): RowCounts {
  return { new: 0, updated: 0, unchanged: 0 };
}

/** Counts a row met by this import: once, and an unchanged row that changes later becomes updated. */
export function countSeen(counts: RowCounts, previous: number, isNew: boolean, changed: boolean): number {
  if (previous === UNSEEN) {
    const status = isNew ? NEW : changed ? UPDATED : UNCHANGED;
    counts[status === NEW ? 'new' : status === UPDATED ? 'updated' : 'unchanged']++;
    return status;
  }
  if (previous === UNCHANGED && changed) {
    counts.unchanged--;
    counts.updated++;
    return UPDATED;
  }
  return previous;
}

/** Whether `incoming` has a non-empty value that differs from the stored one. */
function differs(stored: readonly Value[], incoming: readonly Value[]): boolean {
  for (let i = 0; i < incoming.length; i++) {
    const value = incoming[i];
    if (value !== null && value !== '' && value !== stored[i]) return true;
  }
  return false;
}

/** Overwrites `stored` with every non-null value of `incoming` that differs; true if one did. */
export function mergeValues(stored: Value[], incoming: readonly Value[], keep: (value: Value, column: number) => Value = detach): boolean {
  let changed = false;
  for (let i = 0; i < incoming.length; i++) {
    const value = incoming[i];
    if (value !== null && value !== '' && value !== stored[i]) {
      stored[i] = keep(value, i);
      changed = true;
    }
  }
  return changed;
}

/** Distinct values kept per store before its table of shared values starts again. */
const SHARED_LIMIT = 50_000;

export interface StoreOptions {
  table: string;
  columns: readonly string[];
  /**
   * Columns written besides `columns`, computed from the merged values (search text, import id);
   * `hint` is what the caller gave `upsert` (see customerDerived).
   */
  derived?: { columns: readonly string[]; values(vals: Value[], isNew: boolean, hint?: Value): Value[] };
  /**
   * Columns whose values repeat from row to row (a title, a city, a file name): one string is
   * kept per distinct value instead of a copy per row — 110,000 customers otherwise hold 200,000
   * copies of the file's name (their consents' source) alone.
   */
  shared?: readonly string[];
  /** Columns written on insert only (first import). */
  insertOnly?: { columns: readonly string[]; values(): Value[] };
}

export class EntityStore {
  private readonly map = new Map<string, Entry>();
  private readonly sharedColumns: boolean[];
  private readonly sharedValues = new Map<string, string>();
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;

  constructor(
    sqlite: Database.Database,
    private readonly options: StoreOptions,
  ) {
    const { table, columns } = options;
    this.sharedColumns = columns.map((c) => options.shared?.includes(c) ?? false);
    const derived = options.derived?.columns ?? [];
    const insertOnly = options.insertOnly?.columns ?? [];
    const insertColumns = ['source_key', ...columns, ...derived, ...insertOnly];
    this.insert = sqlite.prepare(
      `INSERT INTO ${table} (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`,
    );
    this.update = sqlite.prepare(
      `UPDATE ${table} SET ${[...columns, ...derived].map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    );
    const rows = sqlite.prepare(`SELECT id, source_key, ${columns.join(', ')} FROM ${table}`).raw().all() as Value[][];
    for (const row of rows) this.map.set(row[1] as string, { id: row[0] as number, vals: row.slice(2), seen: UNSEEN });
  }

  get(key: string): Entry | undefined {
    return this.map.get(key);
  }

  /** The value to keep for column `column`: the one string of its value in a shared column, else a copy of its own. */
  private readonly keep = (value: Value, column: number): Value => {
    if (typeof value !== 'string' || !this.sharedColumns[column]) return detach(value);
    let kept = this.sharedValues.get(value);
    if (kept === undefined) {
      if (this.sharedValues.size >= SHARED_LIMIT) this.sharedValues.clear();
      kept = detach(value);
      this.sharedValues.set(kept, kept);
    }
    return kept;
  };

  /** Inserts or merges; returns the entry. `hint`: handed to the derived values (StoreOptions.derived). */
  upsert(key: string, vals: Value[], hint?: Value): Entry {
    let entry = this.map.get(key);
    if (!entry) {
      const stored = vals.map((v, i) => (v === '' ? null : this.keep(v, i)));
      const derived = this.options.derived?.values(stored, true, hint) ?? [];
      const insertOnly = this.options.insertOnly?.values() ?? [];
      const id = Number(this.insert.run(key, ...stored, ...derived, ...insertOnly).lastInsertRowid);
      entry = { id, vals: stored, seen: NEW };
      this.map.set(detach(key), entry);
      return entry;
    }
    if (entry.seen === UNSEEN) entry.seen = UNCHANGED;
    if (differs(entry.vals, vals)) {
      if (entry.seen === UNCHANGED && !entry.before) entry.before = entry.vals.slice();
      mergeValues(entry.vals, vals, this.keep);
      const derived = this.options.derived?.values(entry.vals, false) ?? [];
      this.update.run(...entry.vals, ...derived, entry.id);
    }
    return entry;
  }

  /**
   * New, updated and unchanged rows of this import. A row is updated when its values at the end
   * differ from those it had before the import, so that lines of one order that disagree (the
   * last one wins) do not make a re-import of the same file count updates.
   */
  get counts(): RowCounts {
    const counts = emptyCounts();
    for (const entry of this.map.values()) {
      if (entry.seen === NEW) counts.new++;
      else if (entry.seen === UNCHANGED) {
        const changed = entry.before !== undefined && entry.before.some((v, i) => v !== entry.vals[i]);
        counts[changed ? 'updated' : 'unchanged']++;
      }
    }
    return counts;
  }
}
