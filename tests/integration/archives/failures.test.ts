/**
 * Archiving interrupted at every step — by an error thrown there, and by a child process killed
 * there (SIGKILL: no catch, no cleanup, as a power cut or a crash) — leaves no row lost and none
 * counted twice: the main file either still holds the seasons (and no archive is listed or
 * attached), or the move is whole. The figures are the same either way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasUnionViews } from '../../../db/archives.js';
import { openDatabase } from '../../../db/open.js';
import { archiveSeasons, type ArchiveStep } from '../../../electron/engine/archives/archive-seasons.js';
import { openArchives } from '../../../electron/engine/archives/attach.js';
import type { SeasonIndicators } from '../../../shared/types.js';
import { cloneFixture, fixtureOn, importedFixture, type ArchiveFixture } from '../../helpers/archive-fixture.js';

let base: ArchiveFixture;
let seasons: SeasonIndicators[];
let figures: unknown;
let unionCounts: Record<string, number>;
let years: number[];

const TABLES = ['tickets', 'orders', 'performances', 'shows', 'customers', 'tariffs'];
const countsOf = (f: ArchiveFixture) =>
  Object.fromEntries(TABLES.map((t) => [t, f.db.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
/** Season figures and every customer's summary (the records are compared in round-trip.test.ts). */
async function figuresOf(f: ArchiveFixture) {
  return { seasons: await f.call('seasons.list', {}), customers: (await f.call('customers.list', { limit: 1_000_000, sort: 'name' })).rows };
}
const archiveFilesIn = (f: ArchiveFixture) => {
  const folder = join(f.db.dir, 'archives');
  return existsSync(folder) ? readdirSync(folder).filter((n) => !n.endsWith('.abandoned')) : [];
};

beforeAll(async () => {
  base = await importedFixture(1500, 21);
  seasons = await base.call('seasons.list', {});
  years = seasons.slice(0, 2).map((s) => s.seasonYear);
  figures = await figuresOf(base);
  unionCounts = countsOf(base);
}, 120_000);
afterAll(() => base?.db.cleanup());

const STEPS: ArchiveStep[] = ['backup', 'copy', 'copied', 'verified', 'written', 'attached', 'deleted', 'rebuilt'];

describe('an error at any step of archiving', () => {
  for (const step of STEPS) {
    it(`at « ${step} » leaves both files as they were`, async () => {
      const f = cloneFixture(base);
      try {
        await expect(
          archiveSeasons(f.db, f.db.dir, years, {
            chunkRows: 150,
            onStep: (s) => {
              if (s === step) throw new Error(`panne simulée à ${step}`);
            },
          }),
        ).rejects.toThrow(`panne simulée à ${step}`);
        expect(countsOf(f)).toEqual(unionCounts);
        expect(f.db.sqlite.prepare('SELECT count(*) FROM archive_files').pluck().get()).toBe(0);
        expect(f.db.sqlite.prepare('SELECT count(*) FROM archives').pluck().get()).toBe(0);
        expect(hasUnionViews(f.db.sqlite)).toBe(false);
        expect(archiveFilesIn(f)).toEqual([]);
        expect(await figuresOf(f)).toEqual(figures);
        // And the same seasons archive fine afterwards.
        await archiveSeasons(f.db, f.db.dir, years);
        expect(countsOf(f)).toEqual(unionCounts);
        expect(await figuresOf(f)).toEqual(figures);
      } finally {
        await f.db.cleanup();
      }
    });
  }
});

describe('Cancel during the copy', () => {
  it('stops the archiving: both files as they were, and the seasons archive fine afterwards', async () => {
    const f = cloneFixture(base);
    try {
      const controller = new AbortController();
      let copied = 0;
      await expect(
        archiveSeasons(f.db, f.db.dir, years, {
          chunkRows: 150,
          signal: controller.signal,
          onProgress: (p) => {
            if (p.phase === 'copy' && p.rows > 0 && !controller.signal.aborted) {
              copied = p.rows;
              controller.abort();
            }
          },
        }),
      ).rejects.toThrow(/Archivage annulé/);
      // Cancelled part-way through the tickets, not before or after.
      expect(copied).toBeGreaterThan(0);
      expect(copied).toBeLessThan(unionCounts.tickets);
      expect(countsOf(f)).toEqual(unionCounts);
      expect(f.db.sqlite.prepare('SELECT count(*) FROM archive_files').pluck().get()).toBe(0);
      expect(archiveFilesIn(f)).toEqual([]);
      expect(await figuresOf(f)).toEqual(figures);
      await archiveSeasons(f.db, f.db.dir, years);
      expect(await figuresOf(f)).toEqual(figures);
    } finally {
      await f.db.cleanup();
    }
  });
});

/** A small seeded generator: the kill points are "random" but the same on every run. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('a process killed at random points of archiving', () => {
  const random = seeded(2026);
  // Five distinct steps of the nine (the last one after the commit), in a seeded shuffle.
  const all: ArchiveStep[] = [...STEPS, 'committed'];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  const points = all.slice(0, 5).map((step) => ({ step, occurrence: step === 'copy' ? 1 + Math.floor(random() * 3) : 1 }));
  for (const { step, occurrence } of points) {
    it(`killed at « ${step} » (${occurrence}): no row lost, none counted twice`, async () => {
      const f = cloneFixture(base);
      const dbPath = f.db.path;
      f.db.sqlite.close();
      const child = spawnSync(
        process.execPath,
        [fileURLToPath(new URL('../../helpers/archive-child.mjs', import.meta.url)), dbPath, f.db.dir, years.join(','), step, String(occurrence)],
        { encoding: 'utf8' },
      );
      expect(child.signal ?? child.stdout.trim()).toBe('SIGKILL');
      // The app starts again on the same files.
      const reopened = openDatabase(dbPath);
      openArchives(reopened, f.db.dir);
      const again = fixtureOn({ ...f.db, ...reopened, cleanup: f.db.cleanup }, base.exportPath);
      Object.assign(f.db, reopened);
      try {
        const moved = reopened.sqlite.prepare('SELECT count(*) FROM archive_files').pluck().get() as number;
        expect(countsOf(again)).toEqual(unionCounts);
        expect(await figuresOf(again)).toEqual(figures);
        const inMain = reopened.sqlite.prepare(`SELECT count(*) FROM main.performances WHERE season_year IN (${years.join(',')})`).pluck().get() as number;
        if (moved === 0) {
          expect(inMain).toBeGreaterThan(0);
          expect(archiveFilesIn(again)).toEqual([]);
        } else {
          expect(inMain).toBe(0);
          expect(archiveFilesIn(again)).toHaveLength(1);
        }
      } finally {
        await f.db.cleanup();
      }
    });
  }
});
