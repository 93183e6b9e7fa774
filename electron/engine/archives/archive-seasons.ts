/**
 * Archiving seasons: their orders, tickets, performances and shows move from the main file to a
 * new file of `<dataDir>/archives/`, with a copy of the customers and tariffs they reference.
 *
 * SQLite commits a transaction over several files atomically only outside WAL mode, and the
 * main file is in WAL mode; so the move is made of steps that each leave both files usable, and
 * the main file's commit is the one instant the move happens:
 *
 * 1. a backup of the main file (automatic backup, retention rule);
 * 2. the archive is written to `<name>.partial` (its own transaction; the main file is only read),
 *    with its manifest (seasons, counts, checksum of the rows read from the main file);
 * 3. verified: row counts and checksums of the archive's rows equal the main file's, and the
 *    file passes SQLite's integrity check; then synced to disk and renamed to `<name>`;
 * 4. one transaction on the main file: the file and its seasons are recorded, the rows are
 *    deleted, the indicator tables recomputed over the main file + every attached archive
 *    (with the new one), then COMMIT.
 *
 * A failure or a kill before 4's commit leaves the main file as it was (its rows all there, the
 * new file unrecorded: never attached, put aside at the next start, see attach.ts); after it,
 * the rows are in the archive only. No row is lost, none counted twice. Cancel is honoured
 * until step 4 starts.
 */
import type Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import {
  ARCHIVED_TABLES,
  MANIFEST_KEY,
  MAX_ATTACHED,
  attachAs,
  attachedCount,
  columnsOf,
  combineDigests,
  detachAs,
  registerDigest,
  tableDigest,
  tooManyMessage,
  type ArchiveManifest,
  type ArchivedTable,
} from '../../../db/archives.js';
import { openDatabase, type OpenDatabase } from '../../../db/open.js';
import { seasonLabel } from '../../../shared/season.js';
import type { ArchiveProgress, ArchiveResult } from '../../../shared/archives-types.js';
import { CancelledError, EngineError } from '../errors.js';
import { localNow } from '../import/local-time.js';
import { getSeasonStartMonth } from '../settings.js';
import { recomputeOverUnion, refreshViews } from './attach.js';
import { backupBeforeChange } from './backups.js';
import { aliasOf, archiveFile, archivesFolder, attachedOf, databaseId, describeFile } from './registry.js';
import { registerFile } from './attach.js';

/** Where a test makes the archiving fail (or a child process kill itself). */
export type ArchiveStep = 'backup' | 'copy' | 'copied' | 'verified' | 'written' | 'attached' | 'deleted' | 'rebuilt' | 'committed';

export interface ArchiveOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ArchiveProgress) => void;
  /** Called at each step: a test throws (failure injected) or kills its own process there. */
  onStep?: (step: ArchiveStep) => void;
  /** Ticket rows per chunk of the copy (progress and cancel are checked between chunks). */
  chunkRows?: number;
}

const NEW_ALIAS = 'parterre_new_archive';
const MOVE = {
  performances: 'temp.parterre_move_performances',
  shows: 'temp.parterre_move_shows',
  orders: 'temp.parterre_move_orders',
  tickets: 'temp.parterre_move_tickets',
  customers: 'temp.parterre_move_customers',
} as const;

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The ids of the rows to move, in temporary tables (read by the copy, the checksums and the deletion). */
function selectRows(sqlite: Database.Database, seasons: readonly number[]): void {
  for (const table of Object.values(MOVE)) sqlite.exec(`DROP TABLE IF EXISTS ${table}`);
  for (const table of Object.values(MOVE)) sqlite.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY)`);
  const list = seasons.map(Number).join(', ');
  sqlite.exec(`
    INSERT INTO ${MOVE.performances} SELECT id FROM main.performances WHERE season_year IN (${list});
    INSERT INTO ${MOVE.shows} SELECT DISTINCT show_id FROM main.performances WHERE id IN (SELECT id FROM ${MOVE.performances});
    INSERT INTO ${MOVE.tickets} SELECT id FROM main.tickets WHERE performance_id IN (SELECT id FROM ${MOVE.performances});
    INSERT OR IGNORE INTO ${MOVE.orders} SELECT order_id FROM main.tickets WHERE id IN (SELECT id FROM ${MOVE.tickets});
    INSERT OR IGNORE INTO ${MOVE.customers} SELECT customer_id FROM main.orders WHERE id IN (SELECT id FROM ${MOVE.orders}) AND customer_id IS NOT NULL;`);
}

function dropSelection(sqlite: Database.Database): void {
  for (const table of Object.values(MOVE)) sqlite.exec(`DROP TABLE IF EXISTS ${table}`);
}

const idsOf = (table: ArchivedTable) => `SELECT id FROM ${MOVE[table]}`;

function copyTable(sqlite: Database.Database, table: string, where: string): number {
  const columns = columnsOf(sqlite, 'main', table).map((c) => `"${c}"`).join(', ');
  return sqlite.prepare(`INSERT INTO ${NEW_ALIAS}.${table} (${columns}) SELECT ${columns} FROM main.${table} ${where}`).run().changes;
}

/** A free file name in the archives folder: `<db>-<season>[_<season>…].sqlite`. */
function fileNameFor(dataDir: string, dbPath: string, labels: string[]): string {
  const stem = basename(dbPath, extname(dbPath)) || 'parterre';
  const base = `${stem}-${labels.join('_')}`;
  let name = `${base}.sqlite`;
  for (let n = 2; existsSync(join(archivesFolder(dataDir), name)) || existsSync(join(archivesFolder(dataDir), `${name}.partial`)); n++) {
    name = `${base}-${n}.sqlite`;
  }
  return name;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function archiveSeasons(db: OpenDatabase, dataDir: string, seasonYears: readonly number[], options: ArchiveOptions = {}): Promise<ArchiveResult> {
  const started = Date.now();
  const { sqlite } = db;
  const step = (name: ArchiveStep) => options.onStep?.(name);
  const archiveId = `${started}`;
  const progress = (phase: ArchiveProgress['phase'], percent: number, rows = 0, totalRows = 0) =>
    options.onProgress?.({ archiveId, phase, percent, rows, totalRows });
  const checkCancel = () => {
    if (options.signal?.aborted) throw new CancelledError('Archivage annulé : la base principale et les archives sont restées telles qu’elles étaient.');
  };
  const startMonth = getSeasonStartMonth(sqlite);
  const seasons = [...new Set(seasonYears)].sort((a, b) => a - b);
  if (seasons.length === 0) throw new EngineError('VALIDATION', 'Choisissez au moins une saison à archiver.');
  for (const season of seasons) {
    const label = seasonLabel(season, startMonth);
    const archived = sqlite.prepare('SELECT file FROM main.archives WHERE season_year = ?').pluck().get(season) as string | undefined;
    if (archived) throw new EngineError('VALIDATION', `La saison ${label} est déjà archivée (« ${archived} »).`);
    const performances = sqlite.prepare('SELECT count(*) FROM main.performances WHERE season_year = ?').pluck().get(season) as number;
    if (performances === 0) throw new EngineError('NOT_FOUND', `La saison ${label} n’a aucune représentation dans la base : rien à archiver.`);
  }
  if (attachedCount(sqlite) >= MAX_ATTACHED) throw new EngineError('BAD_FILE', tooManyMessage(), { reason: 'LIMIT' });
  if (sqlite.inTransaction) throw new EngineError('INTERNAL', 'Une autre opération est en cours sur la base.');

  progress('backup', 0);
  const backupPath = backupBeforeChange(db, 'archive');
  step('backup');
  checkCancel();

  const labels = seasons.map((s) => seasonLabel(s, startMonth));
  mkdirSync(archivesFolder(dataDir), { recursive: true });
  const name = fileNameFor(dataDir, db.path, labels);
  const finalPath = join(archivesFolder(dataDir), name);
  const partialPath = `${finalPath}.partial`;
  const removePartial = () => {
    rmSync(partialPath, { force: true });
    rmSync(`${partialPath}-journal`, { force: true });
  };

  registerDigest(sqlite);
  let newAttached = false;
  let written = false;
  let alias: string | null = null;
  try {
    // 2. The archive file: the same migrations as the main file, rollback journal (a single file to copy).
    const created = openDatabase(partialPath);
    created.sqlite.pragma('journal_mode = DELETE');
    created.sqlite.close();
    sqlite.prepare(`ATTACH DATABASE ? AS ${NEW_ALIAS}`).run(partialPath);
    newAttached = true;
    selectRows(sqlite, seasons);
    const sourceDigests = Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, tableDigest(sqlite, 'main', t, idsOf(t))])) as Record<
      ArchivedTable,
      { rows: number; digest: string }
    >;
    const checksum = combineDigests(sourceDigests);
    const perSeason = sqlite
      .prepare(
        `SELECT p.season_year AS seasonYear, count(DISTINCT p.id) AS performances, count(DISTINCT p.show_id) AS shows,
                (SELECT count(*) FROM main.tickets t JOIN main.performances q ON q.id = t.performance_id WHERE q.season_year = p.season_year) AS tickets,
                (SELECT count(DISTINCT t.order_id) FROM main.tickets t JOIN main.performances q ON q.id = t.performance_id WHERE q.season_year = p.season_year) AS orders
         FROM main.performances p WHERE p.id IN (SELECT id FROM ${MOVE.performances}) GROUP BY p.season_year ORDER BY p.season_year`,
      )
      .all() as { seasonYear: number; performances: number; shows: number; tickets: number; orders: number }[];
    const manifest: ArchiveManifest = {
      kind: 'parterre-archive',
      databaseId: databaseId(sqlite),
      createdAt: localNow(),
      seasons: perSeason.map((s) => ({ ...s, label: seasonLabel(s.seasonYear, startMonth) })),
      counts: Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, sourceDigests[t].rows])) as Record<ArchivedTable, number>,
      checksum,
    };

    const totalTickets = sourceDigests.tickets.rows;
    const chunk = options.chunkRows ?? 100_000;
    const moved = { tickets: 0, orders: 0, performances: 0, shows: 0, customers: 0, tariffs: 0 };
    sqlite.exec('BEGIN');
    try {
      moved.tariffs = copyTable(sqlite, 'tariffs', '');
      moved.customers = copyTable(sqlite, 'customers', `WHERE id IN (SELECT id FROM ${MOVE.customers})`);
      moved.shows = copyTable(sqlite, 'shows', `WHERE id IN (${idsOf('shows')})`);
      moved.performances = copyTable(sqlite, 'performances', `WHERE id IN (${idsOf('performances')})`);
      moved.orders = copyTable(sqlite, 'orders', `WHERE id IN (${idsOf('orders')})`);
      // Tickets by chunks of ids: progress, and a chance to hear Cancel, between them.
      let after = 0;
      progress('copy', 5, 0, totalTickets);
      const nextBound = sqlite.prepare(`SELECT max(id) FROM (SELECT id FROM ${MOVE.tickets} WHERE id > ? ORDER BY id LIMIT ?)`).pluck();
      while (moved.tickets < totalTickets) {
        const upTo = nextBound.get(after, chunk) as number | null;
        if (upTo === null) break;
        moved.tickets += copyTable(sqlite, 'tickets', `WHERE id IN (SELECT id FROM ${MOVE.tickets} WHERE id > ${after} AND id <= ${upTo})`);
        after = upTo;
        progress('copy', 5 + (70 * moved.tickets) / Math.max(1, totalTickets), moved.tickets, totalTickets);
        if (moved.tickets < totalTickets) step('copy');
        await yieldToEvents();
        checkCancel();
      }
      sqlite.prepare(`INSERT INTO ${NEW_ALIAS}.settings (key, value) VALUES (?, ?)`).run(MANIFEST_KEY, JSON.stringify(manifest));
      sqlite.prepare(`INSERT INTO ${NEW_ALIAS}.settings (key, value) VALUES ('seasonStartMonth', ?)`).run(String(startMonth));
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
    step('copied');

    // 3. Verification: counts and checksums on both sides, and SQLite's own check of the file.
    progress('verify', 78, totalTickets, totalTickets);
    for (const table of ARCHIVED_TABLES) {
      const copy = tableDigest(sqlite, NEW_ALIAS, table, null);
      if (copy.rows !== sourceDigests[table].rows || copy.digest !== sourceDigests[table].digest) {
        throw new EngineError('INTERNAL', `Vérification de l’archive échouée (${table} : ${copy.rows} lignes copiées sur ${sourceDigests[table].rows}) : rien n’a été retiré de la base principale.`);
      }
    }
    const integrity = sqlite.prepare(`PRAGMA ${NEW_ALIAS}.integrity_check`).pluck().all() as string[];
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new EngineError('INTERNAL', `Le fichier d’archive écrit est endommagé (${integrity[0]}) : rien n’a été retiré de la base principale.`);
    }
    const maxIds = Object.fromEntries(
      ARCHIVED_TABLES.map((t) => [t, (sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${NEW_ALIAS}.${t}`).pluck().get() as number)]),
    ) as Record<ArchivedTable, number>;
    step('verified');
    detachAs(sqlite, NEW_ALIAS);
    newAttached = false;
    syncFile(partialPath);
    renameSync(partialPath, finalPath);
    written = true;
    step('written');
    checkCancel();

    // 4. The move itself: one transaction on the main file.
    progress('clean', 85, totalTickets, totalTickets);
    const fileId = ((sqlite.prepare('SELECT coalesce(max(id), 0) FROM main.archive_files').pluck().get() as number) + 1);
    alias = aliasOf(fileId);
    attachAs(sqlite, finalPath, alias);
    attachedOf(sqlite).set(fileId, alias);
    refreshViews(sqlite);
    step('attached');
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      registerFile(sqlite, name, manifest, { readOnly: false, maxIds, id: fileId });
      sqlite.prepare("UPDATE main.archive_files SET verified_at = ?, verified_ok = 1 WHERE id = ?").run(localNow(), fileId);
      sqlite.exec(`
        DELETE FROM main.tickets WHERE id IN (${idsOf('tickets')});
        DELETE FROM main.performances WHERE id IN (${idsOf('performances')});
        DELETE FROM main.orders WHERE id IN (${idsOf('orders')}) AND NOT EXISTS (SELECT 1 FROM main.tickets t WHERE t.order_id = main.orders.id);
        DELETE FROM main.shows WHERE id IN (${idsOf('shows')}) AND NOT EXISTS (SELECT 1 FROM main.performances p WHERE p.show_id = main.shows.id);`);
      step('deleted');
      progress('indicators', 92, totalTickets, totalTickets);
      recomputeOverUnion(sqlite);
      step('rebuilt');
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
    alias = null;
    written = false;
    step('committed');
    dropSelection(sqlite);
    progress('done', 100, totalTickets, totalTickets);
    const row = archiveFile(sqlite, fileId)!;
    return {
      file: describeFile(sqlite, dataDir, row),
      moved,
      backupPath,
      durationMs: Date.now() - started,
      verification: { rowsChecked: ARCHIVED_TABLES.reduce((sum, t) => sum + sourceDigests[t].rows, 0), checksum },
    };
  } catch (error) {
    // Nothing of the move stays: the main file rolled back, the new file goes.
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (newAttached) detachAs(sqlite, NEW_ALIAS);
    if (alias) {
      for (const [id, a] of attachedOf(sqlite)) if (a === alias) attachedOf(sqlite).delete(id);
      refreshViews(sqlite);
      try {
        detachAs(sqlite, alias);
      } catch {
        // not attached
      }
    }
    dropSelection(sqlite);
    removePartial();
    if (written) rmSync(finalPath, { force: true });
    throw error;
  }
}
