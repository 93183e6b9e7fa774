/** Archives (list, archive seasons, attach, detach, verify, open from elsewhere) and backups (save to, restore from). */
import { resolve } from 'node:path';
import { MAX_ATTACHED } from '../../../db/archives.js';
import { seasonYearOfLabel } from '../../../shared/season.js';
import type { ArchiveList } from '../../../shared/archives-types.js';
import type { EngineContext, HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';
import { archiveSeasons, mergeArchives } from '../archives/archive-seasons.js';
import { attachArchive, attachProblems, detachArchive, openArchiveFrom } from '../archives/attach.js';
import { saveBackupTo } from '../archives/backups.js';
import { restoreBackupFrom } from '../archives/restore.js';
import { absolutePath, archiveFiles, archivesFolder, attachedOf, describeFile } from '../archives/registry.js';
import { verifyArchive } from '../archives/verify.js';

function list({ db, dataDir }: EngineContext): ArchiveList {
  const problems = attachProblems(db.sqlite);
  return {
    files: archiveFiles(db.sqlite).map((row) => describeFile(db.sqlite, dataDir, row, problems.get(row.id) ?? null)),
    maxAttached: MAX_ATTACHED,
    attachedCount: attachedOf(db.sqlite).size,
    folder: archivesFolder(dataDir),
  };
}

/** The listed file named by id, or by a path (absolute, relative to the working folder, or its name in the archives folder). */
function findFile(ctx: EngineContext, input: { id?: number; path?: string }): number | null {
  const rows = archiveFiles(ctx.db.sqlite);
  if (input.id !== undefined) {
    if (!rows.some((r) => r.id === input.id)) throw new EngineError('NOT_FOUND', `Archive inconnue (n° ${input.id}).`);
    return input.id;
  }
  if (!input.path) throw new EngineError('VALIDATION', 'Indiquez une archive (son numéro ou son fichier).');
  const wanted = resolve(input.path);
  const row = rows.find((r) => absolutePath(ctx.dataDir, r.path) === wanted || r.path === input.path);
  return row ? row.id : null;
}

/** An archive this database lists, by number or by file; refused otherwise. */
function listedFile(ctx: EngineContext, file: number | string): number {
  const id = findFile(ctx, typeof file === 'number' ? { id: file } : { path: file });
  if (id === null) throw new EngineError('NOT_FOUND', `« ${String(file)} » n’est pas une archive de cette base (voir parterre archives).`);
  return id;
}

export const archiveHandlers: HandlerTable<
  | 'archives.list'
  | 'archives.archive'
  | 'archives.merge'
  | 'archives.cancel'
  | 'archives.attach'
  | 'archives.detach'
  | 'archives.verify'
  | 'archives.open'
  | 'backups.save'
  | 'backups.restore'
> = {
  'archives.list': (_input, ctx) => list(ctx),
  'archives.archive': ({ seasons, into }, ctx) => {
    const years = seasons.map((label) => {
      const year = seasonYearOfLabel(label);
      if (Number.isNaN(year)) throw new EngineError('VALIDATION', `« ${label} » n’est pas une saison (attendu : 2019-2020).`);
      return year;
    });
    return archiveSeasons(ctx.db, ctx.dataDir, years, {
      into: into === undefined ? undefined : listedFile(ctx, into),
      signal: ctx.signal,
      onProgress: (progress) => ctx.emit({ type: 'archive.progress', progress }),
    });
  },
  'archives.merge': ({ files }, ctx) =>
    mergeArchives(
      ctx.db,
      ctx.dataDir,
      files.map((file) => listedFile(ctx, file)),
      { signal: ctx.signal, onProgress: (progress) => ctx.emit({ type: 'archive.progress', progress }) },
    ),
  'archives.cancel': (_input, ctx) => ({ cancelled: ctx.cancelRunning() }),
  'archives.attach': (input, ctx) => {
    const id = findFile(ctx, input);
    // A file from elsewhere: only one the user chose (path-policy.ts).
    if (id === null) openArchiveFrom(ctx.db, ctx.dataDir, ctx.paths.readable(input.path!));
    else attachArchive(ctx.db, ctx.dataDir, id);
    return list(ctx);
  },
  'archives.detach': (input, ctx) => {
    const id = findFile(ctx, input);
    if (id === null) throw new EngineError('NOT_FOUND', `« ${input.path} » n’est pas une archive de cette base.`);
    detachArchive(ctx.db, id);
    return list(ctx);
  },
  'archives.verify': ({ id }, ctx) => verifyArchive(ctx.db, ctx.dataDir, id),
  'archives.open': ({ path }, ctx) => {
    openArchiveFrom(ctx.db, ctx.dataDir, ctx.paths.readable(path));
    return list(ctx);
  },
  // Into the data folder, or a folder the user chose as a destination (a USB stick): never over a file.
  'backups.save': ({ out }, ctx) => saveBackupTo(ctx.db, ctx.dataDir, resolve(out), (path) => ctx.paths.creatable(path)),
  // Only from the data folder or a folder the user chose.
  'backups.restore': ({ folder }, ctx) => restoreBackupFrom(ctx.databases, ctx.paths.readable(folder)),
};
