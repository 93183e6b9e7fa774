/**
 * Archiving, round trip: every figure (each season indicator, each customer's record) is the
 * same before archiving, after archiving (attached), and after detach + re-attach; detached, the
 * archived seasons are gone and the other seasons keep their tickets, revenue, orders and
 * spectators, compared with a second computation straight from the export
 * (tests/helpers/independent-indicators.ts), and their history-based figures (new, returning,
 * reactivated) are those of the history that is left, computed from the export's lines too.
 * A re-import of the export while its oldest seasons are archived writes none of their lines.
 */
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveResult } from '../../../shared/archives-types.js';
import type { SeasonIndicators } from '../../../shared/types.js';
import { allFigures, importedFixture, type ArchiveFixture } from '../../helpers/archive-fixture.js';
import { computeIndependently, readLines, type IndependentFigures } from '../../helpers/independent-indicators.js';

let f: ArchiveFixture;
let before: Awaited<ReturnType<typeof allFigures>>;
let expected: IndependentFigures;
let archived: ArchiveResult;
let archivedYears: number[];

beforeAll(async () => {
  f = await importedFixture();
  expected = computeIndependently(f.exportPath);
  before = await allFigures(f);
  const seasons = before.seasons as SeasonIndicators[];
  expect(seasons.length).toBeGreaterThanOrEqual(4);
  archivedYears = seasons.slice(0, 2).map((s) => s.seasonYear);
  archived = await f.call('archives.archive', { seasons: seasons.slice(0, 2).map((s) => s.label) });
}, 120_000);
afterAll(() => f?.db.cleanup());

const count = (sql: string) => f.db.sqlite.prepare(sql).pluck().get() as number;

/** Spectator flows of each season from the export's lines of `seasons` only (the history a detached main file sees). */
function flowsFromLines(seasons: Set<number>) {
  const seasonsOf = new Map<string, Set<number>>();
  const valid = new Map<string, number>();
  for (const line of expected.lines) {
    if (line.isReversal || !seasons.has(line.seasonYear) || line.customer === '') continue;
    // Valid seats of this ticket: its seats minus those its reversal lines cancelled.
    const seats = line.seats - line.cancelledSeats;
    if (seats <= 0) continue;
    valid.set(`${line.customer}|${line.seasonYear}`, seats);
    if (!seasonsOf.has(line.customer)) seasonsOf.set(line.customer, new Set());
    seasonsOf.get(line.customer)!.add(line.seasonYear);
  }
  const flows = new Map<number, { spectators: number; newSpectators: number; returning: number; reactivated: number }>();
  for (const years of seasonsOf.values()) {
    const sorted = [...years].sort((a, b) => a - b);
    sorted.forEach((year, i) => {
      const flow = flows.get(year) ?? { spectators: 0, newSpectators: 0, returning: 0, reactivated: 0 };
      flow.spectators++;
      if (i === 0) flow.newSpectators++;
      else if (sorted[i - 1] === year - 1) flow.returning++;
      else flow.reactivated++;
      flows.set(year, flow);
    });
  }
  return flows;
}

describe('archiving two seasons', () => {
  it('moves their rows out of the main file into a verified, attached archive', () => {
    expect(archived.file.attached).toBe(true);
    expect(archived.file.seasons.map((s) => s.seasonYear)).toEqual(archivedYears);
    expect(existsSync(archived.file.path)).toBe(true);
    const inArchive = expected.lines.filter((l) => archivedYears.includes(l.seasonYear));
    // One stored ticket per line (a reversal is a line of its own).
    expect(archived.moved.tickets).toBe(inArchive.length);
    expect(archived.moved.performances).toBe(new Set(inArchive.map((l) => l.performance)).size);
    expect(count(`SELECT count(*) FROM main.performances WHERE season_year IN (${archivedYears.join(',')})`)).toBe(0);
    expect(count('SELECT count(*) FROM main.tickets')).toBe(expected.distinct.tickets - archived.moved.tickets);
    // The union holds every row once.
    expect(count('SELECT count(*) FROM tickets')).toBe(expected.distinct.tickets);
    expect(count('SELECT count(DISTINCT id) FROM orders')).toBe(expected.distinct.orders);
    expect(count('SELECT count(*) FROM orders')).toBe(expected.distinct.orders);
    expect(count('SELECT count(*) FROM shows')).toBe(expected.distinct.shows);
    expect(readdirSync(f.db.dir).some((name) => name.startsWith('parterre.sqlite.bak-archive-'))).toBe(true);
  });

  it('changes no figure while the archive is attached', async () => {
    expect(await allFigures(f)).toEqual(before);
  });

  it('detached: the archived seasons drop out; the others keep tickets, revenue, orders and spectators', async () => {
    await f.call('archives.detach', { id: archived.file.id });
    const seasons = await f.call('seasons.list', {});
    const living = expected.seasons.filter((s) => !archivedYears.includes(s.seasonYear));
    expect(seasons.map((s) => s.seasonYear)).toEqual(living.map((s) => s.seasonYear));
    for (const [i, s] of seasons.entries()) {
      expect(s.tickets, s.label).toBe(living[i].tickets);
      expect(s.revenueCents, s.label).toBe(living[i].revenueCents);
      expect(s.orders, s.label).toBe(living[i].orders);
      expect(s.spectators, s.label).toBe(living[i].spectators);
      expect(s.performances, s.label).toBe(living[i].performances);
    }
    // History-based figures follow the history that is left.
    const flows = flowsFromLines(new Set(living.map((s) => s.seasonYear)));
    for (const s of seasons) {
      const flow = flows.get(s.seasonYear)!;
      expect({ spectators: s.spectators, newSpectators: s.newSpectators, returning: s.returning, reactivated: s.reactivated }, s.label).toEqual(flow);
    }
    expect(seasons[0].newSpectators).toBe(seasons[0].spectators);
    expect(seasons[0].newSpectators).toBeGreaterThan((before.seasons as SeasonIndicators[])[2].newSpectators);
    const list = await f.call('archives.list', {});
    expect(list.files[0]).toMatchObject({ attached: false, problem: null });
  });

  it('a re-import of the export while detached writes none of the archived lines', async () => {
    const summary = await f.call('imports.run', { files: [{ path: f.exportPath }] });
    const archivedLines = expected.lines.filter((l) => archivedYears.includes(l.seasonYear)).length;
    expect(summary.archivedLines).toBe(archivedLines);
    expect(summary.tickets.new).toBe(0);
    expect(count(`SELECT count(*) FROM main.performances WHERE season_year IN (${archivedYears.join(',')})`)).toBe(0);
  });

  it('re-attached: every figure is what it was', async () => {
    await f.call('archives.attach', { id: archived.file.id });
    expect(await allFigures(f)).toEqual(before);
  });

  it('a re-import while attached counts the archived lines and duplicates nothing', async () => {
    const summary = await f.call('imports.run', { files: [{ path: f.exportPath }] });
    expect(summary.archivedLines).toBe(expected.lines.filter((l) => archivedYears.includes(l.seasonYear)).length);
    expect(summary.tickets.new).toBe(0);
    expect(count('SELECT count(*) FROM tickets')).toBe(expected.distinct.tickets);
    expect(await allFigures(f)).toEqual(before);
  });

  it('verifies the file again on demand', async () => {
    const verification = await f.call('archives.verify', { id: archived.file.id });
    expect(verification.ok).toBe(true);
    expect(verification.checks.length).toBeGreaterThanOrEqual(7);
  });

  it('refuses to archive a season twice, or one the database does not have', async () => {
    const label = (before.seasons as SeasonIndicators[])[0].label;
    expect(await f.refusal('archives.archive', { seasons: [label] })).toMatch(/déjà archivée/);
    expect(await f.refusal('archives.archive', { seasons: ['1990-1991'] })).toMatch(/aucune représentation/);
  });
});

describe('the lines of an export', () => {
  it('are read the same way by the independent computation', () => {
    expect(readLines(f.exportPath).length).toBe(expected.lines.length);
  });
});

describe('queries over the union of the main file and its archives', () => {
  it("reach a customer's rows through the indexes of every file, never by reading a whole table", async () => {
    const { HISTORY_SQL } = await import('../../../electron/engine/kpi/customer-record.js');
    const { DISCIPLINES_SQL } = await import('../../../electron/engine/kpi/customer-summary.js');
    expect((await f.call('archives.list', {})).attachedCount).toBe(1);
    for (const [sql, arg] of [[HISTORY_SQL, 1], [DISCIPLINES_SQL, '[1,2]']] as const) {
      const plan = (f.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(arg) as { detail: string }[]).map((r) => r.detail);
      expect(plan.filter((d) => /^SCAN (main|a)\b/.test(d)), plan.join('\n')).toEqual([]);
      expect(plan).toContain('SEARCH a USING INDEX tickets_order (order_id=?)');
    }
  });
});
