/**
 * Writes a new archive file from its sources — seasons of the main file, and archive files
 * whose seasons it takes over (adding seasons to an archive, or regrouping several) — then
 * proves it: row counts and checksums of what the file holds against what the sources hold,
 * SQLite's integrity and foreign-key checks; then syncs it and gives it its final name.
 *
 * It works in a connection of its own, opened on the new file, with the sources attached there:
 * the engine's connection keeps its attached archives (SQLite attaches at most 10 files per
 * connection), and the main file is only read. Nothing here changes the main file or a source;
 * a failure removes the new file and leaves everything as it was.
 *
 * What the new file holds, table by table: the sources in order, each row taken from the first
 * source that has its id (a show or an order may be in the main file and in an archive at once:
 * the main file's row, the newer, wins) — the same rule as the union views (db/archives.ts).
 */
import type Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import {
  ARCHIVED_TABLES,
  MANIFEST_KEY,
  columnsOf,
  combineDigests,
  registerDigest,
  type ArchiveManifest,
  type ArchiveSeasonManifest,
  type ArchivedTable,
} from '../../../db/archives.js';
import { openDatabase } from '../../../db/open.js';
import { openSqliteFile } from '../../../db/sqlite-file.js';
import { seasonLabel } from '../../../shared/season.js';
import { EngineError } from '../errors.js';
import { localNow } from '../import/local-time.js';

/** The rows a new archive file is made of. */
export interface ArchiveSources {
  /** The main database file, and the seasons to take from it (none when only regrouping). */
  mainPath: string;
  seasons: readonly number[];
  /** Archive files whose every row the new file takes over, in order of precedence. */
  files: readonly { path: string; manifest: ArchiveManifest }[];
  databaseId: string;
  seasonStartMonth: number;
}

export interface WrittenArchive {
  manifest: ArchiveManifest;
  /** Rows and checksum of the seasons taken from the main file (the main file's transaction checks them again). */
  fromMain: Record<ArchivedTable, { rows: number; digest: string }>;
  maxIds: Record<ArchivedTable, number>;
  copied: { customers: number; tariffs: number };
}

export interface WriterHooks {
  /** Ticket rows copied so far, of the total; between chunks. */
  onCopy(rows: number, total: number): Promise<void>;
  onStep(step: 'copy' | 'copied' | 'verified'): void;
  /** Ticket rows per chunk of the copy. */
  chunkRows: number;
}

const SOURCE = 'src';
const fileAlias = (i: number) => `f${i + 1}`;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** The ids of the main file's rows that move, per table (temporary tables of the writer's connection). */
const MOVE = (table: string) => `temp.move_${table}`;

/** The main file's rows of `seasons`, by id, into the temporary MOVE tables of `sqlite` (`schema` names the main file there). */
export function selectSeasonRows(sqlite: Database.Database, schema: string, seasons: readonly number[]): void {
  for (const table of [...ARCHIVED_TABLES, 'customers']) {
    sqlite.exec(`DROP TABLE IF EXISTS ${MOVE(table)}; CREATE TABLE ${MOVE(table)} (id INTEGER PRIMARY KEY)`);
  }
  if (seasons.length === 0) return;
  const list = seasons.map(Number).join(', ');
  const s = quote(schema);
  sqlite.exec(`
    INSERT INTO ${MOVE('performances')} SELECT id FROM ${s}.performances WHERE season_year IN (${list});
    INSERT INTO ${MOVE('shows')} SELECT DISTINCT show_id FROM ${s}.performances WHERE id IN (SELECT id FROM ${MOVE('performances')});
    INSERT INTO ${MOVE('tickets')} SELECT id FROM ${s}.tickets WHERE performance_id IN (SELECT id FROM ${MOVE('performances')});
    INSERT OR IGNORE INTO ${MOVE('orders')} SELECT order_id FROM ${s}.tickets WHERE id IN (SELECT id FROM ${MOVE('tickets')});
    INSERT OR IGNORE INTO ${MOVE('customers')} SELECT customer_id FROM ${s}.orders WHERE id IN (SELECT id FROM ${MOVE('orders')}) AND customer_id IS NOT NULL;`);
}

export function dropSeasonRows(sqlite: Database.Database): void {
  for (const table of [...ARCHIVED_TABLES, 'customers']) sqlite.exec(`DROP TABLE IF EXISTS ${MOVE(table)}`);
}

/** `SELECT id …` of the main file's moving rows of `table`. */
export const movingIds = (table: ArchivedTable) => `SELECT id FROM ${MOVE(table)}`;

/** Count and checksum of the main file's moving rows of `table` (after selectSeasonRows on `sqlite`, whose `main` is the main file). */
export function movingDigest(sqlite: Database.Database, table: ArchivedTable): { rows: number; digest: string } {
  return digestOf(sqlite, table, [{ schema: 'main', where: `WHERE id IN (${movingIds(table)})` }]);
}

/**
 * The SELECTs of `table`'s rows as the new file must hold them: per source, the rows no earlier
 * source has (a WHERE clause each), with the source's schema.
 */
function sourceParts(table: ArchivedTable | 'customers' | 'tariffs', sources: ArchiveSources): { schema: string; where: string }[] {
  const parts: { schema: string; where: string }[] = [];
  const earlier: string[] = [];
  if (sources.seasons.length > 0) {
    const where = table === 'tariffs' ? '' : `WHERE id IN (SELECT id FROM ${MOVE(table)})`;
    parts.push({ schema: SOURCE, where });
    earlier.push(table === 'tariffs' ? `SELECT id FROM ${SOURCE}.tariffs` : `SELECT id FROM ${MOVE(table)}`);
  }
  sources.files.forEach((_, i) => {
    const schema = fileAlias(i);
    parts.push({ schema, where: earlier.length ? `WHERE ${earlier.map((ids) => `id NOT IN (${ids})`).join(' AND ')}` : '' });
    earlier.push(`SELECT id FROM ${schema}.${table}`);
  });
  return parts;
}

/** Count and checksum of the rows `parts` select, every column of the table, by id. */
function digestOf(sqlite: Database.Database, table: ArchivedTable, parts: { schema: string; where: string }[]): { rows: number; digest: string } {
  const columns = columnsOf(sqlite, 'main', table).map(quote).join(', ');
  const union = parts.map((p) => `SELECT ${columns} FROM ${p.schema}.${table} ${p.where}`).join(' UNION ALL ');
  return sqlite.prepare(`SELECT count(*) AS rows, coalesce(parterre_digest(${columns}), '') AS digest FROM (${union} ORDER BY id)`).get() as {
    rows: number;
    digest: string;
  };
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The seasons the main file gives, with the counts the app shows (from the selection: no scan per season). */
function seasonsFromMain(out: Database.Database, sources: ArchiveSources): ArchiveSeasonManifest[] {
  if (sources.seasons.length === 0) return [];
  const rows = out
    .prepare(
      `SELECT p.season_year AS seasonYear, count(*) AS performances, count(DISTINCT p.show_id) AS shows,
              coalesce(t.tickets, 0) AS tickets, coalesce(t.orders, 0) AS orders
       FROM ${SOURCE}.performances p
       LEFT JOIN (SELECT q.season_year, count(*) AS tickets, count(DISTINCT k.order_id) AS orders
                  FROM ${SOURCE}.tickets k JOIN ${SOURCE}.performances q ON q.id = k.performance_id
                  WHERE k.id IN (SELECT id FROM ${MOVE('tickets')}) GROUP BY q.season_year) t ON t.season_year = p.season_year
       WHERE p.id IN (SELECT id FROM ${MOVE('performances')})
       GROUP BY p.season_year ORDER BY p.season_year`,
    )
    .all() as Omit<ArchiveSeasonManifest, 'label'>[];
  return rows.map((s) => ({ ...s, label: seasonLabel(s.seasonYear, sources.seasonStartMonth) }));
}

/**
 * Writes `partialPath` from `sources`, verifies it and renames it to `finalPath`. Throws (and
 * removes the partial file) on any failure, a cancel included.
 */
export async function writeArchiveFile(sources: ArchiveSources, partialPath: string, finalPath: string, hooks: WriterHooks): Promise<WrittenArchive> {
  const removePartial = () => {
    rmSync(partialPath, { force: true });
    rmSync(`${partialPath}-journal`, { force: true });
  };
  let out: Database.Database | null = null;
  try {
    // The same migrations as the main file; a rollback journal (one file to copy or carry).
    const created = openDatabase(partialPath);
    created.sqlite.pragma('journal_mode = DELETE');
    created.sqlite.close();
    out = openSqliteFile(partialPath);
    // The file is synced once, whole, before it is renamed: no sync per chunk. The copy follows
    // the parents-first order, and the foreign keys are checked once at the end.
    out.pragma('synchronous = OFF');
    out.pragma('foreign_keys = OFF');
    out.pragma('temp_store = MEMORY');
    registerDigest(out);
    if (sources.seasons.length > 0) out.prepare(`ATTACH DATABASE ? AS ${SOURCE}`).run(sources.mainPath);
    sources.files.forEach((file, i) => out!.prepare(`ATTACH DATABASE ? AS ${fileAlias(i)}`).run(file.path));
    selectSeasonRows(out, SOURCE, sources.seasons);
    // A source file must still be the file that was written: its rows against its manifest's checksum.
    sources.files.forEach((file, i) => {
      const digests = Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, digestOf(out!, t, [{ schema: fileAlias(i), where: '' }])])) as Record<ArchivedTable, { rows: number; digest: string }>;
      if (combineDigests(digests) !== file.manifest.checksum) {
        throw new EngineError('BAD_FILE', `« ${file.path} » ne correspond plus à sa somme de contrôle : lancez « Vérifier » sur cette archive. Rien n’a été changé.`, { file: file.path });
      }
    });

    const expected = Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, digestOf(out!, t, sourceParts(t, sources))])) as Record<
      ArchivedTable,
      { rows: number; digest: string }
    >;
    // With no file taken over, the new file is exactly the main file's moving rows.
    const fromMain =
      sources.files.length === 0
        ? expected
        : (Object.fromEntries(
            ARCHIVED_TABLES.map((t) => [t, sources.seasons.length > 0 ? digestOf(out!, t, [{ schema: SOURCE, where: `WHERE id IN (SELECT id FROM ${MOVE(t)})` }]) : { rows: 0, digest: '' }]),
          ) as Record<ArchivedTable, { rows: number; digest: string }>);
    const seasons = [...seasonsFromMain(out, sources), ...sources.files.flatMap((f) => f.manifest.seasons)].sort((a, b) => a.seasonYear - b.seasonYear);
    const manifest: ArchiveManifest = {
      kind: 'parterre-archive',
      databaseId: sources.databaseId,
      createdAt: localNow(),
      seasons,
      counts: Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, expected[t].rows])) as Record<ArchivedTable, number>,
      checksum: combineDigests(expected),
    };

    // The copy, in one transaction of the new file; tickets by chunks (progress, and Cancel, between them).
    const copied = { customers: 0, tariffs: 0 };
    const copy = (table: string, schema: string, where: string) => {
      const columns = columnsOf(out!, 'main', table).map(quote).join(', ');
      return out!.prepare(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM ${schema}.${table} ${where}`).run().changes;
    };
    const total = expected.tickets.rows;
    let done = 0;
    out.exec('BEGIN');
    for (const table of ['tariffs', 'customers'] as const) {
      for (const part of sourceParts(table, sources)) copied[table] += copy(table, part.schema, part.where);
    }
    for (const table of ['shows', 'performances', 'orders'] as const) {
      for (const part of sourceParts(table, sources)) copy(table, part.schema, part.where);
    }
    await hooks.onCopy(0, total);
    for (const part of sourceParts('tickets', sources)) {
      const filter = part.where ? part.where.replace(/^WHERE /, 'AND ') : '';
      const nextBound = out.prepare(`SELECT max(id) FROM (SELECT id FROM ${part.schema}.tickets WHERE id > ? ${filter} ORDER BY id LIMIT ?)`).pluck();
      for (let after = 0; ; ) {
        const upTo = nextBound.get(after, hooks.chunkRows) as number | null;
        if (upTo === null) break;
        done += copy('tickets', part.schema, `WHERE id > ${after} AND id <= ${upTo} ${filter}`);
        after = upTo;
        if (done < total) hooks.onStep('copy');
        await hooks.onCopy(done, total);
      }
    }
    out.prepare('INSERT INTO main.settings (key, value) VALUES (?, ?)').run(MANIFEST_KEY, JSON.stringify(manifest));
    out.prepare("INSERT INTO main.settings (key, value) VALUES ('seasonStartMonth', ?)").run(String(sources.seasonStartMonth));
    out.exec('COMMIT');
    hooks.onStep('copied');

    // Verification: what the file holds, read back, against what the sources hold.
    for (const table of ARCHIVED_TABLES) {
      const written = digestOf(out, table, [{ schema: 'main', where: '' }]);
      if (written.rows !== expected[table].rows || written.digest !== expected[table].digest) {
        throw new EngineError(
          'INTERNAL',
          `Vérification de l’archive échouée (${table} : ${written.rows} lignes écrites sur ${expected[table].rows}) : rien n’a été retiré de la base principale.`,
        );
      }
    }
    const integrity = out.prepare('PRAGMA main.integrity_check').pluck().all() as string[];
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new EngineError('INTERNAL', `Le fichier d’archive écrit est endommagé (${integrity[0]}) : rien n’a été retiré de la base principale.`);
    }
    // The file reads alone: every ticket's order, performance and tariff, every order's customer, are in it.
    const orphan = out.prepare('PRAGMA main.foreign_key_check').get() as { table: string; parent: string } | undefined;
    if (orphan) {
      throw new EngineError('INTERNAL', `L’archive écrite ne se lit pas seule (${orphan.table} → ${orphan.parent} manquant) : rien n’a été retiré de la base principale.`);
    }
    const maxIds = Object.fromEntries(
      ARCHIVED_TABLES.map((t) => [t, out!.prepare(`SELECT coalesce(max(id), 0) FROM main.${t}`).pluck().get() as number]),
    ) as Record<ArchivedTable, number>;
    hooks.onStep('verified');
    dropSeasonRows(out);
    out.close();
    out = null;
    syncFile(partialPath);
    renameSync(partialPath, finalPath);
    return { manifest, fromMain, maxIds, copied };
  } catch (error) {
    if (out?.inTransaction) out.exec('ROLLBACK');
    out?.close();
    removePartial();
    throw error;
  }
}
