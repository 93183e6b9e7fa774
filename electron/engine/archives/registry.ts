/**
 * The main file's record of its archives (tables `archive_files` and `archives`, migration
 * 0007), and which of them are attached to an open connection. The record lives in the main
 * file, so it follows the database; the attached set is a property of the connection, kept per
 * open database (a WeakMap keyed by it), so that switching the engine to another database
 * (demo / own) switches its archives too.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { seasonLabel } from '../../../shared/season.js';
import type { ArchiveFileInfo } from '../../../shared/archives-types.js';
import { getSeasonStartMonth, getSetting, setSetting } from '../settings.js';

export interface ArchiveFileRow {
  id: number;
  path: string;
  created_at: string;
  read_only: number;
  attached: number;
  checksum: string;
  verified_at: string | null;
  verified_ok: number | null;
  max_show_id: number;
  max_performance_id: number;
  max_order_id: number;
  max_ticket_id: number;
}

export interface SeasonRow {
  season_year: number;
  file: string;
  tickets: number;
  orders: number;
  performances: number;
  shows: number;
}

/** The folder archives are written to: `<dataDir>/archives/`. */
export const archivesFolder = (dataDir: string) => join(dataDir, 'archives');

/** A stored path: relative to the archives folder for our own files, absolute for a file opened from elsewhere. */
export function absolutePath(dataDir: string, stored: string): string {
  return isAbsolute(stored) ? stored : join(archivesFolder(dataDir), stored);
}

/** This database's identity, written into its archives so that one from another database is refused. */
export function databaseId(sqlite: Database.Database): string {
  let id = getSetting(sqlite, 'parterre.databaseId');
  if (!id) setSetting(sqlite, 'parterre.databaseId', (id = randomUUID()));
  return id;
}

export function archiveFiles(sqlite: Database.Database): ArchiveFileRow[] {
  return sqlite.prepare('SELECT * FROM main.archive_files ORDER BY id').all() as ArchiveFileRow[];
}

export function archiveFile(sqlite: Database.Database, id: number): ArchiveFileRow | undefined {
  return sqlite.prepare('SELECT * FROM main.archive_files WHERE id = ?').get(id) as ArchiveFileRow | undefined;
}

export function seasonsOfFile(sqlite: Database.Database, stored: string): SeasonRow[] {
  return sqlite
    .prepare('SELECT season_year, file, tickets, orders, performances, shows FROM main.archives WHERE file = ? ORDER BY season_year')
    .all(stored) as SeasonRow[];
}

/** Every archived season (attached or not): the importer counts their lines as archived. */
export function archivedSeasonYears(sqlite: Database.Database): Set<number> {
  return new Set(sqlite.prepare('SELECT season_year FROM main.archives').pluck().all() as number[]);
}

/** Connection → the archives attached to it: file id → schema alias. */
const attachedByConnection = new WeakMap<Database.Database, Map<number, string>>();

export function attachedOf(sqlite: Database.Database): Map<number, string> {
  let attached = attachedByConnection.get(sqlite);
  if (!attached) attachedByConnection.set(sqlite, (attached = new Map()));
  return attached;
}

export const aliasOf = (fileId: number) => `archive_${fileId}`;

export function describeFile(sqlite: Database.Database, dataDir: string, row: ArchiveFileRow, problem: string | null = null): ArchiveFileInfo {
  const path = absolutePath(dataDir, row.path);
  const startMonth = getSeasonStartMonth(sqlite);
  const sizeBytes = existsSync(path) ? statSync(path).size : null;
  const attached = attachedOf(sqlite).has(row.id);
  return {
    id: row.id,
    path,
    name: basename(path),
    seasons: seasonsOfFile(sqlite, row.path).map((s) => ({
      seasonYear: s.season_year,
      label: seasonLabel(s.season_year, startMonth),
      tickets: s.tickets,
      orders: s.orders,
      performances: s.performances,
      shows: s.shows,
    })),
    attached: row.attached === 1,
    readOnly: row.read_only === 1,
    sizeBytes,
    createdAt: row.created_at,
    verifiedAt: row.verified_at,
    verifiedOk: row.verified_ok === null ? null : row.verified_ok === 1,
    problem: problem ?? (row.attached === 1 && !attached ? (sizeBytes === null ? 'Fichier introuvable.' : 'Non attachée.') : null),
  };
}
