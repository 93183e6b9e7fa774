/**
 * A large import drops some tables' secondary indexes inside its transaction and recreates them once
 * its rows are in: one CREATE INDEX over a million rows (a sort) costs far less than a million
 * incremental index inserts. DDL is transactional in SQLite, so a rollback (an error, a
 * cancellation, a dry run) brings the indexes back as they were. Unique indexes normally stay: they
 * are identity, and a re-import finds its rows through them; a caller that keeps the identity of
 * every row it writes in memory (a first import, see TicketStore) may drop them too, and their
 * recreation then fails on a duplicate, which rolls the whole import back. The definitions are
 * read from `sqlite_master`, so whatever indexes the schema has are the ones restored.
 */
import type Database from 'better-sqlite3';

export class SuspendedIndexes {
  private dropped: { name: string; sql: string }[] = [];

  constructor(
    private readonly sqlite: Database.Database,
    private readonly tables: readonly string[],
  ) {}

  get active(): boolean {
    return this.dropped.length > 0;
  }

  /**
   * Drops the tables' indexes declared by CREATE INDEX (not those of constraints); the unique ones
   * too when `unique`.
   */
  suspend(unique = false): void {
    const listOf = this.sqlite
      .prepare(`SELECT name FROM pragma_index_list(?) WHERE ${unique ? '' : '"unique" = 0 AND '}origin = 'c'`)
      .pluck();
    const sqlOf = this.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck();
    for (const name of this.tables.flatMap((table) => listOf.all(table) as string[])) {
      const sql = sqlOf.get(name) as string | null;
      if (!sql) continue;
      this.dropped.push({ name, sql });
      this.sqlite.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
    }
  }

  restore(): void {
    for (const { sql } of this.dropped) this.sqlite.exec(sql);
    this.dropped = [];
  }
}
