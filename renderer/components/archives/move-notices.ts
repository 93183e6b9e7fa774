/**
 * What the screen says once seasons were archived or archives regrouped: which file now holds
 * which seasons, and where the files it replaced were put aside (never deleted by Parterre).
 */
import type { TFunction } from 'i18next';
import type { ArchiveResult } from '../../../shared/archives-types.js';
import { fileNameOf } from '../../lib/archive-choices.js';

type Format = { number: (value: number) => string };

const labels = (result: ArchiveResult) => result.file.seasons.map((s) => s.label).join(', ');
const fileTickets = (result: ArchiveResult) => result.file.seasons.reduce((total, s) => total + s.tickets, 0);

/** After « Archiver »: into a new file, or added to an archive (the old file is put aside). */
export function archivedNotice(t: TFunction, f: Format, seasons: string[], result: ArchiveResult): string {
  const moved = { count: seasons.length, seasons: [...seasons].sort().join(', '), name: result.file.name, tickets: f.number(result.moved.tickets) };
  if (result.replacedFiles.length === 0) return t('archives.archived', moved);
  return t('archives.added', {
    ...moved,
    all: labels(result),
    replaced: result.replacedFiles.map(fileNameOf).join(', '),
    folder: result.replacedFolder ?? '',
  });
}

/** After « Regrouper »: the new file, its seasons, and the replaced files put aside. */
export function mergedNotice(t: TFunction, f: Format, result: ArchiveResult): string {
  return t('archives.merge.done', {
    name: result.file.name,
    seasons: labels(result),
    tickets: f.number(fileTickets(result)),
    replaced: result.replacedFiles.map(fileNameOf).join(', '),
    folder: result.replacedFolder ?? '',
  });
}
