/**
 * Every figure of the dashboard and the season report on a seeded demo export, against a second
 * computation over the ticket lines (tests/helpers/independent-report.ts: plain SELECTs and the
 * definitions of DOMAIN.md in JavaScript): per performance, discipline and département, the
 * audience ladder, the booking pace, the sales by month, the spectator flows; then a capacity
 * entered by hand, which the fill rate follows everywhere.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/contract.js';
import type { SeasonReport } from '../../shared/report-types.js';
import type { SeasonIndicators } from '../../shared/types.js';
import { createDispatcher, type Dispatcher } from '../../electron/engine/dispatcher.js';
import { handlers } from '../../electron/engine/handlers/index.js';
import { rebuildAggregates } from '../../electron/engine/kpi/aggregates.js';
import {
  bookingPaceFigures,
  departementFigures,
  disciplineFigures,
  ladderFigures,
  performanceFigures,
  readLines,
  salesByMonthFigures,
  seasonTotals,
  type Line,
} from '../helpers/independent-report.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
let engine: Dispatcher;
let lines: Line[];
let seasons: SeasonIndicators[];

async function call<T>(name: CallName, input: object): Promise<T> {
  const result = await engine.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  db = openTempDb();
  engine = createDispatcher({ db, dataDir: db.dir, handlers, emit: () => undefined });
  const path = join(db.dir, 'demo.csv');
  await call('demo.generate', { path, seed: 11, lines: 12_000 });
  await call('imports.run', { files: [{ path }] });
  lines = readLines(db.sqlite);
  seasons = await call<SeasonIndicators[]>('seasons.list', {});
}, 120_000);
afterAll(() => db?.cleanup());

describe('the season report on the demo, figure by figure', () => {
  it('covers several seasons, each with its previous one but the first', async () => {
    expect(seasons.length).toBeGreaterThanOrEqual(3);
    const first = await call<SeasonReport>('reports.season', { season: seasons[0].label });
    expect(first.previous).toBeNull();
    const latest = await call<SeasonReport>('reports.season', {});
    expect(latest.season.label).toBe(seasons.at(-1)!.label);
    expect(latest.previous?.label).toBe(seasons.at(-2)!.label);
    expect(latest.seasons.map((s) => s.label)).toEqual(seasons.map((s) => s.label));
  });

  it('gives each season the headline figures and the spectator flows of the definitions', async () => {
    for (const s of seasons) {
      const report = await call<SeasonReport>('reports.season', { season: s.label });
      const expected = seasonTotals(lines, s.seasonYear);
      expect(report.season).toMatchObject({ ...expected, retentionRate: expected.retentionRate === null ? null : expect.closeTo(expected.retentionRate, 12) });
      expect(report.season.newSpectators + report.season.returning + report.season.reactivated).toBe(report.season.spectators);
    }
  });

  it('lists every performance with its tickets, free seats, revenue and fill rate', async () => {
    for (const s of seasons) {
      const report = await call<SeasonReport>('reports.season', { season: s.label });
      const expected = performanceFigures(db.sqlite, lines, s.seasonYear);
      expect(report.performances.map((p) => p.key).sort()).toEqual([...expected.keys()].sort());
      for (const p of report.performances) {
        const e = expected.get(p.key)!;
        expect(p, p.key).toMatchObject({ tickets: e.tickets, ticketsFree: e.free, ticketsPaid: e.tickets - e.free, revenueCents: e.revenue, capacity: e.capacity });
        expect(p.fillRate).toBe(e.capacity ? e.tickets / e.capacity : null);
      }
      const known = [...expected.values()].filter((e) => e.capacity);
      const fill = known.reduce((n, e) => n + e.tickets, 0) / known.reduce((n, e) => n + e.capacity!, 0);
      expect(report.season.fillRate).toBeCloseTo(fill, 12);
    }
  });

  it('splits tickets, revenue and spectators by discipline', async () => {
    for (const s of seasons) {
      const report = await call<SeasonReport>('reports.season', { season: s.label });
      const expected = disciplineFigures(lines, s.seasonYear);
      const withTickets = report.disciplines.filter((d) => d.tickets > 0);
      expect(withTickets.map((d) => d.discipline).sort()).toEqual([...expected.keys()].sort());
      for (const d of withTickets) {
        const e = expected.get(d.discipline)!;
        expect(d, String(d.discipline)).toEqual({ discipline: d.discipline, tickets: e.tickets, revenueCents: e.revenueCents, spectators: e.spectators.size });
      }
    }
  });

  it('places spectators and their tickets in départements through the official reference', async () => {
    for (const s of seasons) {
      const report = await call<SeasonReport>('reports.season', { season: s.label });
      const expected = departementFigures(lines, s.seasonYear);
      expect(report.departements.map((d) => d.code).sort()).toEqual([...expected.keys()].sort());
      for (const d of report.departements) {
        const e = expected.get(d.code)!;
        expect(d, String(d.code)).toMatchObject({ spectators: e.spectators.size, tickets: e.tickets });
      }
      // Spectators live in one place each: the départements add up to the season's spectators.
      expect(report.departements.reduce((n, d) => n + d.spectators, 0)).toBe(report.season.spectators);
    }
    const doubs = (await call<SeasonReport>('reports.season', {})).departements.find((d) => d.code === '25');
    expect(doubs?.name).toBe('Doubs');
  });

  it('counts the top communes as their postal codes say', async () => {
    const report = await call<SeasonReport>('reports.season', {});
    const byPostal = new Map<string, Set<number>>();
    for (const line of lines) {
      if (line.season !== report.season.seasonYear || line.customer === null) continue;
      if (!byPostal.has(line.postalCode!)) byPostal.set(line.postalCode!, new Set());
      byPostal.get(line.postalCode!)!.add(line.customer);
    }
    for (const commune of report.communes) expect(commune.spectators, commune.commune).toBe(byPostal.get(commune.postalCode)!.size);
    expect(report.communes.find((c) => c.postalCode === '25000')?.commune).toBe('Besançon');
    const spectators = report.communes.map((c) => c.spectators);
    expect(spectators).toEqual([...spectators].sort((a, b) => b - a));
  });

  it('builds the audience ladder, with the new spectators of each step', async () => {
    for (const s of seasons) {
      const report = await call<SeasonReport>('reports.season', { season: s.label });
      const expected = ladderFigures(lines, s.seasonYear);
      for (const step of report.ladder) expect(step, step.band).toMatchObject(expected[step.band]);
      expect(report.ladder.reduce((n, step) => n + step.newSpectators, 0)).toBe(report.season.newSpectators);
    }
  });

  it('draws the booking pace of the season and of the previous one, and the same point in time', async () => {
    for (const s of seasons.slice(1)) {
      const report = await call<SeasonReport>('reports.season', { season: s.label });
      const current = bookingPaceFigures(lines, s.seasonYear);
      const previous = bookingPaceFigures(lines, s.seasonYear - 1);
      // Nothing is sold earlier than the earliest sale: the cumulative count is 0 there.
      const at = (pace: Map<number, number>, days: number) => pace.get(days) ?? 0;
      expect(report.bookingPace.points[0].daysBefore).toBe(Math.max(...current.keys(), ...previous.keys()));
      for (const point of report.bookingPace.points) {
        expect(point.tickets, `${point.daysBefore} days`).toBe(at(current, point.daysBefore));
        expect(point.previousTickets, `${point.daysBefore} days, previous`).toBe(at(previous, point.daysBefore));
      }
      expect(report.bookingPace.points.at(-1)).toMatchObject({ daysBefore: 0, tickets: current.get(0) });
      const dated = lines.filter((l) => l.season === s.seasonYear && l.orderedAt);
      const asOf = dated.map((l) => l.orderedAt!.slice(0, 10)).sort().at(-1)!;
      expect(report.bookingPace.asOf).toBe(asOf);
      const yearBefore = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
      expect(report.bookingPace.previousAsOf).toBe(yearBefore);
      const soldByThen = lines
        .filter((l) => l.season === s.seasonYear - 1 && l.orderedAt && l.orderedAt.slice(0, 10) <= yearBefore)
        .reduce((n, l) => n + l.seats, 0);
      expect(report.bookingPace.previousTicketsAsOf).toBe(soldByThen);
      expect(report.bookingPace.ticketsAsOf + report.bookingPace.undatedTickets).toBe(report.season.tickets);
    }
  });

  it('sums the sales by month of the order', async () => {
    for (const s of seasons) {
      const report = await call<SeasonReport>('reports.season', { season: s.label });
      const expected = salesByMonthFigures(lines, s.seasonYear);
      expect(report.salesByMonth.map((m) => m.month)).toEqual(
        [...expected.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b))),
      );
      for (const m of report.salesByMonth) expect(m, String(m.month)).toEqual({ month: m.month, ...expected.get(m.month)! });
    }
  });

  it('refuses a season that does not exist, naming the ones that do', async () => {
    const result = await engine.dispatch('reports.season', { season: '1999-2000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!result.ok && result.error.message).toContain(seasons[0].label);
  });
});

describe('a capacity entered by hand', () => {
  it('changes the fill rate of the performance and of its season, as a rebuild would, and clears', async () => {
    const label = seasons.at(-1)!.label;
    const before = await call<SeasonReport>('reports.season', { season: label });
    const target = before.performances.find((p) => p.tickets > 0)!;
    await call('performances.setCapacity', { key: target.key, capacity: target.tickets * 2 });
    const after = await call<SeasonReport>('reports.season', { season: label });
    expect(after.performances.find((p) => p.key === target.key)?.fillRate).toBe(0.5);
    const figures = performanceFigures(db.sqlite, lines, after.season.seasonYear);
    const known = [...figures.values()].filter((e) => e.capacity);
    expect(after.season.fillRate).toBeCloseTo(known.reduce((n, e) => n + e.tickets, 0) / known.reduce((n, e) => n + e.capacity!, 0), 12);
    const listed = (await call<SeasonIndicators[]>('seasons.list', {})).find((s) => s.label === label);
    expect(listed?.fillRate).toBe(after.season.fillRate);
    // A full rebuild finds the same stored figures.
    const stored = () => db.sqlite.prepare('SELECT * FROM season_stats ORDER BY season_year').all();
    const beforeRebuild = stored();
    db.sqlite.transaction(() => rebuildAggregates(db.sqlite))();
    expect(stored()).toEqual(beforeRebuild);

    await call('performances.setCapacity', { key: target.key, capacity: null });
    const cleared = await call<SeasonReport>('reports.season', { season: label });
    expect(cleared.performances.find((p) => p.key === target.key)?.fillRate).toBeNull();
  });

  it('refuses an unknown performance and a capacity that is not a whole positive number', async () => {
    expect(await engine.dispatch('performances.setCapacity', { key: 'nope', capacity: 10 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await engine.dispatch('performances.setCapacity', { key: 'x', capacity: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await engine.dispatch('performances.setCapacity', { key: 'x', capacity: 2.5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
