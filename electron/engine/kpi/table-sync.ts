/**
 * Writes a freshly computed materialised table over the stored one, touching only what differs:
 * rows whose key is gone are deleted, rows whose values changed are updated in place, new rows
 * are inserted. A re-import that changes nothing writes nothing (and keeps every rowid); a first
 * import only inserts, in bulk and in key order (indexes then grow at their end).
 *
 * The comparison is a merge of two sorted sequences: the fresh rows, sorted by key, and the
 * stored rows read in key order. No map of a few hundred thousand keys to build.
 */
import type Database from 'better-sqlite3';
import { forEachRow } from './each-row.js';

export type Cell = number | string | null;
/** The key columns' values, then the value columns' values. */
export type Row = Cell[];

export interface SyncedTable {
  name: string;
  /** Integer or text columns, never NULL, with an index (the primary key) in this order. */
  keys: readonly string[];
  values: readonly string[];
}

export interface SyncCounts {
  inserted: number;
  updated: number;
  deleted: number;
}

/** Rows per INSERT statement: far fewer statement runs, and under SQLite's 999-parameter floor. */
const BATCH_ROWS = 100;

/** Text in SQLite's BINARY order (UTF-8 bytes, that is code points), not in UTF-16 units as `<` does. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Orders rows by their first `keyCount` cells, as SQLite orders the key index. */
export function compareKeys(a: readonly unknown[], b: readonly unknown[], keyCount: number): number {
  for (let i = 0; i < keyCount; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return compareText(String(x), String(y));
  }
  return 0;
}

/**
 * Makes the table hold exactly `rows`, which must be sorted by key (compareKeys). Values compare
 * with `===` against what SQLite returns (integers and text compare exactly; compute a REAL value
 * the same way each time).
 */
export function syncTable(sqlite: Database.Database, table: SyncedTable, rows: readonly Row[]): SyncCounts {
  const { name, keys, values } = table;
  const columns = [...keys, ...values];
  const k = keys.length;
  let toInsert: readonly Row[] = rows;
  const toUpdate: Row[] = [];
  const toDelete: unknown[][] = [];
  // An empty table (a first import) needs no comparison.
  if (sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM ${name})`).pluck().get() === 1) {
    const inserts: Row[] = [];
    let next = 0;
    forEachRow(sqlite, columns, `${name} ORDER BY ${keys.join(', ')}`, (...stored: unknown[]) => {
      // Fresh rows sorting before this stored one are new.
      let order = -1;
      while (next < rows.length && (order = compareKeys(rows[next], stored, k)) < 0) inserts.push(rows[next++]);
      if (next === rows.length || order > 0) {
        toDelete.push(stored.slice(0, k));
        return;
      }
      const row = rows[next++];
      for (let c = k; c < columns.length; c++) {
        if (row[c] !== stored[c]) {
          toUpdate.push(row);
          return;
        }
      }
    });
    while (next < rows.length) inserts.push(rows[next++]);
    toInsert = inserts;
  }

  const where = keys.map((key) => `${key} = ?`).join(' AND ');
  if (toDelete.length) {
    const remove = sqlite.prepare(`DELETE FROM ${name} WHERE ${where}`);
    for (const key of toDelete) remove.run(...key);
  }
  if (toUpdate.length) {
    const update = sqlite.prepare(`UPDATE ${name} SET ${values.map((v) => `${v} = ?`).join(', ')} WHERE ${where}`);
    for (const row of toUpdate) update.run(...row.slice(k), ...row.slice(0, k));
  }
  insertRows(sqlite, name, columns, toInsert);
  return { inserted: toInsert.length, updated: toUpdate.length, deleted: toDelete.length };
}

function insertRows(sqlite: Database.Database, table: string, columns: readonly string[], rows: readonly Row[]): void {
  const width = columns.length;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql = (count: number) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array<string>(count).fill(tuple).join(', ')}`;
  let i = 0;
  if (rows.length >= BATCH_ROWS) {
    const batch = sqlite.prepare(sql(BATCH_ROWS));
    const params = new Array<Cell>(BATCH_ROWS * width);
    for (; i + BATCH_ROWS <= rows.length; i += BATCH_ROWS) {
      let p = 0;
      for (let r = i; r < i + BATCH_ROWS; r++) {
        const row = rows[r];
        for (let c = 0; c < width; c++) params[p++] = row[c];
      }
      batch.run(params);
    }
  }
  if (i < rows.length) sqlite.prepare(sql(rows.length - i)).run(rows.slice(i).flat());
}
