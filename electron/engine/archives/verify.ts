/**
 * « Vérifier »: re-reads an archive file from scratch (a read-only connection of its own) and
 * checks that it is still the file that was written: SQLite's integrity check, the row counts
 * and the checksum of its rows against its manifest and against what the main file recorded
 * when the seasons moved. The verdict and its date are kept in the main file's record.
 */
import { openSqliteFile } from '../../../db/sqlite-file.js';
import { ARCHIVED_TABLES, ArchiveFileError, combineDigests, inspectArchiveFile, registerDigest, tableDigest, type ArchivedTable } from '../../../db/archives.js';
import { appSchemaVersion, type OpenDatabase } from '../../../db/open.js';
import type { ArchiveVerification } from '../../../shared/archives-types.js';
import { EngineError } from '../errors.js';
import { localNow } from '../import/local-time.js';
import { absolutePath, archiveFile, seasonsOfFile } from './registry.js';

const TABLE_NAMES: Record<ArchivedTable, string> = { shows: 'spectacles', performances: 'représentations', orders: 'commandes', tickets: 'billets' };

export function verifyArchive(db: OpenDatabase, dataDir: string, fileId: number): ArchiveVerification {
  const row = archiveFile(db.sqlite, fileId);
  if (!row) throw new EngineError('NOT_FOUND', `Archive inconnue (n° ${fileId}).`);
  const path = absolutePath(dataDir, row.path);
  const checks: ArchiveVerification['checks'] = [];
  const verifiedAt = localNow();
  try {
    const { manifest } = inspectArchiveFile(path, appSchemaVersion());
    checks.push({ label: 'Fichier SQLite lisible, archive Parterre reconnue', ok: true });
    const file = openSqliteFile(path, { readonly: true, fileMustExist: true });
    try {
      const integrity = file.pragma('integrity_check', { simple: true });
      checks.push({ label: 'Intégrité SQLite (integrity_check)', ok: integrity === 'ok', detail: integrity === 'ok' ? undefined : String(integrity) });
      registerDigest(file);
      const digests = {} as Record<ArchivedTable, { rows: number; digest: string }>;
      for (const table of ARCHIVED_TABLES) {
        digests[table] = tableDigest(file, 'main', table, null);
        const expected = manifest.counts[table];
        checks.push({
          label: `Nombre de lignes : ${TABLE_NAMES[table]}`,
          ok: digests[table].rows === expected,
          detail: digests[table].rows === expected ? `${expected}` : `${digests[table].rows} au lieu de ${expected}`,
        });
      }
      const checksum = combineDigests(digests);
      checks.push({ label: 'Somme de contrôle des lignes (manifeste de l’archive)', ok: checksum === manifest.checksum });
      checks.push({ label: 'Somme de contrôle enregistrée dans la base principale', ok: checksum === row.checksum });
      const recorded = seasonsOfFile(db.sqlite, row.path).map((s) => s.season_year).sort().join(',');
      const inFile = manifest.seasons.map((s) => s.seasonYear).sort().join(',');
      checks.push({ label: 'Saisons', ok: recorded === inFile, detail: recorded === inFile ? undefined : `fichier : ${inFile} ; base : ${recorded}` });
    } finally {
      file.close();
    }
  } catch (error) {
    if (!(error instanceof ArchiveFileError)) throw error;
    checks.push({ label: 'Fichier lisible', ok: false, detail: error.message });
  }
  const ok = checks.every((c) => c.ok);
  db.sqlite.prepare('UPDATE main.archive_files SET verified_at = ?, verified_ok = ? WHERE id = ?').run(verifiedAt, ok ? 1 : 0, fileId);
  return { path, ok, checks, verifiedAt };
}
