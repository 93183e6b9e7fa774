/**
 * What the Archives screen may offer, from the list of archive files: where ticked seasons can
 * go (a new file, or an existing archive a new file replaces) and which files « Regrouper » may
 * take. The engine refuses the rest anyway (electron/engine/archives/archive-seasons.ts); the
 * screen offers only what it would accept, and says why for the others.
 */
import type { ArchiveFileInfo, ArchiveList } from '../../shared/archives-types.js';

/** Why a file cannot be added to or regrouped, or null when it can. */
export type Unchangeable = 'readOnly' | 'missing' | null;

export function unchangeable(file: ArchiveFileInfo): Unchangeable {
  // Opened from elsewhere: Parterre never writes to it, nor replaces it.
  if (file.readOnly) return 'readOnly';
  if (file.sizeBytes === null) return 'missing';
  return null;
}

export interface Destinations {
  /** A new file takes one more attached place: impossible once every place is taken. */
  newFileAllowed: boolean;
  /** Archives the seasons may join. */
  targets: ArchiveFileInfo[];
}

export function destinationsOf(list: ArchiveList): Destinations {
  const full = list.attachedCount >= list.maxAttached;
  return {
    newFileAllowed: !full,
    // Only an attached archive: the seasons stay in the figures, and its new file takes the place it frees.
    targets: list.files.filter((file) => unchangeable(file) === null && file.attached && file.problem === null),
  };
}

/** At most this many files regrouped at once: the new file needs a place of its own (9 of 10). */
export const mostMerged = (list: ArchiveList) => list.maxAttached - 1;

/** The file name at the end of a path (Windows or POSIX). */
export const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path;
