/**
 * What an import must know of the archives:
 *
 * - its lines of an archived season are not written again into the main file (they would be
 *   counted twice while the archive is attached): the writer skips them and counts them as
 *   archived (ticket-line.ts). The archived seasons are read from the main file's record, so
 *   this holds whether the archive is attached or not.
 * - the ids it hands out never collide with ids an archive already holds. Rows keep their ids
 *   when they move to an archive (so that the union of the main file and its archives joins as
 *   before), and SQLite gives a new row the largest id of its table + 1: once the rows with the
 *   largest ids have moved, an import would reuse their ids. So, for the import's duration, a
 *   placeholder row holds the largest archived id of each moved table in the main file; the
 *   importer's rows come after it, and the placeholders are deleted before the foreign-key check
 *   and the indicators (the import runs with foreign-key enforcement off, see
 *   bulk-foreign-keys.ts, so a placeholder needs no parent).
 * - the importer's stores write with unqualified table names: the union views are lifted while
 *   it writes (the plain names then mean the main file's tables), and put back for the indicator
 *   rebuild, which must see the whole history.
 */
import type Database from 'better-sqlite3';
import { liftUnionViews } from '../../../db/archives.js';
import { archivedSeasonYears } from './registry.js';

const PLACEHOLDER_KEY = '\u0000parterre:archived-id-floor';

const FLOORS = [
  { table: 'shows', column: 'max_show_id', sql: "INSERT INTO main.shows (id, source_key, title) VALUES (?, ?, '')" },
  {
    table: 'performances',
    column: 'max_performance_id',
    sql: "INSERT INTO main.performances (id, source_key, show_id, starts_at, season_year) VALUES (?, ?, 0, '', 0)",
  },
  { table: 'orders', column: 'max_order_id', sql: 'INSERT INTO main.orders (id, source_key) VALUES (?, ?)' },
  {
    table: 'tickets',
    column: 'max_ticket_id',
    sql: 'INSERT INTO main.tickets (id, source_key, order_id, performance_id, tariff_id, unit_price_cents, seats) VALUES (?, ?, 0, 0, 0, 0, 0)',
  },
] as const;

export interface ImportArchiveGuard {
  /** Seasons whose lines are counted as archived, not written. */
  archivedSeasons: ReadonlySet<number>;
  /** Removes the placeholders and puts the union views back: call before the indicator rebuild. */
  finishWriting(): void;
}

/** Inside the import's transaction (foreign keys off), before its stores are created. */
export function guardImportAgainstArchives(sqlite: Database.Database): ImportArchiveGuard {
  const archivedSeasons = archivedSeasonYears(sqlite);
  const restoreViews = liftUnionViews(sqlite);
  const placed: [string, number][] = [];
  for (const floor of FLOORS) {
    const archived = sqlite.prepare(`SELECT coalesce(max(${floor.column}), 0) FROM main.archive_files`).pluck().get() as number;
    const own = sqlite.prepare(`SELECT coalesce(max(id), 0) FROM main.${floor.table}`).pluck().get() as number;
    if (archived <= own) continue;
    sqlite.prepare(floor.sql).run(archived, PLACEHOLDER_KEY);
    placed.push([floor.table, archived]);
  }
  let finished = false;
  return {
    archivedSeasons,
    finishWriting() {
      if (finished) return;
      finished = true;
      for (const [table, id] of placed.reverse()) sqlite.prepare(`DELETE FROM main.${table} WHERE id = ? AND source_key = ?`).run(id, PLACEHOLDER_KEY);
      restoreViews();
    },
  };
}
