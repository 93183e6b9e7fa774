/**
 * Archiving seasons, and regrouping archive files: their orders, tickets, performances and
 * shows move into a new file of `<dataDir>/archives/`, with a copy of the customers and tariffs
 * they reference. The new file may also take over existing archive files (« Ajouter à une
 * archive », « Regrouper »): several seasons per file is how a venue with many archived seasons
 * stays within SQLite's 10 attached files.
 *
 * SQLite commits a transaction over several files atomically only outside WAL mode, and the
 * main file is in WAL mode; so the move is made of steps that each leave every file usable, and
 * the main file's commit is the one instant the move happens:
 *
 * 1. a backup of the main file (automatic backup, retention rule);
 * 2. the new file is written as `<name>.partial`, verified (row counts and checksums against the
 *    sources, integrity and foreign-key checks), synced and renamed (archive-writer.ts);
 * 3. one transaction on the main file: the moving rows are checked once more against what the
 *    file holds, the file recorded (and the files it takes over forgotten), the rows deleted,
 *    the indicator tables recomputed over the main file + the attached archives, then COMMIT;
 * 4. the files taken over are put aside in `archives/remplacees/` (never deleted: an older
 *    backup of the main file still names them).
 *
 * A failure or a kill before 3's commit leaves the main file as it was (the new file is
 * unrecorded: never attached, put aside at the next start, see attach.ts); after it, the rows
 * are in the new file only. No row is lost, none counted twice. Cancel is honoured until 3.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ARCHIVED_TABLES, ArchiveFileError, MAX_ATTACHED, attachAs, attachedCount, detachAs, registerDigest, tooManyMessage, type ArchiveManifest } from '../../../db/archives.js';
import type { OpenDatabase } from '../../../db/open.js';
import { seasonLabel } from '../../../shared/season.js';
import type { ArchiveProgress, ArchiveResult } from '../../../shared/archives-types.js';
import { CancelledError, EngineError } from '../errors.js';
import { localNow } from '../import/local-time.js';
import { getSeasonStartMonth } from '../settings.js';
import { checkFile, detachQuietly, recomputeOverUnion, refreshViews, refusal, registerFile } from './attach.js';
import { backupBeforeChange } from './backups.js';
import { dropSeasonRows, movingDigest, movingIds, selectSeasonRows, writeArchiveFile } from './archive-writer.js';
import { absolutePath, aliasOf, archiveFile, archivesFolder, attachedOf, databaseId, describeFile, type ArchiveFileRow } from './registry.js';

/** Where a test makes the move fail (or a child process kill itself). */
export type ArchiveStep = 'backup' | 'copy' | 'copied' | 'verified' | 'written' | 'attached' | 'deleted' | 'rebuilt' | 'committed' | 'replaced';

export interface ArchiveOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ArchiveProgress) => void;
  /** Called at each step: a test throws (failure injected) or kills its own process there. */
  onStep?: (step: ArchiveStep) => void;
  /** Ticket rows per chunk of the copy (progress and cancel are checked between chunks). */
  chunkRows?: number;
}

/** The folder the files taken over by a new one are put in. */
export const replacedFolder = (dataDir: string) => join(archivesFolder(dataDir), 'remplacees');

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A free file name in the archives folder: `<db>-<season>[_<season>…].sqlite` (first and last past four seasons). */
function fileNameFor(dataDir: string, dbPath: string, labels: string[]): string {
  const stem = basename(dbPath, extname(dbPath)) || 'parterre';
  const seasons = labels.length > 4 ? `${labels[0]}_${labels[labels.length - 1]}_${labels.length}-saisons` : labels.join('_');
  const base = `${stem}-${seasons}`;
  let name = `${base}.sqlite`;
  for (let n = 2; existsSync(join(archivesFolder(dataDir), name)) || existsSync(join(archivesFolder(dataDir), `${name}.partial`)); n++) {
    name = `${base}-${n}.sqlite`;
  }
  return name;
}

/** Archives `seasonYears` into a new file, or into the archive `options.into` (which the new file replaces). */
export function archiveSeasons(
  db: OpenDatabase,
  dataDir: string,
  seasonYears: readonly number[],
  options: ArchiveOptions & { into?: number } = {},
): Promise<ArchiveResult> {
  const seasons = [...new Set(seasonYears)].sort((a, b) => a - b);
  if (seasons.length === 0) throw new EngineError('VALIDATION', 'Choisissez au moins une saison à archiver.');
  const startMonth = getSeasonStartMonth(db.sqlite);
  for (const season of seasons) {
    const label = seasonLabel(season, startMonth);
    const archived = db.sqlite.prepare('SELECT file FROM main.archives WHERE season_year = ?').pluck().get(season) as string | undefined;
    if (archived) throw new EngineError('VALIDATION', `La saison ${label} est déjà archivée (« ${archived} »).`);
    const performances = db.sqlite.prepare('SELECT count(*) FROM main.performances WHERE season_year = ?').pluck().get(season) as number;
    if (performances === 0) throw new EngineError('NOT_FOUND', `La saison ${label} n’a aucune représentation dans la base : rien à archiver.`);
  }
  return moveIntoNewFile(db, dataDir, seasons, options.into === undefined ? [] : [options.into], options);
}

/** « Regrouper »: one file takes over the archives `fileIds` (two or more), their seasons unchanged. */
export function mergeArchives(db: OpenDatabase, dataDir: string, fileIds: readonly number[], options: ArchiveOptions = {}): Promise<ArchiveResult> {
  const ids = [...new Set(fileIds)];
  if (ids.length < 2) throw new EngineError('VALIDATION', 'Choisissez au moins deux archives à regrouper.');
  return moveIntoNewFile(db, dataDir, [], ids, options);
}

/** The files a new file takes over: listed, written by Parterre in the archives folder, present and sound. */
function takenOver(db: OpenDatabase, dataDir: string, fileIds: readonly number[]): { row: ArchiveFileRow; path: string; manifest: ArchiveManifest }[] {
  if (fileIds.length > MAX_ATTACHED - 1) {
    throw new EngineError('VALIDATION', `Regroupez au plus ${MAX_ATTACHED - 1} archives à la fois (SQLite ouvre ${MAX_ATTACHED} fichiers au plus).`);
  }
  return fileIds.map((id) => {
    const row = archiveFile(db.sqlite, id);
    if (!row) throw new EngineError('NOT_FOUND', `Archive inconnue (n° ${id}).`);
    const path = absolutePath(dataDir, row.path);
    if (row.read_only === 1) {
      throw new EngineError(
        'VALIDATION',
        `« ${path} » a été ouverte depuis un autre dossier : Parterre n’y écrit pas et ne la remplace pas. Copiez-la dans le dossier des archives (${archivesFolder(dataDir)}) pour la regrouper.`,
        { file: path },
      );
    }
    const { manifest } = checkFile(db.sqlite, dataDir, row, { migrate: true });
    return { row, path, manifest };
  });
}

async function moveIntoNewFile(
  db: OpenDatabase,
  dataDir: string,
  seasons: readonly number[],
  fileIds: readonly number[],
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  const started = Date.now();
  const { sqlite } = db;
  const step = (name: ArchiveStep) => options.onStep?.(name);
  const archiveId = `${started}`;
  const progress = (phase: ArchiveProgress['phase'], percent: number, rows = 0, totalRows = 0) =>
    options.onProgress?.({ archiveId, phase, percent, rows, totalRows });
  const checkCancel = () => {
    if (options.signal?.aborted) throw new CancelledError('Archivage annulé : la base principale et les archives sont restées telles qu’elles étaient.');
  };
  if (sqlite.inTransaction) throw new EngineError('INTERNAL', 'Une autre opération est en cours sur la base.');
  let files: ReturnType<typeof takenOver>;
  try {
    files = takenOver(db, dataDir, fileIds);
  } catch (error) {
    throw error instanceof ArchiveFileError ? refusal(error) : error;
  }
  // The new file is in the figures as its sources were, so that no figure changes: seasons of the
  // main file (in the figures) may only join an attached archive, and a regrouping takes files
  // that are all attached (the new one is) or all detached (it is too, and takes no place).
  const wasAttached = files.filter((f) => attachedOf(sqlite).has(f.row.id));
  const detachedSource = files.find((f) => !attachedOf(sqlite).has(f.row.id));
  if (seasons.length > 0 && detachedSource) {
    throw new EngineError(
      'VALIDATION',
      `« ${basename(detachedSource.path)} » est détachée : attachez-la d’abord, ou archivez dans un nouveau fichier (ses saisons rejoindraient sinon tous les chiffres).`,
    );
  }
  if (seasons.length === 0 && wasAttached.length > 0 && detachedSource) {
    throw new EngineError('VALIDATION', 'Regroupez des archives toutes attachées, ou toutes détachées : un regroupement ne change aucun chiffre. Attachez ou détachez d’abord les autres.');
  }
  const inFigures = seasons.length > 0 || wasAttached.length > 0;
  // The new file takes one place among the attached files, and frees those of the files it takes over.
  if (inFigures && attachedCount(sqlite) - wasAttached.length >= MAX_ATTACHED) throw new EngineError('BAD_FILE', tooManyMessage(), { reason: 'LIMIT' });

  progress('backup', 0);
  const backupPath = backupBeforeChange(db, 'archive');
  step('backup');
  checkCancel();

  const startMonth = getSeasonStartMonth(sqlite);
  const allYears = [...seasons, ...files.flatMap((f) => f.manifest.seasons.map((s) => s.seasonYear))].sort((a, b) => a - b);
  mkdirSync(archivesFolder(dataDir), { recursive: true });
  const name = fileNameFor(dataDir, db.path, allYears.map((y) => seasonLabel(y, startMonth)));
  const finalPath = join(archivesFolder(dataDir), name);
  const chunkRows = options.chunkRows ?? 100_000;
  const written = await writeArchiveFile(
    {
      mainPath: db.path,
      seasons,
      files: files.map((f) => ({ path: f.path, manifest: f.manifest })),
      databaseId: databaseId(sqlite),
      seasonStartMonth: startMonth,
    },
    `${finalPath}.partial`,
    finalPath,
    {
      chunkRows,
      onStep: (name) => {
        // Copied: what follows is the verification of the new file.
        if (name === 'copied') progress('verify', 78);
        step(name);
      },
      onCopy: async (rows, total) => {
        progress('copy', 5 + (70 * rows) / Math.max(1, total), rows, total);
        await yieldToEvents();
        checkCancel();
      },
    },
  );
  const totalTickets = written.manifest.counts.tickets;

  const fileId = (sqlite.prepare('SELECT coalesce(max(id), 0) FROM main.archive_files').pluck().get() as number) + 1;
  const alias = aliasOf(fileId);
  let newAttached = false;
  const detached: typeof wasAttached = [];
  try {
    step('written');
    checkCancel();
    // The files taken over leave the figures, the new one joins them (the union views follow).
    for (const f of wasAttached) {
      detachQuietly(sqlite, f.row.id);
      detached.push(f);
    }
    if (inFigures) {
      attachAs(sqlite, finalPath, alias);
      attachedOf(sqlite).set(fileId, alias);
      newAttached = true;
      refreshViews(sqlite);
    }
    step('attached');
    progress('clean', 85, totalTickets, totalTickets);
    // Foreign keys are kept by construction here (a season's tickets all leave with its
    // performances; an order or a show leaves only when nothing in the main file points to it),
    // and checked below; SQLite's own check, per deleted performance, would scan the tickets
    // (no index on performance_id, see db/schema.ts): 3 s for a season of 1,000,000 tickets.
    // The pragma cannot change inside a transaction.
    sqlite.pragma('foreign_keys = OFF');
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      registerDigest(sqlite);
      selectSeasonRows(sqlite, 'main', seasons);
      // The rows about to be deleted are the rows the new file holds (nothing changed in between).
      for (const table of ARCHIVED_TABLES) {
        const now = movingDigest(sqlite, table);
        if (seasons.length > 0 && (now.rows !== written.fromMain[table].rows || now.digest !== written.fromMain[table].digest)) {
          throw new EngineError('INTERNAL', 'La base a changé pendant l’archivage : rien n’a été retiré de la base principale. Relancez l’archivage.');
        }
      }
      for (const f of files) {
        sqlite.prepare('DELETE FROM main.archives WHERE file = ?').run(f.row.path);
        sqlite.prepare('DELETE FROM main.archive_files WHERE id = ?').run(f.row.id);
      }
      registerFile(sqlite, name, written.manifest, { readOnly: false, maxIds: written.maxIds, id: fileId, attached: inFigures });
      sqlite.prepare('UPDATE main.archive_files SET verified_at = ?, verified_ok = 1 WHERE id = ?').run(localNow(), fileId);
      // The id floors of the files taken over stay (ids of rows in no file any more are never reused).
      sqlite
        .prepare(
          `UPDATE main.archive_files SET max_show_id = max(max_show_id, ?), max_performance_id = max(max_performance_id, ?),
             max_order_id = max(max_order_id, ?), max_ticket_id = max(max_ticket_id, ?) WHERE id = ?`,
        )
        .run(
          Math.max(0, ...files.map((f) => f.row.max_show_id)),
          Math.max(0, ...files.map((f) => f.row.max_performance_id)),
          Math.max(0, ...files.map((f) => f.row.max_order_id)),
          Math.max(0, ...files.map((f) => f.row.max_ticket_id)),
          fileId,
        );
      sqlite.exec(`
        DELETE FROM main.tickets WHERE id IN (${movingIds('tickets')});
        DELETE FROM main.performances WHERE id IN (${movingIds('performances')});
        DELETE FROM main.orders WHERE id IN (${movingIds('orders')}) AND NOT EXISTS (SELECT 1 FROM main.tickets t WHERE t.order_id = main.orders.id);
        DELETE FROM main.shows WHERE id IN (${movingIds('shows')}) AND NOT EXISTS (SELECT 1 FROM main.performances p WHERE p.show_id = main.shows.id);`);
      const broken = sqlite.prepare('SELECT count(*) FROM pragma_foreign_key_check(?, ?)').pluck();
      for (const table of ['tickets', 'performances']) {
        if ((broken.get(table, 'main') as number) > 0) throw new EngineError('INTERNAL', `Archivage interrompu : des ${table} de la base principale perdraient leur référence. Rien n’a été retiré.`);
      }
      step('deleted');
      progress('indicators', 92, totalTickets, totalTickets);
      // Detached files regrouped: the attached set, and so every figure, is unchanged.
      if (inFigures) recomputeOverUnion(sqlite);
      step('rebuilt');
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    } finally {
      sqlite.pragma('foreign_keys = ON');
      dropSeasonRows(sqlite);
    }
  } catch (error) {
    // Nothing of the move stays: the main file rolled back, the new file goes, the files taken over come back.
    if (newAttached) {
      attachedOf(sqlite).delete(fileId);
      refreshViews(sqlite);
      detachAs(sqlite, alias);
    }
    for (const f of detached) {
      attachAs(sqlite, f.path, aliasOf(f.row.id));
      attachedOf(sqlite).set(f.row.id, aliasOf(f.row.id));
    }
    refreshViews(sqlite);
    rmSync(finalPath, { force: true });
    throw error;
  }
  step('committed');
  const replaced: string[] = [];
  if (files.length > 0) {
    mkdirSync(replacedFolder(dataDir), { recursive: true });
    for (const f of files) {
      const target = join(replacedFolder(dataDir), basename(f.path));
      renameSync(f.path, existsSync(target) ? `${target}.${Date.now()}` : target);
      replaced.push(f.path);
    }
    step('replaced');
  }
  progress('done', 100, totalTickets, totalTickets);
  const fromMain = (table: (typeof ARCHIVED_TABLES)[number]) => written.fromMain[table].rows;
  return {
    file: describeFile(sqlite, dataDir, archiveFile(sqlite, fileId)!),
    moved: {
      tickets: fromMain('tickets'),
      orders: fromMain('orders'),
      performances: fromMain('performances'),
      shows: fromMain('shows'),
      customers: written.copied.customers,
      tariffs: written.copied.tariffs,
    },
    backupPath,
    durationMs: Date.now() - started,
    verification: { rowsChecked: ARCHIVED_TABLES.reduce((sum, t) => sum + written.manifest.counts[t], 0), checksum: written.manifest.checksum },
    replacedFiles: replaced,
    replacedFolder: replaced.length > 0 ? replacedFolder(dataDir) : null,
  };
}
