/**
 * Archive files, at the level of SQLite: what an archive file is and how it is recognised,
 * checksums of rows, ATTACH/DETACH, and the views that let every query read the main file and
 * the attached archives as one history. The engine's archives/ folder builds the user's
 * operations (archive seasons, attach, detach, verify) on these.
 *
 * An archive file is a Parterre database (same migrations, same `user_version`) holding the
 * orders, tickets, performances and shows of some seasons, a copy of the customers and tariffs
 * they reference (so that the file reads alone with any SQLite tool), and its manifest: the
 * setting `parterre.archive` (what it holds, row counts and checksum of what was moved).
 *
 * ## Why temporary views named like the tables (and not `all_tickets` views)
 *
 * While archives are attached, `temp.tickets`, `temp.orders`, `temp.performances` and
 * `temp.shows` are views that UNION ALL `main.<table>` with `<archive>.<table>` of each attached
 * file. SQLite resolves an unqualified name in `temp` first, so every query written against the
 * plain table names — the indicator rebuild, the customer record, and the season report and
 * segment queries being written now — sees the whole history without a change, and a query
 * nobody thought to adapt cannot silently leave the archived seasons out (explicit `all_*`
 * views would need every present and future read rewritten, and one forgotten read gives
 * silently wrong figures). Writes must go to the main file only: a view cannot be written, so
 * an unqualified INSERT/UPDATE/DELETE on those four tables fails loudly while archives are
 * attached instead of writing to the wrong place. Writers therefore either name `main.` or run
 * inside `withMainTables` (the importer does: its write phase lifts the views, its indicator
 * rebuild runs with them). Customers and tariffs are not in the union: they live in the main
 * file, and an archive only keeps a copy of them. With no archive attached there is no view at
 * all: nothing changes for a user who never archives.
 *
 * Shows and orders may be in the main file and in an archive at once (a show played in an
 * archived and in a living season, an order with tickets in both): the main file's row wins,
 * then the first archive's, so that each id appears once in the union.
 */
import type Database from 'better-sqlite3';
import { openSqliteFile } from './sqlite-file.js';
import type { ArchiveSeasonInfo } from '../shared/archives-types.js';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** The tables whose rows move to an archive, parents first. */
export const ARCHIVED_TABLES = ['shows', 'performances', 'orders', 'tickets'] as const;
export type ArchivedTable = (typeof ARCHIVED_TABLES)[number];
/** Tables an archive keeps a copy of, for reading alone. */
export const COPIED_TABLES = ['customers', 'tariffs'] as const;
/** Tables whose rows may be in more than one file (see the header). */
const SHARED_ROWS: ReadonlySet<string> = new Set(['shows', 'orders']);

export const MANIFEST_KEY = 'parterre.archive';
/** SQLite as better-sqlite3 builds it attaches at most this many files besides main and temp. */
export const MAX_ATTACHED = 10;

/** What a manifest says of each season it holds: the same counts the app shows. */
export type ArchiveSeasonManifest = ArchiveSeasonInfo;

export interface ArchiveManifest {
  kind: 'parterre-archive';
  /** The main database the rows came from (settings `parterre.databaseId`). */
  databaseId: string;
  createdAt: string;
  seasons: ArchiveSeasonManifest[];
  /** Rows per moved table, and the checksum of them all (rowsChecksum). */
  counts: Record<ArchivedTable, number>;
  checksum: string;
}

export type ArchiveRefusal = 'MISSING' | 'NOT_SQLITE' | 'TRUNCATED' | 'CORRUPT' | 'TOO_NEW' | 'NOT_PARTERRE' | 'NOT_ARCHIVE' | 'OTHER_DATABASE' | 'OVERLAP' | 'LIMIT';

/** A file that cannot be used as an archive, and why, in the user's words. */
export class ArchiveFileError extends Error {
  constructor(
    readonly reason: ArchiveRefusal,
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'ArchiveFileError';
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The columns of `schema.table`, in declaration order. */
export function columnsOf(sqlite: Database.Database, schema: string, table: string): string[] {
  return (sqlite.prepare(`SELECT name FROM ${quote(schema)}.pragma_table_info(?)`).pluck().all(table) as string[]);
}

/**
 * `parterre_digest(...)`: SHA-256 over the rows it aggregates, in the order they come (the
 * caller orders them by id), each value typed so that NULL, '' and 0 differ.
 */
export function registerDigest(sqlite: Database.Database): void {
  sqlite.aggregate('parterre_digest', {
    varargs: true,
    start: () => createHash('sha256'),
    step: (hash: ReturnType<typeof createHash>, ...values: unknown[]) => {
      let line = '';
      for (const value of values) line += value === null ? '\u0000\u001f' : `${typeof value === 'number' ? 'n' : 't'}${String(value)}\u001f`;
      hash.update(`${line}\u001e`);
      return hash;
    },
    result: (hash: ReturnType<typeof createHash>) => hash.digest('hex'),
  });
}

/**
 * Row count and checksum of `table`'s rows in `schema` whose id is in `idsSql` (all rows when
 * null), every column of the main file's table, ordered by id: the same figures on both sides of
 * a move prove that the archive holds exactly the rows the main file had.
 */
export function tableDigest(
  sqlite: Database.Database,
  schema: string,
  table: ArchivedTable,
  idsSql: string | null,
): { rows: number; digest: string } {
  const columns = columnsOf(sqlite, 'main', table).map(quote).join(', ');
  const where = idsSql ? `WHERE id IN (${idsSql})` : '';
  const row = sqlite
    .prepare(`SELECT count(*) AS rows, parterre_digest(${columns}) AS digest FROM (SELECT ${columns} FROM ${quote(schema)}.${table} ${where} ORDER BY id)`)
    .get() as { rows: number; digest: string | null };
  return { rows: row.rows, digest: row.digest ?? createHash('sha256').digest('hex') };
}

/** One checksum over the four tables' digests. */
export function combineDigests(digests: Record<ArchivedTable, { digest: string }>): string {
  return createHash('sha256')
    .update(ARCHIVED_TABLES.map((t) => `${t}:${digests[t].digest}`).join('\n'))
    .digest('hex');
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/** Reads the 100-byte header; refuses what is not SQLite, or is shorter than its header says. */
function checkHeader(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ArchiveFileError('MISSING', `Fichier introuvable : ${path}.`, path);
  }
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) {
    throw new ArchiveFileError('NOT_SQLITE', `« ${path} » n’est pas une base SQLite : ce n’est pas une archive Parterre.`, path);
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  if (pages > 0 && size < pageSize * pages) {
    throw new ArchiveFileError(
      'TRUNCATED',
      `« ${path} » est tronqué (${size} octets sur les ${pageSize * pages} attendus) : copie interrompue ? Rien n’a été attaché.`,
      path,
    );
  }
}

export interface InspectedArchive {
  manifest: ArchiveManifest;
  /** Its `user_version`: lower than the app's means it must be migrated before it is attached. */
  schemaVersion: number;
}

/**
 * Says whether `path` is a Parterre archive this version can attach, without changing it (a
 * read-only connection). Refuses, with the reason in French: a missing file, a file that is not
 * SQLite, a truncated or corrupted one, one written by a newer Parterre, another application's
 * SQLite file, a Parterre main database that is not an archive.
 */
export function inspectArchiveFile(path: string, appVersion: number): InspectedArchive {
  checkHeader(path);
  let sqlite: Database.Database;
  try {
    sqlite = openSqliteFile(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ArchiveFileError('CORRUPT', `« ${path} » ne s’ouvre pas : ${(error as Error).message}.`, path);
  }
  try {
    let check: string[];
    try {
      check = sqlite.pragma('quick_check', { simple: false }) as never;
      check = (check as unknown as { quick_check: string }[]).map((r) => r.quick_check);
    } catch (error) {
      throw new ArchiveFileError('CORRUPT', `« ${path} » est endommagé : ${(error as Error).message}. Rien n’a été attaché.`, path);
    }
    if (check.length !== 1 || check[0] !== 'ok') {
      throw new ArchiveFileError('CORRUPT', `« ${path} » est endommagé (${check.slice(0, 2).join(' ; ')}). Rien n’a été attaché.`, path);
    }
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    const tables = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const isParterre = version > 0 && ['settings', 'tickets', 'orders', 'performances', 'shows', 'customers'].every((t) => tables.has(t));
    if (!isParterre) {
      throw new ArchiveFileError('NOT_PARTERRE', `« ${path} » est une base SQLite d’une autre application : ce n’est pas une archive Parterre.`, path);
    }
    if (version > appVersion) {
      throw new ArchiveFileError(
        'TOO_NEW',
        `« ${path} » a été écrite par une version plus récente de Parterre (schéma ${version}, cette version connaît ${appVersion}) : mettez Parterre à jour pour l’ouvrir.`,
        path,
      );
    }
    const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(MANIFEST_KEY) as string | undefined;
    let manifest: ArchiveManifest | null = null;
    try {
      manifest = raw ? (JSON.parse(raw) as ArchiveManifest) : null;
    } catch {
      manifest = null;
    }
    if (!manifest || manifest.kind !== 'parterre-archive' || !Array.isArray(manifest.seasons)) {
      throw new ArchiveFileError('NOT_ARCHIVE', `« ${path} » est une base Parterre, pas une archive de saisons.`, path);
    }
    return { manifest, schemaVersion: version };
  } finally {
    sqlite.close();
  }
}

/** Files attached to the connection besides main and temp (ours and anyone's). */
export function attachedCount(sqlite: Database.Database): number {
  return sqlite.prepare("SELECT count(*) FROM pragma_database_list WHERE name NOT IN ('main', 'temp')").pluck().get() as number;
}

/** ATTACH, refused with the user's explanation when SQLite's limit is reached. */
export function attachAs(sqlite: Database.Database, path: string, alias: string): void {
  if (attachedCount(sqlite) >= MAX_ATTACHED) {
    throw new ArchiveFileError('LIMIT', tooManyMessage(), path);
  }
  sqlite.prepare(`ATTACH DATABASE ? AS ${quote(alias)}`).run(path);
}

export function tooManyMessage(): string {
  return (
    `SQLite, tel que Parterre l’utilise, ne peut ouvrir que ${MAX_ATTACHED} fichiers d’archive à la fois. ` +
    'Gardez plusieurs saisons par fichier : ajoutez les saisons à une archive existante (« Ajouter à l’archive… », parterre archive --into) ' +
    'ou regroupez des archives (« Regrouper », parterre archives merge) ; ou détachez une archive dont vous n’avez pas besoin maintenant.'
  );
}

export function detachAs(sqlite: Database.Database, alias: string): void {
  sqlite.exec(`DETACH DATABASE ${quote(alias)}`);
}

/** Drops the union views (the plain names then mean the main file's tables again). */
export function dropUnionViews(sqlite: Database.Database): void {
  for (const table of ARCHIVED_TABLES) sqlite.exec(`DROP VIEW IF EXISTS temp.${table}`);
}

/** (Re)creates the union views over the main file and the archives `aliases`, in that order; none without archives. */
export function installUnionViews(sqlite: Database.Database, aliases: readonly string[]): void {
  dropUnionViews(sqlite);
  if (aliases.length === 0) return;
  for (const table of ARCHIVED_TABLES) {
    const columns = columnsOf(sqlite, 'main', table).map(quote).join(', ');
    const parts = [`SELECT ${columns} FROM main.${table}`];
    aliases.forEach((alias, i) => {
      let select = `SELECT ${columns} FROM ${quote(alias)}.${table} AS a`;
      if (SHARED_ROWS.has(table)) {
        const earlier = ['main', ...aliases.slice(0, i)];
        select += ` WHERE ${earlier.map((s) => `NOT EXISTS (SELECT 1 FROM ${quote(s)}.${table} AS e WHERE e.id = a.id)`).join(' AND ')}`;
      }
      parts.push(select);
    });
    sqlite.exec(`CREATE TEMP VIEW ${table} AS ${parts.join('\nUNION ALL\n')}`);
  }
}

/** Whether the union views are in place (archives attached). */
export function hasUnionViews(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT count(*) FROM temp.sqlite_master WHERE type = 'view' AND name = 'tickets'").pluck().get() === 1;
}

/**
 * Lifts the union views so that the plain table names mean the main file's tables, for writers
 * that use unqualified names (the importer's stores); returns the function that puts them back
 * as they were. Works inside a transaction too (temp DDL is transactional).
 */
export function liftUnionViews(sqlite: Database.Database): () => void {
  const views = ARCHIVED_TABLES.map(
    (table) => sqlite.prepare("SELECT sql FROM temp.sqlite_master WHERE type = 'view' AND name = ?").pluck().get(table) as string | undefined,
  );
  if (views.every((sql) => sql === undefined)) return () => {};
  dropUnionViews(sqlite);
  return () => {
    dropUnionViews(sqlite);
    for (const sql of views) if (sql) sqlite.exec(sql.replace(/^CREATE VIEW/i, 'CREATE TEMP VIEW'));
  };
}

/** Runs `write` with the views lifted (see liftUnionViews). */
export function withMainTables<T>(sqlite: Database.Database, write: () => T): T {
  const restore = liftUnionViews(sqlite);
  try {
    return write();
  } finally {
    restore();
  }
}
