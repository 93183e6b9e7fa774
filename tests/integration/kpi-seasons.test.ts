import { afterEach, describe, expect, it } from 'vitest';
import { rebuildAggregates, recomputeSeasons } from '../../electron/engine/kpi/aggregates.js';
import { SEASON_TOTALS_SQL, SPECTATOR_FLOWS_SQL, seasonIndicators } from '../../electron/engine/kpi/season-indicators.js';
import { DbBuilder } from '../helpers/build-db.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
afterEach(() => db?.cleanup());

const bySeason = (sqlite: TempDb['sqlite'], month = 9) =>
  new Map(seasonIndicators(sqlite, month).map((s) => [s.seasonYear, s]));

describe('spectator flows over seasons', () => {
  it('splits spectators into new, returning and reactivated, with retention', () => {
    db = openTempDb();
    const b = new DbBuilder(db.sqlite);
    const show = b.show();
    const perf: Record<number, number> = {};
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) perf[year] = b.performance({ show, startsAt: `${year}-10-10T20:30:00` });
    // Who came when (2025 only sells to an anonymous counter customer).
    const attendance: Record<string, number[]> = {
      A: [2021, 2022, 2023, 2024, 2026],
      B: [2021, 2023],
      C: [2022],
      D: [2024],
      E: [2021, 2024],
      F: [2023, 2024],
    };
    for (const [name, years] of Object.entries(attendance)) {
      const customer = b.customer({ key: name, lastName: name });
      for (const year of years) b.buy(customer, perf[year], 1000, `${year}-09-01T10:00:00`);
    }
    b.buy(null, perf[2025], 1000, '2025-09-01T10:00:00');
    rebuildAggregates(db.sqlite);

    const s = bySeason(db.sqlite);
    const flows = (year: number) => {
      const x = s.get(year)!;
      return [x.spectators, x.newSpectators, x.returning, x.reactivated];
    };
    // [spectators, new, returning, reactivated], counted by hand from `attendance`.
    expect(flows(2021)).toEqual([3, 3, 0, 0]); // A B E
    expect(flows(2022)).toEqual([2, 1, 1, 0]); // A C: C new, A back from 2021
    expect(flows(2023)).toEqual([3, 1, 1, 1]); // A B F: F new, A returning, B reactivated
    expect(flows(2024)).toEqual([4, 1, 2, 1]); // A D E F: D new, A F returning, E reactivated
    expect(flows(2025)).toEqual([0, 0, 0, 0]); // anonymous only
    expect(flows(2026)).toEqual([1, 0, 0, 1]); // A, absent from 2025
    expect(s.get(2021)!.retentionRate).toBeNull(); // no 2020 at all
    expect(s.get(2022)!.retentionRate).toBeCloseTo(1 / 3, 12);
    expect(s.get(2023)!.retentionRate).toBeCloseTo(1 / 2, 12);
    expect(s.get(2024)!.retentionRate).toBeCloseTo(2 / 3, 12);
    expect(s.get(2024)!.churnRate).toBeCloseTo(1 / 3, 12);
    expect(s.get(2025)!.retentionRate).toBe(0); // nobody of 2024's four came back
    expect(s.get(2025)!.churnRate).toBe(1);
    expect(s.get(2026)!.retentionRate).toBeNull(); // 2025 had no spectator
    expect(s.get(2026)!.churnRate).toBeNull();
    expect(s.get(2025)!.orders).toBe(1); // the anonymous sale is an order
  });
});

describe('season totals', () => {
  it('counts seats, money, orders, subscribers and fill rate from valid seats only', () => {
    db = openTempDb();
    const b = new DbBuilder(db.sqlite);
    const show = b.show('Le Cid', 'Théâtre');
    const p1 = b.performance({ show, startsAt: '2024-10-05T20:00:00', capacity: 100, vatBp: 550 });
    const p2 = b.performance({ show, startsAt: '2025-03-05T20:00:00', capacity: null, vatBp: 550 });
    const p0 = b.performance({ show, startsAt: '2023-11-01T20:00:00' }); // capacity and VAT unknown
    const x = b.customer({ key: 'X' });
    const y = b.customer({ key: 'Y' });
    const z = b.customer({ key: 'Z' });

    const o1 = b.order(x, '2024-09-02T10:00:00');
    b.ticket({ order: o1, performance: p1, price: 2000, seats: 3 }); // 3 seats, 60 €
    const o2 = b.order(x, '2024-09-03T10:00:00');
    const sale = b.ticket({ order: o2, performance: p1, price: 1500, seats: 2, cancelledSeats: 1, kind: 'reduced' }); // 1 valid, 15 €
    b.ticket({ order: o2, performance: p1, price: -1500, seats: -1, reversal: true, reverses: sale });
    const o3 = b.order(y, '2024-09-04T10:00:00');
    b.ticket({ order: o3, performance: p2, price: 1200, kind: 'subscription', tariff: 'Abonnement 3 spectacles' });
    b.ticket({ order: o3, performance: p1, price: 0, tariff: 'Invitation' }); // free
    const o4 = b.order(null, '2025-03-05T19:00:00'); // anonymous counter sale
    b.ticket({ order: o4, performance: p2, price: 2000, seats: 2 });
    const o5 = b.order(z, '2024-09-05T10:00:00');
    b.ticket({ order: o5, performance: p1, price: 2500, cancelledSeats: 1 }); // fully cancelled
    b.buy(x, p0, 1000, '2023-10-01T10:00:00');
    rebuildAggregates(db.sqlite);

    const s2024 = bySeason(db.sqlite).get(2024)!;
    const revenue = 3 * 2000 + 1 * 1500 + 1200 + 0 + 2 * 2000;
    expect(s2024).toMatchObject({
      label: '2024-2025',
      performances: 2,
      tickets: 3 + 1 + 1 + 1 + 2,
      ticketsPaid: 7,
      ticketsFree: 1,
      revenueCents: revenue,
      revenueExclTaxCents: Math.round(revenue / 1.055),
      averagePriceCents: Math.round(revenue / 7),
      orders: 4, // o1 o2 o3 o4; o5 has no valid seat
      averageBasketCents: Math.round(revenue / 4),
      spectators: 2, // X and Y; Z cancelled, the counter sale is nobody
      subscribers: 1,
      returning: 1, // X came in 2023
      retentionRate: 1,
    });
    // p2's capacity is unknown: only p1's 5 valid seats over its 100.
    expect(s2024.fillRate).toBeCloseTo(5 / 100, 12);
    const s2023 = bySeason(db.sqlite).get(2023)!;
    expect(s2023.fillRate).toBeNull();
    expect(s2023.revenueExclTaxCents).toBeNull();
    expect(s2023.revenueCents).toBe(1000);

    const subscriptions = db.sqlite.prepare('SELECT customer_id, season_year, formula, tickets FROM subscriptions').all();
    expect(subscriptions).toEqual([{ customer_id: y, season_year: 2024, formula: 'Abonnement 3 spectacles', tickets: 1 }]);
  });

  it('lists seasons with performances but no sale, with empty figures', () => {
    db = openTempDb();
    const b = new DbBuilder(db.sqlite);
    b.performance({ show: b.show(), startsAt: '2025-10-01T20:00:00', capacity: 200 });
    rebuildAggregates(db.sqlite);
    const [only] = seasonIndicators(db.sqlite, 9);
    expect(only).toMatchObject({ seasonYear: 2025, tickets: 0, orders: 0, averagePriceCents: null, averageBasketCents: null, fillRate: 0 });
  });
});

describe('season start month', () => {
  it('moves a performance and its tickets to another season when the month changes', () => {
    db = openTempDb();
    const b = new DbBuilder(db.sqlite);
    const show = b.show();
    const august = b.performance({ show, startsAt: '2024-08-15T20:00:00' });
    const october = b.performance({ show, startsAt: '2024-10-01T20:00:00' });
    const c = b.customer();
    b.buy(c, august, 1000, '2024-06-01T10:00:00');
    b.buy(c, october, 2000, '2024-06-01T10:00:00', 2);
    rebuildAggregates(db.sqlite);
    expect(seasonIndicators(db.sqlite, 9).map((s) => [s.seasonYear, s.tickets])).toEqual([
      [2023, 1],
      [2024, 2],
    ]);

    recomputeSeasons(db.sqlite, 8);
    expect(seasonIndicators(db.sqlite, 8).map((s) => [s.seasonYear, s.tickets, s.revenueCents])).toEqual([[2024, 3, 5000]]);
    const ticketSeasons = db.sqlite
      .prepare('SELECT DISTINCT p.season_year FROM tickets t JOIN performances p ON p.id = t.performance_id')
      .pluck()
      .all();
    expect(ticketSeasons).toEqual([2024]);

    recomputeSeasons(db.sqlite, 1);
    expect(seasonIndicators(db.sqlite, 1).map((s) => s.label)).toEqual(['2024']);
  });
});

describe('season indicators read only the materialised tables', () => {
  it('has no step on tickets in its query plans', () => {
    db = openTempDb();
    for (const sql of [SEASON_TOTALS_SQL, SPECTATOR_FLOWS_SQL]) {
      const plan = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
      expect(plan.length).toBeGreaterThan(0);
      for (const { detail } of plan) expect(detail).not.toMatch(/\btickets\b/);
    }
  });

  it('gives the same figures once the tickets are gone', () => {
    db = openTempDb();
    const b = new DbBuilder(db.sqlite);
    const p = b.performance({ show: b.show(), startsAt: '2024-10-01T20:00:00', capacity: 50 });
    b.buy(b.customer(), p, 1500, '2024-09-01T10:00:00', 2);
    rebuildAggregates(db.sqlite);
    const before = seasonIndicators(db.sqlite, 9);
    db.sqlite.exec('DELETE FROM tickets; DELETE FROM orders; DELETE FROM customer_stats');
    expect(seasonIndicators(db.sqlite, 9)).toEqual(before);
    expect(before[0].spectators).toBe(1);
    expect(before[0].tickets).toBe(2);
  });
});
