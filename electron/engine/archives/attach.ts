/**
 * Attaching and detaching archive files, and keeping the figures in step: after any change of
 * the attached set, the union views are rebuilt and the materialised indicator tables
 * (season_stats, customer_seasons, customer_stats, subscriptions) are recomputed over the union,
 * in one transaction. A file is checked entirely before anything changes: a refused file leaves
 * the main file, the attached set and the figures as they were.
 */
import type Database from 'better-sqlite3';
import { openSqliteFile } from '../../../db/sqlite-file.js';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArchiveFileError,
  MAX_ATTACHED,
  attachAs,
  detachAs,
  inspectArchiveFile,
  installUnionViews,
  tooManyMessage,
  type InspectedArchive,
} from '../../../db/archives.js';
import { appSchemaVersion, openDatabase, type OpenDatabase } from '../../../db/open.js';
import { EngineError } from '../errors.js';
import { rebuildAggregates } from '../kpi/aggregates.js';
import { getSetting, setSetting } from '../settings.js';
import {
  absolutePath,
  aliasOf,
  archiveFile,
  archiveFiles,
  archivesFolder,
  attachedOf,
  databaseId,
  type ArchiveFileRow,
} from './registry.js';

/** The files the materialised tables were last computed with (ids, sorted): a setting of the main file. */
const IN_AGGREGATES = 'parterre.archives.inAggregates';

/** A refusal as the contract's error: the file, and what is wrong with it. */
export function refusal(error: ArchiveFileError): EngineError {
  return new EngineError('BAD_FILE', error.message, { file: error.file, reason: error.reason });
}

/** Re-creates the union views over the attached archives (ordered by file id). */
export function refreshViews(sqlite: Database.Database): void {
  const attached = [...attachedOf(sqlite).entries()].sort((a, b) => a[0] - b[0]).map(([, alias]) => alias);
  installUnionViews(sqlite, attached);
}

const attachedKey = (sqlite: Database.Database) =>
  [...attachedOf(sqlite).keys()].sort((a, b) => a - b).join(',');

/** Views, then the indicators over the union; in the caller's transaction if there is one. */
export function recomputeOverUnion(sqlite: Database.Database): void {
  refreshViews(sqlite);
  const run = () => {
    rebuildAggregates(sqlite);
    setSetting(sqlite, IN_AGGREGATES, attachedKey(sqlite));
  };
  if (sqlite.inTransaction) run();
  else sqlite.transaction(run)();
}

/**
 * At open: attaches the archives the user left attached (a missing or damaged one stays out,
 * and the list says why), puts aside what an interrupted archiving left behind, and recomputes
 * the indicators if the attached set differs from the one they were computed with.
 */
export function openArchives(db: OpenDatabase, dataDir: string): Map<number, string> {
  const { sqlite } = db;
  const problems = new Map<number, string>();
  cleanInterrupted(sqlite, dataDir);
  for (const row of archiveFiles(sqlite)) {
    if (row.attached !== 1 || attachedOf(sqlite).has(row.id)) continue;
    try {
      attachChecked(sqlite, dataDir, row, checkFile(sqlite, dataDir, row, { migrate: false }));
    } catch (error) {
      problems.set(row.id, (error as Error).message);
    }
  }
  refreshViews(sqlite);
  if ((getSetting(sqlite, IN_AGGREGATES) ?? '') !== attachedKey(sqlite)) recomputeOverUnion(sqlite);
  problemsOf.set(sqlite, problems);
  return problems;
}

const problemsOf = new WeakMap<Database.Database, Map<number, string>>();
export const attachProblems = (sqlite: Database.Database) => problemsOf.get(sqlite) ?? new Map<number, string>();

/**
 * An archiving killed before the main file committed leaves a `.partial` file (never attached),
 * or a finished file the main file does not list; one killed between the commit and putting
 * aside the files a new one took over leaves those, unlisted too. None of them holds the only
 * copy of any row — each of its seasons is still in the main file or recorded in a listed
 * archive — so they are put aside (`.abandoned`), never attached. A file that would hold the
 * only copy of a season is left as it is.
 */
function cleanInterrupted(sqlite: Database.Database, dataDir: string): void {
  const folder = archivesFolder(dataDir);
  if (!existsSync(folder)) return;
  const known = new Set(archiveFiles(sqlite).map((row) => absolutePath(dataDir, row.path)));
  const inMain = sqlite.prepare('SELECT count(*) FROM main.performances WHERE season_year = ?').pluck();
  const listedIn = sqlite.prepare('SELECT file FROM main.archives WHERE season_year = ?').pluck();
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (name.endsWith('.partial') || name.endsWith('.partial-journal')) rmSync(path, { force: true });
    else if (name.endsWith('.sqlite') && !known.has(path)) {
      try {
        const { manifest } = inspectArchiveFile(path, appSchemaVersion());
        const keptElsewhere = manifest.seasons.every((s) => {
          const holder = listedIn.get(s.seasonYear) as string | undefined;
          return (inMain.get(s.seasonYear) as number) > 0 || (holder !== undefined && existsSync(absolutePath(dataDir, holder)));
        });
        if (manifest.databaseId === databaseId(sqlite) && keptElsewhere) renameSync(path, `${path}.abandoned`);
      } catch {
        // Not ours to judge: left as it is.
      }
    }
  }
}

/**
 * Everything that must hold before `row`'s file may join the figures. `migrate`: an archive of
 * an older Parterre is migrated (after a backup copy of it); otherwise it is refused.
 */
export function checkFile(sqlite: Database.Database, dataDir: string, row: ArchiveFileRow, options: { migrate: boolean }): InspectedArchive {
  const path = absolutePath(dataDir, row.path);
  const appVersion = appSchemaVersion();
  let inspected = inspectArchiveFile(path, appVersion);
  if (inspected.schemaVersion < appVersion) {
    if (!options.migrate || row.read_only === 1) {
      throw new ArchiveFileError(
        'TOO_NEW',
        `« ${path} » a été écrite par une version antérieure de Parterre (schéma ${inspected.schemaVersion}) : ` +
          (row.read_only === 1 ? 'ouverte en lecture seule, elle ne peut pas être mise à jour ; copiez-la dans le dossier des archives.' : 'attachez-la pour la mettre à jour.'),
        path,
      );
    }
    migrateArchive(path);
    inspected = inspectArchiveFile(path, appVersion);
  }
  checkBelongs(sqlite, path, inspected, row.id);
  return inspected;
}

/** An older archive: a copy beside it first (`<file>.bak-v<N>-<instant>`, by openDatabase), then the migrations. */
function migrateArchive(path: string): void {
  const copy = `${path}.avant-migration`;
  copyFileSync(path, copy);
  const archive = openDatabase(path);
  archive.sqlite.pragma('journal_mode = DELETE');
  archive.sqlite.close();
  rmSync(copy, { force: true }); // openDatabase kept its own backup copy (VACUUM INTO) beside it
}

/** Refuses an archive of another database, or one whose seasons are already counted (main file or another attached archive). */
function checkBelongs(sqlite: Database.Database, path: string, inspected: InspectedArchive, fileId: number | null): void {
  const { manifest } = inspected;
  if (manifest.databaseId !== databaseId(sqlite)) {
    throw new ArchiveFileError(
      'OTHER_DATABASE',
      `« ${path} » est une archive d’une autre base Parterre : ses clients et ses numéros ne sont pas ceux de cette base. Rien n’a été attaché.`,
      path,
    );
  }
  for (const season of manifest.seasons) {
    const inMain = sqlite.prepare('SELECT count(*) FROM main.performances WHERE season_year = ?').pluck().get(season.seasonYear) as number;
    if (inMain > 0) {
      throw new ArchiveFileError(
        'OVERLAP',
        `La saison ${season.label} de « ${path} » est aussi dans la base principale : l’attacher la compterait deux fois. Rien n’a été attaché.`,
        path,
      );
    }
    const holder = sqlite.prepare('SELECT f.id FROM main.archives s JOIN main.archive_files f ON f.path = s.file WHERE s.season_year = ?').pluck().get(season.seasonYear) as number | undefined;
    if (holder !== undefined && holder !== fileId && attachedOf(sqlite).has(holder)) {
      throw new ArchiveFileError('OVERLAP', `La saison ${season.label} est déjà dans une autre archive attachée. Rien n’a été attaché.`, path);
    }
  }
}

function attachChecked(sqlite: Database.Database, dataDir: string, row: ArchiveFileRow, _inspected: InspectedArchive): void {
  const attached = attachedOf(sqlite);
  if (attached.size >= MAX_ATTACHED) throw new ArchiveFileError('LIMIT', tooManyMessage(), absolutePath(dataDir, row.path));
  attachAs(sqlite, absolutePath(dataDir, row.path), aliasOf(row.id));
  attached.set(row.id, aliasOf(row.id));
}

/** Attaches a registered file the user had detached (migrating an older one), then recomputes the figures. */
export function attachArchive(db: OpenDatabase, dataDir: string, fileId: number): void {
  const { sqlite } = db;
  const row = archiveFile(sqlite, fileId);
  if (!row) throw new EngineError('NOT_FOUND', `Archive inconnue (n° ${fileId}).`);
  if (attachedOf(sqlite).has(fileId)) return;
  if (attachedOf(sqlite).size >= MAX_ATTACHED) throw new EngineError('BAD_FILE', tooManyMessage(), { reason: 'LIMIT' });
  try {
    const inspected = checkFile(sqlite, dataDir, row, { migrate: true });
    attachChecked(sqlite, dataDir, row, inspected);
  } catch (error) {
    if (error instanceof ArchiveFileError) throw refusal(error);
    throw error;
  }
  try {
    sqlite.transaction(() => {
      sqlite.prepare('UPDATE main.archive_files SET attached = 1 WHERE id = ?').run(fileId);
      recomputeOverUnion(sqlite);
    })();
    attachProblems(sqlite).delete(fileId);
  } catch (error) {
    detachQuietly(sqlite, fileId);
    throw error;
  }
}

/** Takes a file out of the figures (it stays listed, and its seasons stay archived). */
export function detachArchive(db: OpenDatabase, fileId: number): void {
  const { sqlite } = db;
  const row = archiveFile(sqlite, fileId);
  if (!row) throw new EngineError('NOT_FOUND', `Archive inconnue (n° ${fileId}).`);
  detachQuietly(sqlite, fileId);
  sqlite.transaction(() => {
    sqlite.prepare('UPDATE main.archive_files SET attached = 0 WHERE id = ?').run(fileId);
    recomputeOverUnion(sqlite);
  })();
}

export function detachQuietly(sqlite: Database.Database, fileId: number): void {
  const alias = attachedOf(sqlite).get(fileId);
  if (!alias) return;
  attachedOf(sqlite).delete(fileId);
  refreshViews(sqlite);
  detachAs(sqlite, alias);
}

/**
 * « Ouvrir une archive… »: a file from elsewhere (a USB stick), used where it is and never
 * written to (no migration: an older one must be copied into the archives folder first). Its
 * seasons must be this database's and counted nowhere else. If the main file already lists
 * those seasons in a detached file (the same archive, moved), that entry now points here.
 */
export function openArchiveFrom(db: OpenDatabase, dataDir: string, path: string): number {
  const { sqlite } = db;
  void dataDir;
  let inspected: InspectedArchive;
  try {
    inspected = inspectArchiveFile(path, appSchemaVersion());
    if (inspected.schemaVersion < appSchemaVersion()) {
      throw new ArchiveFileError(
        'TOO_NEW',
        `« ${path} » a été écrite par une version antérieure de Parterre : ouverte en lecture seule, elle ne peut pas être mise à jour. Copiez-la dans le dossier des archives puis attachez-la.`,
        path,
      );
    }
    checkBelongs(sqlite, path, inspected, null);
  } catch (error) {
    if (error instanceof ArchiveFileError) throw refusal(error);
    throw error;
  }
  const { manifest } = inspected;
  const holders = new Set(
    manifest.seasons.map((s) => sqlite.prepare('SELECT file FROM main.archives WHERE season_year = ?').pluck().get(s.seasonYear) as string | undefined),
  );
  const [holder] = holders;
  const existing = holders.size === 1 && holder !== undefined ? (sqlite.prepare('SELECT * FROM main.archive_files WHERE path = ?').get(holder) as ArchiveFileRow | undefined) : undefined;
  if (existing && attachedOf(sqlite).has(existing.id)) {
    throw new EngineError('BAD_FILE', `Ces saisons sont déjà attachées (« ${existing.path} »). Rien n’a été changé.`, { file: path });
  }
  if (!existing && !(holders.size === 1 && holder === undefined)) {
    throw new EngineError('BAD_FILE', `Les saisons de « ${path} » sont déjà réparties dans d’autres archives. Rien n’a été changé.`, { file: path });
  }
  const fileId = existing?.id ?? (sqlite.prepare('SELECT coalesce(max(id), 0) + 1 FROM main.archive_files').pluck().get() as number);
  // Attached first (the one step that may still be refused: the limit), recorded second.
  try {
    attachAs(sqlite, path, aliasOf(fileId));
  } catch (error) {
    throw error instanceof ArchiveFileError ? refusal(error) : error;
  }
  attachedOf(sqlite).set(fileId, aliasOf(fileId));
  try {
    sqlite.transaction(() => {
      if (existing) {
        sqlite.prepare('UPDATE main.archives SET file = ? WHERE file = ?').run(path, existing.path);
        sqlite.prepare('UPDATE main.archive_files SET path = ?, read_only = 1, attached = 1 WHERE id = ?').run(path, existing.id);
      } else {
        registerFile(sqlite, path, manifest, { readOnly: true, maxIds: maxIdsOf(path), id: fileId });
      }
      recomputeOverUnion(sqlite);
    })();
  } catch (error) {
    detachQuietly(sqlite, fileId);
    throw error;
  }
  return fileId;
}

/** The largest id of each moved table in an archive file (read-only). */
export function maxIdsOf(path: string): Record<'shows' | 'performances' | 'orders' | 'tickets', number> {
  const file = openSqliteFile(path, { readonly: true, fileMustExist: true });
  try {
    const max = (table: string) => (file.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number);
    return { shows: max('shows'), performances: max('performances'), orders: max('orders'), tickets: max('tickets') };
  } finally {
    file.close();
  }
}

/** Adds a file and its seasons to the main file's record; returns its id. */
export function registerFile(
  sqlite: Database.Database,
  storedPath: string,
  manifest: InspectedArchive['manifest'],
  options: { readOnly: boolean; maxIds: Record<'shows' | 'performances' | 'orders' | 'tickets', number>; id?: number; attached?: boolean },
): number {
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO main.archive_files (id, path, created_at, read_only, attached, checksum, max_show_id, max_performance_id, max_order_id, max_ticket_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        options.id ?? null,
        storedPath,
        manifest.createdAt,
        options.readOnly ? 1 : 0,
        options.attached === false ? 0 : 1,
        manifest.checksum,
        options.maxIds.shows,
        options.maxIds.performances,
        options.maxIds.orders,
        options.maxIds.tickets,
      ).lastInsertRowid,
  );
  const insert = sqlite.prepare(
    'INSERT INTO main.archives (season_year, file, created_at, tickets, checksum, attached, orders, performances, shows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const attached = options.attached === false ? 0 : 1;
  for (const s of manifest.seasons) insert.run(s.seasonYear, storedPath, manifest.createdAt, s.tickets, manifest.checksum, attached, s.orders, s.performances, s.shows);
  return id;
}
