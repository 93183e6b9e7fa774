/**
 * Several seasons per archive file — how a venue stays within SQLite's 10 attached files:
 * « Regrouper » (one new file takes over several archives) and archiving seasons into an
 * existing archive. Every figure stays what it was; the new file holds exactly the rows of its
 * seasons (counted with plain SQL before anything moved); the files taken over are put aside;
 * at the limit a new file is refused but adding to an existing one works; a file opened from
 * elsewhere or one that no longer matches its checksum is refused and nothing changes; an error
 * at any step, or a process killed at random points, loses no row and counts none twice.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHED } from '../../../db/archives.js';
import { openDatabase } from '../../../db/open.js';
import { mergeArchives, type ArchiveStep } from '../../../electron/engine/archives/archive-seasons.js';
import { openArchives } from '../../../electron/engine/archives/attach.js';
import type { ArchiveList } from '../../../shared/archives-types.js';
import type { SeasonIndicators } from '../../../shared/types.js';
import { allFigures, cloneFixture, fixtureOn, importedFixture, type ArchiveFixture } from '../../helpers/archive-fixture.js';
import { tempDir } from '../../helpers/temp-db.js';

let f: ArchiveFixture;
let before: Awaited<ReturnType<typeof allFigures>>;
let seasons: SeasonIndicators[];
/** Tickets, orders and performances of each season, counted with plain SQL before any archiving. */
const plain = new Map<number, { tickets: number; performances: number }>();

beforeAll(async () => {
  f = await importedFixture(2400, 31);
  before = await allFigures(f);
  seasons = before.seasons as SeasonIndicators[];
  expect(seasons.length).toBeGreaterThanOrEqual(4);
  for (const s of seasons) {
    plain.set(s.seasonYear, {
      tickets: f.db.sqlite.prepare('SELECT count(*) FROM tickets t JOIN performances p ON p.id = t.performance_id WHERE p.season_year = ?').pluck().get(s.seasonYear) as number,
      performances: f.db.sqlite.prepare('SELECT count(*) FROM performances WHERE season_year = ?').pluck().get(s.seasonYear) as number,
    });
  }
}, 120_000);
afterAll(() => f?.db.cleanup());

const label = (i: number) => seasons[i].label;
const listOf = (x: ArchiveFixture) => x.call('archives.list', {});
const archivesIn = (x: ArchiveFixture) => {
  const folder = join(x.db.dir, 'archives');
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.sqlite')).sort() : [];
};
/** Rows of a file, read with a plain connection of its own. */
function rowsInFile(path: string) {
  const file = new Database(path, { readonly: true });
  try {
    const perSeason = file
      .prepare('SELECT p.season_year AS year, count(*) AS tickets FROM tickets t JOIN performances p ON p.id = t.performance_id GROUP BY p.season_year ORDER BY 1')
      .all() as { year: number; tickets: number }[];
    const problems = file.prepare('PRAGMA foreign_key_check').all();
    return { perSeason, problems, performances: file.prepare('SELECT count(*) FROM performances').pluck().get() as number };
  } finally {
    file.close();
  }
}

describe('regrouping two archives, then adding a season to the result', () => {
  let list: ArchiveList;

  it('archives two seasons in two files, then regroups them: one file, the same figures', async () => {
    await f.call('archives.archive', { seasons: [label(0)] });
    await f.call('archives.archive', { seasons: [label(1)] });
    expect((await listOf(f)).files).toHaveLength(2);
    const [first, second] = (await listOf(f)).files;
    const result = await f.call('archives.merge', { files: [first.name, second.path] });
    list = await listOf(f);
    expect(list.files).toHaveLength(1);
    expect(list.attachedCount).toBe(1);
    expect(list.files[0].seasons.map((s) => s.seasonYear)).toEqual([seasons[0].seasonYear, seasons[1].seasonYear]);
    // Nothing left the main file: the rows came from the two archives.
    expect(result.moved.tickets).toBe(0);
    expect(result.replacedFiles.sort()).toEqual([first.path, second.path].sort());
    for (const old of [first, second]) {
      expect(existsSync(old.path)).toBe(false);
      expect(existsSync(join(result.replacedFolder!, old.name))).toBe(true);
      expect(result.replacedFolder).toBe(join(f.db.dir, 'archives', 'remplacees'));
    }
    expect(archivesIn(f)).toEqual([list.files[0].name]);
    const inFile = rowsInFile(list.files[0].path);
    expect(inFile.perSeason).toEqual([0, 1].map((i) => ({ year: seasons[i].seasonYear, tickets: plain.get(seasons[i].seasonYear)!.tickets })));
    expect(inFile.performances).toBe(plain.get(seasons[0].seasonYear)!.performances + plain.get(seasons[1].seasonYear)!.performances);
    expect(inFile.problems).toEqual([]);
    expect(await allFigures(f)).toEqual(before);
  });

  it('the regrouped file passes « Vérifier »', async () => {
    const verdict = await f.call('archives.verify', { id: list.files[0].id });
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  it('adds a third season to it: one file of three seasons, the same figures', async () => {
    const result = await f.call('archives.archive', { seasons: [label(2)], into: list.files[0].id });
    expect(result.moved.tickets).toBe(plain.get(seasons[2].seasonYear)!.tickets);
    list = await listOf(f);
    expect(list.files).toHaveLength(1);
    expect(list.files[0].seasons.map((s) => s.seasonYear)).toEqual(seasons.slice(0, 3).map((s) => s.seasonYear));
    expect(f.db.sqlite.prepare('SELECT count(*) FROM main.performances WHERE season_year = ?').pluck().get(seasons[2].seasonYear)).toBe(0);
    expect(rowsInFile(list.files[0].path).perSeason.map((r) => r.tickets)).toEqual(seasons.slice(0, 3).map((s) => plain.get(s.seasonYear)!.tickets));
    expect(await allFigures(f)).toEqual(before);
  });

  it('detached, its three seasons are gone; attached again, every figure is back', async () => {
    await f.call('archives.detach', { id: list.files[0].id });
    const detached = await f.call('seasons.list', {});
    expect(detached.map((s) => s.seasonYear)).toEqual(seasons.slice(3).map((s) => s.seasonYear));
    await f.call('archives.attach', { id: list.files[0].id });
    expect(await allFigures(f)).toEqual(before);
  });
});

describe('refusals', () => {
  it('regrouping needs two archives, listed ones', async () => {
    const only = (await listOf(f)).files[0];
    expect(await f.refusal('archives.merge', { files: [only.id, only.id] })).toMatch(/au moins deux archives/);
    expect(await f.refusal('archives.merge', { files: [only.id, 'inconnue.sqlite'] })).toMatch(/n’est pas une archive de cette base/);
  });

  it('a file that no longer matches its checksum is not taken over, and nothing changes', async () => {
    const g = cloneFixture(f, { withArchives: true });
    try {
      await g.call('archives.archive', { seasons: [label(3)] });
      const files = (await listOf(g)).files;
      const figures = await allFigures(g);
      // A ticket's price changed behind Parterre's back, in a copy of the file with a valid SQLite structure.
      const victim = files[1].path;
      await g.call('archives.detach', { id: files[1].id });
      const raw = new Database(victim);
      raw.prepare('UPDATE tickets SET unit_price_cents = unit_price_cents + 1 WHERE id = (SELECT min(id) FROM tickets)').run();
      raw.close();
      await g.call('archives.attach', { id: files[1].id });
      const tampered = await allFigures(g);
      expect(await g.refusal('archives.merge', { files: [files[0].id, files[1].id] })).toMatch(/ne correspond plus à sa somme de contrôle/);
      expect((await listOf(g)).files.map((x) => x.name)).toEqual(files.map((x) => x.name));
      expect(archivesIn(g)).toEqual(files.map((x) => x.name).sort());
      expect(await allFigures(g)).toEqual(tampered);
      expect(tampered).not.toEqual(figures);
    } finally {
      await g.db.cleanup();
    }
  });

  it('an archive opened from elsewhere (read-only) is never taken over', async () => {
    const g = cloneFixture(f, { withArchives: true });
    const elsewhere = tempDir();
    try {
      // The user moved the archive to a USB stick and opened it from there.
      const [own] = (await listOf(g)).files;
      await g.call('archives.detach', { id: own.id });
      const moved = join(elsewhere, own.name);
      copyFileSync(own.path, moved);
      g.grant([moved]);
      await g.call('archives.open', { path: moved });
      const opened = (await listOf(g)).files.find((x) => x.path === moved)!;
      expect(opened.readOnly).toBe(true);
      const figures = await allFigures(g);
      expect(await g.refusal('archives.archive', { seasons: [label(3)], into: opened.id })).toMatch(/ouverte depuis un autre dossier/);
      expect(g.db.sqlite.prepare('SELECT count(*) FROM main.performances WHERE season_year = ?').pluck().get(seasons[3].seasonYear)).toBe(
        plain.get(seasons[3].seasonYear)!.performances,
      );
      await g.call('archives.archive', { seasons: [label(3)] });
      const other = (await listOf(g)).files.find((x) => x.id !== opened.id)!;
      expect(await g.refusal('archives.merge', { files: [opened.id, other.id] })).toMatch(/ouverte depuis un autre dossier/);
      expect((await listOf(g)).files).toHaveLength(2);
      expect(await allFigures(g)).toEqual(figures);
    } finally {
      await g.db.cleanup();
    }
  });
});

describe('a new file is in the figures as its sources were: no figure changes', () => {
  it('refuses seasons into a detached archive and a regrouping of attached with detached; detached files regroup detached', async () => {
    const g = cloneFixture(f, { withArchives: true });
    try {
      const everything = await allFigures(g);
      const [a] = (await listOf(g)).files;
      await g.call('archives.detach', { id: a.id });
      expect(await g.refusal('archives.archive', { seasons: [label(3)], into: a.id })).toMatch(/est détachée : attachez-la d’abord/);
      const b = (await g.call('archives.archive', { seasons: [label(3)] })).file;
      expect(await g.refusal('archives.merge', { files: [a.id, b.id] })).toMatch(/toutes attachées, ou toutes détachées/);
      await g.call('archives.detach', { id: b.id });
      const bothDetached = await allFigures(g);
      expect(bothDetached.seasons).toEqual([]);
      const merged = await g.call('archives.merge', { files: [a.id, b.id] });
      expect(merged.file.attached).toBe(false);
      const list = await listOf(g);
      expect(list.files.map((x) => [x.attached, x.seasons.length])).toEqual([[false, 4]]);
      expect(list.attachedCount).toBe(0);
      expect(await allFigures(g)).toEqual(bothDetached);
      await g.call('archives.attach', { id: merged.file.id });
      expect(await allFigures(g)).toEqual(everything);
    } finally {
      await g.db.cleanup();
    }
  });
});

describe('the limit of attached files', () => {
  it('at the limit a new file is refused with the explanation, adding to an attached one works', async () => {
    const g = cloneFixture(f, { withArchives: true });
    const fillers = tempDir();
    try {
      // Fill the connection's other places with empty SQLite files (as if other archives were attached).
      const free = MAX_ATTACHED - (await listOf(g)).attachedCount;
      for (let i = 0; i < free; i++) g.db.sqlite.prepare(`ATTACH DATABASE ? AS filler_${i}`).run(join(fillers, `${i}.sqlite`));
      const figures = await allFigures(g);
      expect(await g.refusal('archives.archive', { seasons: [label(3)] })).toMatch(/ne peut ouvrir que 10 fichiers d’archive à la fois/);
      const [target] = (await listOf(g)).files;
      // Nothing else needs a place: the automatic backup, « Sauvegarder vers… », « Vérifier » and a re-import work at the limit.
      expect((await g.call('archives.verify', { id: target.id })).ok).toBe(true);
      g.grant([join(fillers, 'usb')], 'write');
      const saved = await g.call('backups.save', { out: join(fillers, 'usb') });
      expect(saved.manifest.files.map((x) => x.role)).toEqual(['main', 'archive']);
      const again = join(g.db.dir, 'export.csv');
      copyFileSync(f.exportPath, again);
      const reimport = await g.call('imports.run', { files: [{ path: again }] });
      expect(reimport.tickets.new).toBe(0);
      expect(reimport.archivedLines).toBeGreaterThan(0);
      await g.call('archives.archive', { seasons: [label(3)], into: target.id });
      const list = await listOf(g);
      expect(list.files).toHaveLength(1);
      expect(list.files[0].seasons).toHaveLength(4);
      expect(await allFigures(g)).toEqual(figures);
    } finally {
      await g.db.cleanup();
    }
  });
});

// ---- failures ------------------------------------------------------------------------------

let base: ArchiveFixture;
let baseFigures: unknown;
let baseFiles: string[];
const counts = (x: ArchiveFixture) =>
  Object.fromEntries(['tickets', 'orders', 'performances', 'shows'].map((t) => [t, x.db.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
const lightFigures = async (x: ArchiveFixture) => ({ seasons: await x.call('seasons.list', {}), customers: (await x.call('customers.list', { limit: 1_000_000, sort: 'name' })).rows });

describe('an error at any step of a regrouping', () => {
  beforeAll(async () => {
    base = await importedFixture(1200, 7);
    const s = await base.call('seasons.list', {});
    await base.call('archives.archive', { seasons: [s[0].label] });
    await base.call('archives.archive', { seasons: [s[1].label] });
    baseFigures = await lightFigures(base);
    baseFiles = archivesIn(base);
  }, 120_000);
  afterAll(() => base?.db.cleanup());

  const STEPS: ArchiveStep[] = ['backup', 'copy', 'copied', 'verified', 'written', 'attached', 'deleted', 'rebuilt'];
  for (const step of STEPS) {
    it(`at « ${step} » leaves every file as it was`, async () => {
      const g = cloneFixture(base, { withArchives: true });
      try {
        const unionBefore = counts(g);
        await expect(
          mergeArchives(g.db, g.db.dir, [1, 2], {
            chunkRows: 50,
            onStep: (s) => {
              if (s === step) throw new Error(`panne simulée à ${step}`);
            },
          }),
        ).rejects.toThrow(`panne simulée à ${step}`);
        expect(counts(g)).toEqual(unionBefore);
        const list = await listOf(g);
        expect(list.files.map((x) => [x.id, x.attached, x.problem])).toEqual([
          [1, true, null],
          [2, true, null],
        ]);
        expect(list.attachedCount).toBe(2);
        expect(archivesIn(g)).toEqual(baseFiles);
        expect(await lightFigures(g)).toEqual(baseFigures);
        // And the same files regroup fine afterwards.
        await mergeArchives(g.db, g.db.dir, [1, 2]);
        expect(counts(g)).toEqual(unionBefore);
        expect(await lightFigures(g)).toEqual(baseFigures);
      } finally {
        await g.db.cleanup();
      }
    });
  }

  it('Cancel during the copy leaves every file as it was', async () => {
    const g = cloneFixture(base, { withArchives: true });
    try {
      const unionBefore = counts(g);
      const controller = new AbortController();
      await expect(
        mergeArchives(g.db, g.db.dir, [1, 2], {
          chunkRows: 50,
          signal: controller.signal,
          onProgress: (p) => {
            if (p.phase === 'copy' && p.rows > 0) controller.abort();
          },
        }),
      ).rejects.toThrow(/Archivage annulé/);
      expect(counts(g)).toEqual(unionBefore);
      expect((await listOf(g)).files.map((x) => [x.id, x.attached])).toEqual([
        [1, true],
        [2, true],
      ]);
      expect(archivesIn(g)).toEqual(baseFiles);
      expect(await lightFigures(g)).toEqual(baseFigures);
    } finally {
      await g.db.cleanup();
    }
  });

  for (const [step, occurrence] of [
    ['copy', 2],
    ['written', 1],
    ['rebuilt', 1],
    ['committed', 1],
  ] as const) {
    it(`a process killed at « ${step} » (${occurrence}): no row lost, none counted twice`, async () => {
      const g = cloneFixture(base, { withArchives: true });
      const dbPath = g.db.path;
      const unionBefore = counts(g);
      g.db.sqlite.close();
      const child = spawnSync(
        process.execPath,
        [fileURLToPath(new URL('../../helpers/archive-child.mjs', import.meta.url)), dbPath, g.db.dir, 'merge:1,2', step, String(occurrence)],
        { encoding: 'utf8' },
      );
      expect(child.signal ?? child.stdout.trim()).toBe('SIGKILL');
      // The app starts again on the same files.
      const reopened = openDatabase(dbPath);
      openArchives(reopened, g.db.dir);
      Object.assign(g.db, reopened);
      const again = fixtureOn(g.db, base.exportPath);
      try {
        expect(counts(again)).toEqual(unionBefore);
        expect(await lightFigures(again)).toEqual(baseFigures);
        const list = await listOf(again);
        // Either nothing happened (two files) or the regrouping is whole (one file); never both.
        expect(list.files.length === 2 || list.files.length === 1).toBe(true);
        expect(archivesIn(again)).toEqual(list.files.map((x) => x.name).sort());
        expect(list.files.every((x) => x.attached && x.problem === null)).toBe(true);
      } finally {
        await g.db.cleanup();
      }
    });
  }
});
