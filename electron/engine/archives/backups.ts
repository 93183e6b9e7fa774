/**
 * Backups the user can trust: the automatic one before a change (db/backups.ts: VACUUM INTO and
 * the retention rule), and « Sauvegarder vers… » / « Restaurer… » to and from any folder (a USB
 * stick): the main file, its archives and a manifest (app version, schema, date, size and
 * SHA-256 of each file). A restore (restore.ts) checks every file against the manifest, and
 * SQLite's integrity check, before it touches anything; then the current files are backed up first.
 */
import { openSqliteFile } from '../../../db/sqlite-file.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupDatabase, copyDatabaseFile, type BackupReason } from '../../../db/backups.js';
import { appSchemaVersion, type OpenDatabase } from '../../../db/open.js';
import type { BackupManifest, BackupManifestFile, BackupResult } from '../../../shared/archives-types.js';
import type { EngineContext } from '../context.js';
import { appPackage } from '../app-root.js';
import { EngineError } from '../errors.js';
import { localNow } from '../import/local-time.js';
import { absolutePath, archiveFiles } from './registry.js';

// Found by walking up to Parterre's package.json: the command line runs this module from a bundle elsewhere.
const APP_VERSION = appPackage().version;
export const MANIFEST_FILE = 'parterre-sauvegarde.json';

/** The automatic backup before a change of the data; '' for an in-memory database (tests). */
export function backupBeforeChange(db: OpenDatabase, reason: BackupReason): string {
  if (db.path === ':memory:') return '';
  return backupDatabase(db.sqlite, db.path, { reason });
}

/** Before an import: nothing to keep in an empty database (a first import then costs no copy). */
export function backupBeforeImport(ctx: EngineContext): string {
  const { sqlite } = ctx.db;
  const empty = sqlite.prepare('SELECT NOT EXISTS (SELECT 1 FROM main.tickets) AND NOT EXISTS (SELECT 1 FROM main.customers)').pluck().get() === 1;
  return empty ? '' : backupBeforeChange(ctx.db, 'import');
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** An instant for a folder name: `2026-03-14T20-30-00`. */
export const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

/**
 * « Sauvegarder vers… »: writes `<out>/parterre-<instant>/` with the main file (a consistent copy
 * through the open connection), every archive file the main file lists, and the manifest.
 */
export function saveBackupTo(db: OpenDatabase, dataDir: string, out: string, creatable: (path: string) => string): BackupResult {
  // A folder of its own, new: the path policy says whether it may be created there.
  const folder = creatable(join(out, `parterre-${stamp()}`));
  mkdirSync(join(folder, 'archives'), { recursive: true });
  const files: BackupManifestFile[] = [];
  const mainName = 'parterre.sqlite';
  copyDatabaseFile(db.path, join(folder, mainName));
  files.push({ path: mainName, bytes: statSync(join(folder, mainName)).size, sha256: sha256(join(folder, mainName)), role: 'main' });
  for (const row of archiveFiles(db.sqlite)) {
    const source = absolutePath(dataDir, row.path);
    if (!existsSync(source)) continue;
    const relative = `archives/${basename(source)}`;
    // Archive files are never written while attached (rollback journal, read only): a copy through a connection of their own.
    copyDatabaseFile(source, join(folder, relative));
    files.push({ path: relative, bytes: statSync(join(folder, relative)).size, sha256: sha256(join(folder, relative)), role: 'archive' });
  }
  const manifest: BackupManifest = { app: 'parterre', appVersion: APP_VERSION, schemaVersion: db.schemaVersion, createdAt: localNow(), files };
  writeFileSync(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, manifest };
}

/** Reads and checks a backup folder; throws a clear refusal, changes nothing. */
export function checkBackupFolder(folder: string): BackupManifest {
  const manifestPath = join(folder, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new EngineError('BAD_FILE', `« ${folder} » n’est pas une sauvegarde Parterre (pas de ${MANIFEST_FILE}).`, { file: folder });
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  } catch {
    throw new EngineError('BAD_FILE', `Le manifeste de « ${folder} » est illisible : sauvegarde incomplète ?`, { file: manifestPath });
  }
  if (manifest.app !== 'parterre' || !Array.isArray(manifest.files) || manifest.files.filter((f) => f.role === 'main').length !== 1) {
    throw new EngineError('BAD_FILE', `« ${folder} » n’est pas une sauvegarde Parterre complète.`, { file: manifestPath });
  }
  if (manifest.schemaVersion > appSchemaVersion()) {
    throw new EngineError('SCHEMA_TOO_NEW', `Cette sauvegarde vient d’une version plus récente de Parterre (schéma ${manifest.schemaVersion}) : mettez Parterre à jour pour la restaurer.`);
  }
  for (const file of manifest.files) {
    const path = join(folder, file.path);
    if (file.path.includes('..')) throw new EngineError('BAD_FILE', `Chemin refusé dans le manifeste : ${file.path}.`, { file: manifestPath });
    if (!existsSync(path)) throw new EngineError('BAD_FILE', `Sauvegarde incomplète : « ${file.path} » manque. Rien n’a été restauré.`, { file: path });
    const bytes = statSync(path).size;
    if (bytes !== file.bytes) {
      throw new EngineError('BAD_FILE', `Sauvegarde tronquée : « ${file.path} » fait ${bytes} octets au lieu de ${file.bytes}. Rien n’a été restauré.`, { file: path });
    }
    if (sha256(path) !== file.sha256) {
      throw new EngineError('BAD_FILE', `Sauvegarde altérée : la somme de contrôle de « ${file.path} » ne correspond pas. Rien n’a été restauré.`, { file: path });
    }
    const check = openSqliteFile(path, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new EngineError('BAD_FILE', `« ${file.path} » est endommagé (${String(result)}). Rien n’a été restauré.`, { file: path });
      // The file's own schema, not only the manifest's word: opening a newer one would fail after the current files were replaced.
      const fileSchema = check.pragma('user_version', { simple: true }) as number;
      if (file.role === 'main' && fileSchema > appSchemaVersion()) {
        throw new EngineError('SCHEMA_TOO_NEW', `« ${file.path} » vient d’une version plus récente de Parterre (schéma ${fileSchema}) : mettez Parterre à jour pour la restaurer. Rien n’a été restauré.`, { file: path });
      }
    } finally {
      check.close();
    }
  }
  return manifest;
}
