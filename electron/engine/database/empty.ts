/**
 * Empties the open database, after a backup: a full copy (VACUUM INTO) in the data folder's
 * `backups/` folder, named after the database and the time, then every imported row and every
 * indicator derived from them deleted in one transaction. Kept: the settings, the import presets,
 * the saved segments and the export log — the venue's configuration and its record of what left
 * the app, not imported data.
 */
import { mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { copyDatabaseFile } from '../../../db/backups.js';
import type { OpenDatabase } from '../../../db/open.js';
import { rebuildAggregates } from '../kpi/aggregates.js';

/** Imported rows and what is derived from them, children before parents (foreign keys). */
export const EMPTIED_TABLES = [
  'import_rejects',
  'subscriptions',
  'customer_seasons',
  'customer_stats',
  'season_stats',
  'tickets',
  'orders',
  'tariffs',
  'performances',
  'shows',
  'customers',
  'imports',
] as const;

/** « parterre-2026-12-02T01-59-00-000Z.sqlite » for parterre.sqlite at that instant. */
export function backupFileName(dbPath: string, now: Date): string {
  const stem = basename(dbPath, extname(dbPath));
  return `${stem}-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

export function emptyDatabase(db: OpenDatabase, backupsFolder: string, now = new Date()): { backupPath: string } {
  mkdirSync(backupsFolder, { recursive: true });
  const backupPath = join(backupsFolder, backupFileName(db.path, now));
  // VACUUM INTO cannot run inside a transaction: the copy is made (and complete) before anything is deleted.
  copyDatabaseFile(db.path, backupPath);
  db.sqlite.transaction(() => {
    // The main file's rows: attached archives are files of their own (and while they are attached,
    // the plain names of the archived tables are read-only union views).
    for (const table of EMPTIED_TABLES) db.sqlite.prepare(`DELETE FROM main.${table}`).run();
    rebuildAggregates(db.sqlite);
  })();
  // Give the freed pages back to the disk (an emptied base of a million tickets would otherwise
  // keep its 200 MB). What is left is small, so this is quick; a failure only keeps the space.
  try {
    db.sqlite.exec('VACUUM');
  } catch {
    // The space stays in the file, reused by the next import.
  }
  return { backupPath };
}
