/**
 * Automatic backups of the main file, made before every migration, archive, erasure and import:
 * SQLite's `VACUUM INTO` (a consistent, compact copy taken through the open connection, with no
 * other writer to stop), written next to the file as `<file>.bak-<reason>-<instant>`.
 *
 * Retention, applied after each new backup: the 10 newest are kept, and beyond them the newest
 * of each of the last 7 days; every other backup of this file is deleted. So a burst of imports
 * cannot push yesterday's state out, and the folder stops growing.
 */
import type Database from 'better-sqlite3';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openSqliteFile } from './sqlite-file.js';

export const KEEP_LAST = 10;
export const KEEP_DAYS = 7;

export type BackupReason = `v${number}` | 'archive' | 'erasure' | 'import' | 'restore' | 'detach' | 'attach';

export interface BackupFile {
  path: string;
  at: Date;
}

const stampOf = (at: Date) => at.toISOString().replace(/[:.]/g, '-');
/** `2026-01-02T03-04-05-000Z` back to a Date. */
function parseStamp(stamp: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

/** This file's automatic backups, newest first. */
export function listBackups(dbPath: string): BackupFile[] {
  const prefix = `${basename(dbPath)}.bak-`;
  const files: BackupFile[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(dbPath));
  } catch {
    return [];
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const stamp = name.slice(-24);
    const at = parseStamp(stamp);
    if (at) files.push({ path: join(dirname(dbPath), name), at });
  }
  return files.sort((a, b) => b.at.getTime() - a.at.getTime() || b.path.localeCompare(a.path));
}

/** The backups the rule keeps (the newest KEEP_LAST, and the newest of each of the last KEEP_DAYS days). */
export function backupsToKeep(backups: readonly BackupFile[], now: Date): Set<string> {
  const keep = new Set(backups.slice(0, KEEP_LAST).map((b) => b.path));
  const days = new Set<string>();
  const oldest = now.getTime() - KEEP_DAYS * 86_400_000;
  for (const backup of backups) {
    if (backup.at.getTime() < oldest) continue;
    const day = backup.at.toISOString().slice(0, 10);
    if (days.has(day)) continue;
    days.add(day);
    keep.add(backup.path);
  }
  return keep;
}

export function applyRetention(dbPath: string, now: Date): string[] {
  const backups = listBackups(dbPath);
  const keep = backupsToKeep(backups, now);
  const removed: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.path)) continue;
    rmSync(backup.path, { force: true });
    removed.push(backup.path);
  }
  return removed;
}

/**
 * A consistent, compact copy of the SQLite file `source` (its last committed state, the
 * write-ahead log included) at `target`, by VACUUM INTO through a read-only connection of its
 * own: VACUUM INTO attaches its target, and the engine's connection may already have the 10
 * attached files SQLite allows (archives); the engine's temporary union views, which would
 * shadow the tables VACUUM INTO replays by name, are not in that connection either.
 */
export function copyDatabaseFile(source: string, target: string): void {
  const reader = openSqliteFile(source, { readonly: true, fileMustExist: true });
  try {
    reader.prepare('VACUUM main INTO ?').run(target);
  } finally {
    reader.close();
  }
}

/**
 * Copies the main database of `sqlite` (only `main`: archives have their own files) to a new
 * backup beside `dbPath`, then applies the retention rule. Not inside a transaction (VACUUM
 * cannot run in one). Returns the backup's path.
 */
export function backupDatabase(sqlite: Database.Database, dbPath: string, options: { reason: BackupReason; now?: Date }): string {
  const now = options.now ?? new Date();
  let target = `${dbPath}.bak-${options.reason}-${stampOf(now)}`;
  // Two backups in the same millisecond (tests, a script): never overwrite one.
  for (let n = 2; exists(target); n++) target = `${dbPath}.bak-${options.reason}${n}-${stampOf(now)}`;
  if (sqlite.inTransaction) throw new Error('Une sauvegarde ne se fait pas au milieu d’une transaction.');
  copyDatabaseFile(dbPath, target);
  applyRetention(dbPath, now);
  return target;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
