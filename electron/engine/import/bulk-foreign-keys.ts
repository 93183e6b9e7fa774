/**
 * An import runs with SQLite's foreign-key enforcement off, and checks every foreign key once, by
 * set, before it commits. Enforced row by row, each of a million inserts looks its parents up in
 * the customers and orders tables, at random places far larger than the page cache (about 1.5 s
 * per million lines); one anti-join per foreign key over whole tables costs a quarter of that. The
 * stores give every row its parents' ids, so a violation is a bug: it fails the import, which rolls
 * back. `PRAGMA foreign_keys` cannot change inside a transaction: runImport sets it around its own.
 */
import type Database from 'better-sqlite3';
import { EngineError } from '../errors.js';

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface ForeignKey {
  table: string;
  from: string;
  parent: string;
  to: string | null;
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
    const broken = sqlite
      .prepare(
        `SELECT count(*) FROM ${quoteId(key.table)} WHERE ${column} IS NOT NULL
         AND ${column} NOT IN (SELECT ${key.to ? quoteId(key.to) : 'rowid'} FROM ${quoteId(key.parent)})`,
      )
      .pluck()
      .get() as number;
    if (broken > 0) {
      throw new EngineError('INTERNAL', `Import annulé : ${broken} ligne(s) de « ${key.table} » renvoient à des « ${key.parent} » absents (anomalie du logiciel). Rien n'a été importé.`);
    }
  }
}
