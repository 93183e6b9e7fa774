/**
 * Applies the migrations a database lacks, the way SQLite's documentation prescribes for schema
 * changes that rebuild a table (https://www.sqlite.org/lang_altertable.html, « Making Other Kinds
 * Of Table Schema Changes »):
 *
 *   1. foreign keys OFF, outside any transaction (inside one, the pragma does nothing) — with them
 *      on, `DROP TABLE imports` in a rebuild would first delete every import_rejects row through
 *      ON DELETE CASCADE;
 *   2. each migration in its own transaction;
 *   3. `PRAGMA foreign_key_check` before the commit: a migration that leaves a row pointing at
 *      nothing is rolled back and refused, naming the tables;
 *   4. foreign keys back ON, whatever happened.
 *
 * The migrations are drizzle-kit's SQL files and journal, read by drizzle's own reader; the
 * record of applied migrations stays drizzle's `__drizzle_migrations` table (the same rule as
 * drizzle's migrator: a migration is applied when its journal time is after the last recorded one),
 * so databases migrated before keep working. `PRAGMA user_version` follows each commit.
 */
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MIGRATIONS_TABLE = '__drizzle_migrations';

export class MigrationForeignKeyError extends Error {
  constructor(
    readonly migration: string,
    readonly violations: ForeignKeyViolation[],
  ) {
    const tables = [...new Set(violations.map((v) => `${v.table} → ${v.parent}`))].join(', ');
    super(
      `La mise à jour de la base (${migration}) laisserait ${violations.length} ligne(s) pointant vers rien (${tables}) : ` +
        "elle a été annulée et la base est restée telle qu'elle était avant cette étape.",
    );
    this.name = 'MigrationForeignKeyError';
  }
}

export interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

export interface MigrationStep {
  /** The journal's tag, e.g. `0003_tariffs`. */
  tag: string;
  statements: string[];
  hash: string;
  when: number;
}

/** The journal's migrations, in order, with their SQL split at drizzle-kit's breakpoints. */
export function readMigrations(migrationsFolder: string): MigrationStep[] {
  const migrations = readMigrationFiles({ migrationsFolder });
  // readMigrationFiles keeps the journal's order but not the tags: read them alongside.
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return migrations.map((migration, i) => ({
    tag: journal.entries[i].tag,
    statements: migration.sql,
    hash: migration.hash,
    when: migration.folderMillis,
  }));
}

/** The journal time of the last migration recorded in the database, or null for a new one. */
function lastApplied(sqlite: Database.Database): number | null {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
  const row = sqlite.prepare(`SELECT created_at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`).get() as
    | { created_at: number | string }
    | undefined;
  return row ? Number(row.created_at) : null;
}

/** Runs one migration in its own transaction; refuses (rolls back) if it breaks a foreign key. */
export function applyMigration(sqlite: Database.Database, step: MigrationStep, version: number): void {
  sqlite.exec('BEGIN');
  try {
    for (const statement of step.statements) if (statement.trim()) sqlite.exec(statement);
    sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`).run(step.hash, step.when);
    const violations = sqlite.pragma('foreign_key_check') as ForeignKeyViolation[];
    if (violations.length) throw new MigrationForeignKeyError(step.tag, violations);
    sqlite.pragma(`user_version = ${version}`);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Applies every migration the database lacks; returns how many ran. Must be called outside a
 * transaction (foreign keys cannot be switched inside one).
 */
export function runMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  if (sqlite.inTransaction) throw new Error('runMigrations must run outside a transaction.');
  const steps = readMigrations(migrationsFolder);
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
  sqlite.pragma('foreign_keys = OFF');
  try {
    const last = lastApplied(sqlite);
    let ran = 0;
    for (const [i, step] of steps.entries()) {
      if (last !== null && step.when <= last) continue;
      applyMigration(sqlite, step, i + 1);
      ran++;
    }
    return ran;
  } finally {
    if (foreignKeys) sqlite.pragma('foreign_keys = ON');
  }
}
