/**
 * Opens (or creates) a Parterre database: pragmas, migrations, a backup before migrating an
 * existing file, and a refusal to open a file written by a newer Parterre. The schema version is
 * the number of migrations applied, kept in `PRAGMA user_version`.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMigrations } from './migrate.js';
import { backupDatabase } from './backups.js';
import * as schema from './schema.js';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  sqlite: Database.Database;
  orm: Orm;
  path: string;
  schemaVersion: number;
  /** The file the previous content was copied to before migrating, if a migration ran on it. */
  backupPath: string | null;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `Cette base a été écrite par une version plus récente de Parterre (schéma ${fileVersion}, ` +
        `cette version connaît ${appVersion}) : mettez Parterre à jour pour l'ouvrir.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

export const DEFAULT_MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** How many migrations this build of the app knows: its schema version. */
export function appSchemaVersion(migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the
  // last commit, never corrupt the file.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -65536');
}

export function openDatabase(
  path: string,
  options: { migrationsFolder?: string; now?: () => Date; nativeBinding?: string } = {},
): OpenDatabase {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const appVersion = appSchemaVersion(migrationsFolder);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const existed = path !== ':memory:' && existsSync(path);
  // The desktop app may run better-sqlite3 built for Electron's ABI (see electron/desktop/desktop-runtime.ts).
  const nativeBinding = options.nativeBinding ?? process.env.PARTERRE_SQLITE_BINDING;
  const sqlite = new Database(path, nativeBinding ? { nativeBinding } : {});
  try {
    const fileVersion = sqlite.pragma('user_version', { simple: true }) as number;
    if (fileVersion > appVersion) throw new SchemaTooNewError(fileVersion, appVersion);
    applyPragmas(sqlite);
    let backupPath: string | null = null;
    if (fileVersion < appVersion) {
      if (existed && fileVersion > 0) {
        backupPath = backupDatabase(sqlite, path, { reason: `v${fileVersion}`, now: options.now?.() });
      }
      // Foreign keys off, one transaction per migration, foreign_key_check before each commit (migrate.ts).
      runMigrations(sqlite, migrationsFolder);
      sqlite.pragma(`user_version = ${appVersion}`);
    }
    return { sqlite, orm: drizzle(sqlite, { schema }), path, schemaVersion: appVersion, backupPath };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
