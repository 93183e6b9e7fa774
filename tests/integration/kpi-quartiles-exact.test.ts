/**
 * Quartile cut points on exact values: an average basket is lifetime value / orders, not that
 * ratio rounded to the cent (issue 9: a Q1 came out 1 462,5 where the exact value is 1 462,25).
 * Every cut point below is worked out by hand, QUARTILE.INC style: position (n − 1)·p in the
 * sorted exact values, linear interpolation between neighbours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../electron/engine/context.js';
import { customerHandlers } from '../../electron/engine/handlers/customers.js';
import { rebuildAggregates } from '../../electron/engine/kpi/aggregates.js';
import type { CustomerSummary, Quartiles } from '../../shared/types.js';
import { DbBuilder } from '../helpers/build-db.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
afterEach(() => db?.cleanup());

/** Customers, each with one order per price given (one seat, one season). */
function build(customers: Record<string, number[]>) {
  db = openTempDb();
  const b = new DbBuilder(db.sqlite);
  const p = b.performance({ show: b.show(), startsAt: '2024-10-10T20:00:00' });
  for (const [key, prices] of Object.entries(customers)) {
    const c = b.customer({ key, lastName: key });
    for (const price of prices) b.buy(c, p, price, '2024-09-01T10:00:00');
  }
  rebuildAggregates(db.sqlite);
  const ctx = { db } as unknown as EngineContext;
  return {
    // Both handlers answer synchronously.
    quartiles: () => customerHandlers['customers.quartiles']({}, ctx) as Quartiles,
    list: () => customerHandlers['customers.list']({ sort: 'name', reverse: false, offset: 0, limit: 100 }, ctx) as { rows: CustomerSummary[] },
  };
}

describe('average basket quartiles on exact ratios', () => {
  it('interpolates between exact baskets, not rounded ones', () => {
    // Exact baskets: B 146 200, A 292 401 / 2 = 146 200,5, C 584 803 / 4 = 146 200,75, D 150 000.
    // Rounded to the cent, A and C would both be 146 201 and every cut point would move.
    const engine = build({
      A: [146200, 146201],
      B: [146200],
      C: [146200, 146200, 146201, 146202],
      D: [150000],
    });
    const q = engine.quartiles().averageBasketCents!;
    // Q1 at position 0.75: 146 200 + 0.75 × 0.5 = 146 200,375 (rounded values would give 146 200,75).
    expect(q[0]).toBe(146200.375);
    // Q2 at 1.5: 146 200,5 + 0.5 × 0.25 = 146 200,625 (rounded: 146 201).
    expect(q[1]).toBe(146200.625);
    // Q3 at 2.25: 146 200,75 + 0.25 × 3 799,25 = 147 150,5625.
    expect(q[2]).toBe(147150.5625);
    // The basket shown on a line is still rounded to the cent.
    const rows = engine.list().rows;
    expect(Object.fromEntries(rows.map((r) => [r.key, r.averageBasketCents]))).toEqual({ A: 146201, B: 146200, C: 146201, D: 150000 });
  });

  it('gives equal exact values one band, and tells apart values that only round alike', () => {
    // Exact baskets: B 146 200; A, E, F 146 200,5 (292 401 / 2 and 584 802 / 4); G, H 146 200,666…
    // (438 602 / 3 and 877 204 / 6); C 146 200,75; D 150 000. Rounded, A…H would all be 146 201.
    const engine = build({
      A: [146200, 146201],
      B: [146200],
      C: [146200, 146200, 146201, 146202],
      D: [150000],
      E: [146200, 146201],
      F: [146200, 146200, 146201, 146201],
      G: [146200, 146201, 146201],
      H: [146200, 146200, 146201, 146201, 146201, 146201],
    });
    const [q1, q2, q3] = engine.quartiles().averageBasketCents!;
    // n = 8. Q1 at 1.75: between two 146 200,5 → 146 200,5.
    expect(q1).toBe(146200.5);
    // Q2 at 3.5: 146 200,5 + 0.5 × (2/3 − 1/2) = 146 200 + 7/12.
    expect(q2).toBeCloseTo(146200 + 7 / 12, 9);
    // Q3 at 5.25: 146 200 + 2/3 + 0.25 × (3/4 − 2/3) = 146 200 + 11/16.
    expect(q3).toBeCloseTo(146200 + 11 / 16, 9);
    const band = Object.fromEntries(engine.list().rows.map((r) => [r.key, r.bands!.averageBasketCents]));
    expect(band).toEqual({
      B: 'Bas',
      A: 'Bas', // = Q1
      E: 'Bas',
      F: 'Bas',
      G: 'Moyenne haute', // Q2 < 146 200,666… ≤ Q3
      H: 'Moyenne haute',
      C: 'Haut',
      D: 'Haut',
    });
  });
});
