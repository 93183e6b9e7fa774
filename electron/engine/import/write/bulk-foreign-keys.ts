/**
 * An import runs with SQLite's foreign-key enforcement off, and checks every foreign key once, by
 * set, before it commits. Enforced row by row, each of a million inserts looks its parents up in
 * the customers and orders tables, at random places far larger than the page cache (about 1.5 s
 * per million lines); one anti-join per foreign key over whole tables costs a quarter of that. The
 * stores give every row its parents' ids, so a violation is a bug: it fails the import, which rolls
 * back. `PRAGMA foreign_keys` cannot change inside a transaction: runImport sets it around its own.
 * A parent whose ids have no gap (see denseParentIds) makes the check a range test: ~0.3 s →
 * ~0.15 s for a million tickets.
 */
import type Database from 'better-sqlite3';
import { EngineError } from '../../errors.js';

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface ForeignKey {
  table: string;
  from: string;
  parent: string;
  to: string | null;
}

/** Whether `table.column` is declared INTEGER (a STRICT table's such column holds integers only). */
function isInteger(sqlite: Database.Database, table: string, column: string): boolean {
  const type = sqlite.prepare('SELECT type FROM pragma_table_info(?) WHERE name = ?').pluck().get(table, column) as string | undefined;
  return type?.toUpperCase() === 'INTEGER';
}

/**
 * When `key` names its parent by rowid (the parent's INTEGER PRIMARY KEY) and the parent's
 * rowids have no gap (count = max − min + 1, as after any import that deleted nothing), the ids
 * that exist are exactly those of [min, max]: the check is then one range test per child row
 * instead of a lookup. Null otherwise.
 */
function denseParentIds(sqlite: Database.Database, key: ForeignKey): [number, number] | null {
  const primary = sqlite.prepare('SELECT name, type FROM pragma_table_info(?) WHERE pk > 0').all(key.parent) as { name: string; type: string }[];
  const byRowid = primary.length === 1 && primary[0].type.toUpperCase() === 'INTEGER' && (key.to === null || key.to === primary[0].name);
  if (!byRowid || !isInteger(sqlite, key.table, key.from)) return null;
  const [min, max, count] = sqlite.prepare(`SELECT min(rowid), max(rowid), count(*) FROM ${quoteId(key.parent)}`).raw().get() as [number | null, number | null, number];
  if (count === 0) return [1, 0];
  return max! - min! + 1 === count ? [min!, max!] : null;
}

/** Throws when a row of any table names a parent row that does not exist. */
export function checkForeignKeys(sqlite: Database.Database): void {
  const keys = sqlite
    .prepare(
      `SELECT m.name AS "table", f."from" AS "from", f."table" AS parent, f."to" AS "to"
       FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
    )
    .all() as ForeignKey[];
  for (const key of keys) {
    const column = quoteId(key.from);
    const range = denseParentIds(sqlite, key);
    const broken = (
      range
        ? sqlite.prepare(`SELECT count(*) FROM ${quoteId(key.table)} WHERE ${column} NOT BETWEEN ? AND ?`).pluck().get(range[0], range[1])
        : sqlite
            .prepare(
              `SELECT count(*) FROM ${quoteId(key.table)} WHERE ${column} IS NOT NULL
               AND ${column} NOT IN (SELECT ${key.to ? quoteId(key.to) : 'rowid'} FROM ${quoteId(key.parent)})`,
            )
            .pluck()
            .get()
    ) as number;
    if (broken > 0) {
      throw new EngineError('INTERNAL', `Import annulé : ${broken} ligne(s) de « ${key.table} » renvoient à des « ${key.parent} » absents (anomalie du logiciel). Rien n'a été importé.`);
    }
  }
}
