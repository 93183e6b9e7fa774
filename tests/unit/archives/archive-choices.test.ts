import { describe, expect, it } from 'vitest';
import type { ArchiveFileInfo, ArchiveList } from '../../../shared/archives-types.js';
import { destinationsOf, fileNameOf, mostMerged, unchangeable } from '../../../renderer/lib/archive-choices.js';

let nextId = 1;
const file = (over: Partial<ArchiveFileInfo> = {}): ArchiveFileInfo => ({
  id: nextId++,
  path: `/data/archives/a${nextId}.sqlite`,
  name: `a${nextId}.sqlite`,
  seasons: [],
  attached: true,
  readOnly: false,
  sizeBytes: 4096,
  createdAt: '2025-01-01T10:00:00',
  verifiedAt: null,
  verifiedOk: null,
  problem: null,
  ...over,
});
const listOf = (files: ArchiveFileInfo[], attachedCount: number): ArchiveList => ({ files, maxAttached: 10, attachedCount, folder: '/data/archives' });

describe('where the Archives screen lets ticked seasons go', () => {
  const attached = file();
  const detached = file({ attached: false });
  const readOnly = file({ readOnly: true });
  const missing = file({ attached: false, sizeBytes: null });

  it('below the limit: a new file, or an attached archive Parterre wrote (a detached one would bring its seasons back into the figures)', () => {
    const d = destinationsOf(listOf([attached, detached, readOnly, missing], 2));
    expect(d.newFileAllowed).toBe(true);
    expect(d.targets.map((f) => f.id)).toEqual([attached.id]);
  });

  it('at the limit (10 of 10): no new file, and only an attached archive (its place is reused)', () => {
    const d = destinationsOf(listOf([attached, detached, readOnly, missing], 10));
    expect(d.newFileAllowed).toBe(false);
    expect(d.targets.map((f) => f.id)).toEqual([attached.id]);
    const broken = file({ problem: 'Fichier introuvable' });
    expect(destinationsOf(listOf([broken], 10)).targets).toEqual([]);
  });

  it('files opened from elsewhere or missing are neither added to nor regrouped, and say why', () => {
    expect(unchangeable(attached)).toBeNull();
    expect(unchangeable(readOnly)).toBe('readOnly');
    expect(unchangeable(missing)).toBe('missing');
  });

  it('regroups at most 9 files at once (the new file needs a place of its own)', () => {
    expect(mostMerged(listOf([], 0))).toBe(9);
  });
});

describe('the paths the notices name', () => {
  it('the file name of a POSIX or Windows path', () => {
    expect(fileNameOf('/data/archives/parterre-2021-2022.sqlite')).toBe('parterre-2021-2022.sqlite');
    expect(fileNameOf('C:\\Parterre\\archives\\parterre-2021-2022.sqlite')).toBe('parterre-2021-2022.sqlite');
  });
});
