/**
 * « Restaurer… »: replaces the venue's database and its archives with a backup folder's
 * (backups.ts writes and checks them). Everything is checked before anything is touched; the
 * current files are then copied into `<dataDir>/avant-restauration-<instant>/`, and the engine's
 * switch of databases (databases.ts) closes the connection, lets the files be replaced and opens
 * them: handlers read the new connection through their context, nothing is patched in place.
 * If the restored files cannot be opened, the previous ones are put back and reopened, and the
 * refusal says so: the user is never left without a database.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { copyDatabaseFile } from '../../../db/backups.js';
import type { OpenDatabase } from '../../../db/open.js';
import type { RestoreResult } from '../../../shared/archives-types.js';
import type { Databases } from '../databases.js';
import { EngineError } from '../errors.js';
import { openArchives } from './attach.js';
import { checkBackupFolder, stamp } from './backups.js';
import { archivesFolder } from './registry.js';

export const DEMO_OPEN_MESSAGE =
  'La démonstration est ouverte : une restauration remplace la base de votre salle, pas celle de la démonstration. ' +
  'Quittez d’abord la démonstration (« Quitter la démonstration »), puis restaurez. Rien n’a été restauré.';

export async function restoreBackupFrom(databases: Databases, folder: string): Promise<RestoreResult> {
  if (databases.kind === 'demo') throw new EngineError('UNAVAILABLE', DEMO_OPEN_MESSAGE);
  const manifest = checkBackupFolder(folder);
  const { dataDir } = databases;
  const db = databases.current;
  if (db.path === ':memory:') throw new EngineError('UNAVAILABLE', 'Base en mémoire : rien à restaurer.');
  const previous = join(dataDir, `avant-restauration-${stamp()}`);
  const previousArchives = saveCurrent(db, dataDir, previous);
  const archives = archivesFolder(dataDir);
  /** The archive files the restore has written over or beside the current ones: what a put-back must undo. */
  const written: string[] = [];
  try {
    const restored = await databases.reopenCurrent((path) => {
      const main = manifest.files.find((f) => f.role === 'main')!;
      replaceMainFile(path, join(folder, main.path));
      mkdirSync(archives, { recursive: true });
      for (const file of manifest.files.filter((f) => f.role === 'archive')) {
        const name = basename(file.path);
        written.push(name);
        copyFileSync(join(folder, file.path), join(archives, name));
      }
    });
    openArchives(restored, dataDir);
  } catch (error) {
    const why = (error as Error).message;
    try {
      await putBack(databases, previous, previousArchives, written);
    } catch (putBackError) {
      throw new EngineError(
        'INTERNAL',
        `La sauvegarde « ${folder} » n’a pas pu être ouverte (${why}), et vos fichiers d’avant n’ont pas pu être rouverts ` +
          `(${(putBackError as Error).message}). Ils sont intacts dans « ${previous} » : copiez-les dans « ${dataDir} » puis redémarrez Parterre.`,
        { file: folder },
      );
    }
    throw new EngineError(
      'BAD_FILE',
      `La sauvegarde « ${folder} » n’a pas pu être ouverte : ${why.replace(/\.?$/, '.')} Vos fichiers d’avant la restauration ont été remis en place : rien n’a changé.`,
      { file: folder },
    );
  }
  return { folder, previousFilesBackup: previous, archives: manifest.files.length - 1 };
}

/** The main file's place taken by `source`; its log files go first (they belong to the file replaced). */
function replaceMainFile(path: string, source: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  copyFileSync(source, path);
}

/** Copies the current main file (consistent, through the connection) and archives into `target`; returns the archives' names. */
function saveCurrent(db: OpenDatabase, dataDir: string, target: string): Set<string> {
  mkdirSync(join(target, 'archives'), { recursive: true });
  copyDatabaseFile(db.path, join(target, basename(db.path)));
  const folder = archivesFolder(dataDir);
  const saved = new Set<string>();
  if (!existsSync(folder)) return saved;
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.sqlite')) continue;
    copyFileSync(join(folder, name), join(target, 'archives', name));
    saved.add(name);
  }
  return saved;
}

/** The files saved before the restore, back where they were (an archive the restore added is removed), and opened again. */
async function putBack(databases: Databases, previous: string, previousArchives: Set<string>, written: string[]): Promise<void> {
  const archives = archivesFolder(databases.dataDir);
  const reopened = await databases.reopenCurrent((path) => {
    replaceMainFile(path, join(previous, basename(path)));
    for (const name of written) {
      if (previousArchives.has(name)) copyFileSync(join(previous, 'archives', name), join(archives, name));
      else rmSync(join(archives, name), { force: true });
    }
  });
  openArchives(reopened, databases.dataDir);
}
