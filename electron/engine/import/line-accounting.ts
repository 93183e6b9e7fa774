/**
 * The check that closes every file of an import: each record the reader cut from the file is
 * skipped (header, lines before it, blank lines), imported, recognised as archived (a season kept in
 * an archive file: counted, not written again) or rejected — exactly one of them — so
 * that no line given by the user disappears without a trace. Three counts kept by three different
 * parts (the record splitter, the line filter, the writer and the reject log) must agree; when
 * they do not, the import stops and its transaction is rolled back: a bug, never the user's file.
 */
import { EngineError } from '../errors.js';
import type { LineStats } from './read/line-filter.js';

export interface LineAccount {
  /** Records the splitter emitted (StreamResult.records). */
  records: number;
  /** What the line filter counted. */
  stats: Pick<LineStats, 'lines' | 'rejected' | 'skipped'>;
  /** Lines the writer wrote (a ticket line, a customer, a performance). */
  written: number;
  /** Lines of archived seasons, counted and left to their archive (archives/import-guard.ts). */
  archived?: number;
  /** Rejects the import's reject log received for this file. */
  logged: number;
}

export function assertLinesAddUp(file: string, account: LineAccount): void {
  const { records, stats, written, logged } = account;
  const archived = account.archived ?? 0;
  const problems: string[] = [];
  if (records !== stats.skipped + stats.lines) problems.push(`${records} enregistrements lus ≠ ${stats.skipped} ignorés + ${stats.lines} lignes de données`);
  if (stats.lines !== written + archived + logged) {
    const parts = [`${written} importées`, ...(archived ? [`${archived} archivées`] : []), `${logged} rejetées`];
    problems.push(`${stats.lines} lignes de données ≠ ${parts.join(' + ')}`);
  }
  if (stats.rejected !== logged) problems.push(`${stats.rejected} rejets comptés ≠ ${logged} rejets enregistrés`);
  if (problems.length > 0) {
    throw new EngineError(
      'INTERNAL',
      `« ${file} » : les comptes de lignes ne tombent pas juste (${problems.join(' ; ')}). Rien n'a été importé : signalez ce fichier à l'équipe de Parterre.`,
      { file, ...account },
    );
  }
}
