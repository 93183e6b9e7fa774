/**
 * The season report on rows chosen by hand, where each figure is worked out in the comments:
 * the edges the demo never reaches (exactly 10 and 11 performances, a free tariff sold at a
 * price, undated and anonymous orders, cancelled seats, a line of 3 seats, Corsica, overseas,
 * a postal code that lost its leading zero, an address abroad, an unknown postal code).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAggregates } from '../../electron/engine/kpi/aggregates.js';
import { seasonReport } from '../../electron/engine/reports/season-report.js';
import type { SeasonReport } from '../../shared/report-types.js';
import { DbBuilder } from '../helpers/build-db.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
let report: SeasonReport;

beforeAll(() => {
  db = openTempDb();
  const b = new DbBuilder(db.sqlite);
  const theatre = b.show('Hamlet', 'Théâtre', 'S-HAM');
  const danse = b.show('Giselle', 'Danse', 'S-GIS');
  // Season 2023-2024: one Hamlet performance. Season 2024-2025: eleven Giselle performances.
  const old = b.performance({ show: theatre, startsAt: '2023-10-15T20:30:00', capacity: 100, key: 'P-OLD' });
  const giselle = Array.from({ length: 11 }, (_, i) =>
    b.performance({ show: danse, startsAt: `2024-11-${String(i + 1).padStart(2, '0')}T20:30:00`, capacity: i === 0 ? 50 : null, key: `P${i + 1}` }),
  );

  const ajaccio = b.customer({ key: 'AJA', postalCode: '20000', city: 'Ajaccio' });
  const reunion = b.customer({ key: 'REU', postalCode: '97400', city: 'Saint-Denis' });
  const ain = b.customer({ key: 'AIN', postalCode: '1400', city: 'Châtillon-sur-Chalaronne' });
  const bruxelles = b.customer({ key: 'BRU', postalCode: '1000', city: 'Bruxelles', country: 'Belgique' });
  const nowhere = b.customer({ key: 'UNK', postalCode: '99999', city: 'Ailleurs' });

  // AJA saw Hamlet in 2023-2024 (returning in 2024-2025) and all 11 Giselle: > 10.
  b.buy(ajaccio, old, 2000, '2023-09-01T10:00:00');
  for (const p of giselle) b.buy(ajaccio, p, 1000, '2024-10-01T10:00:00');
  // REU: new, 10 distinct performances (twice the first one: still 10): 4–10.
  b.buy(reunion, giselle[0], 1000, '2024-10-02T10:00:00');
  for (const p of giselle.slice(0, 10)) b.buy(reunion, p, 1000, '2024-10-02T10:00:00');
  // AIN: new, one line of 3 seats of which 1 cancelled (2 valid) on P1, sold 31 days before.
  const ainOrder = b.order(ain, '2024-10-01T09:00:00');
  b.ticket({ order: ainOrder, performance: giselle[0], price: 1500, seats: 3, cancelledSeats: 1 });
  // BRU: new, a free-kind ticket (exonéré) sold at 5 €: free, and its price still counts in revenue.
  const bruOrder = b.order(bruxelles, '2024-10-30T09:00:00');
  b.ticket({ order: bruOrder, performance: giselle[1], price: 500, kind: 'free', tariff: 'Exonéré' });
  // UNK: new, an undated order.
  const unkOrder = b.order(nowhere, null);
  b.ticket({ order: unkOrder, performance: giselle[2], price: 1000 });
  // An anonymous counter sale of 2 seats on P1, the day of the performance: tickets, no spectator.
  const counter = b.order(null, '2024-11-01T19:00:00');
  b.ticket({ order: counter, performance: giselle[0], price: 1000, seats: 2 });
  db.sqlite.transaction(() => rebuildAggregates(db.sqlite))();
  report = seasonReport(db.sqlite, '2024-2025');
});
afterAll(() => db?.cleanup());

describe('the season report on hand-made rows', () => {
  it('adds up tickets, free seats and revenue per performance', () => {
    const p1 = report.performances.find((p) => p.key === 'P1')!;
    // AJA 1 + REU 2 + AIN 2 valid + counter 2 = 7 seats; 10 + 20 + 30 + 20 = 80 €.
    expect(p1).toMatchObject({ tickets: 7, ticketsFree: 0, ticketsPaid: 7, revenueCents: 8000, capacity: 50, fillRate: 7 / 50 });
    const p2 = report.performances.find((p) => p.key === 'P2')!;
    // AJA 1 + REU 1 + BRU 1 free (at 5 €).
    expect(p2).toMatchObject({ tickets: 3, ticketsFree: 1, ticketsPaid: 2, revenueCents: 2500, capacity: null, fillRate: null });
    expect(report.performances).toHaveLength(11);
    expect(report.season.fillRate).toBe(7 / 50);
  });

  it('builds the ladder with 10 performances in 4–10 and 11 in more than 10', () => {
    expect(report.ladder).toEqual([
      { band: '1', spectators: 3, newSpectators: 3 }, // AIN, BRU, UNK
      { band: '2', spectators: 0, newSpectators: 0 },
      { band: '3', spectators: 0, newSpectators: 0 },
      { band: '4-10', spectators: 1, newSpectators: 1 }, // REU
      { band: '>10', spectators: 1, newSpectators: 0 }, // AJA, returning
    ]);
    expect(report.season).toMatchObject({ spectators: 5, newSpectators: 4, returning: 1, reactivated: 0, retentionRate: 1 });
  });

  it('finds départements through the reference: Corsica 2A, La Réunion 974, Ain from « 1400 »; abroad and unknown apart', () => {
    const byName = Object.fromEntries(report.departements.map((d) => [d.name, d]));
    expect(byName['Corse-du-Sud']).toEqual({ code: '2A', name: 'Corse-du-Sud', spectators: 1, tickets: 11 });
    expect(byName['La Réunion']).toEqual({ code: '974', name: 'La Réunion', spectators: 1, tickets: 11 });
    expect(byName['Ain']).toEqual({ code: '01', name: 'Ain', spectators: 1, tickets: 2 });
    expect(byName['Étranger']).toEqual({ code: null, name: 'Étranger', spectators: 1, tickets: 1 });
    expect(byName['Code postal absent ou inconnu']).toEqual({ code: null, name: 'Code postal absent ou inconnu', spectators: 1, tickets: 1 });
    expect(report.departements.at(-1)?.code).toBeNull();
    expect(report.communes.map((c) => [c.postalCode, c.commune, c.departement])).toEqual(
      expect.arrayContaining([
        ['20000', 'Ajaccio', '2A'],
        ['97400', 'Saint-Denis', '974'],
        ['01400', 'Châtillon-sur-Chalaronne', '01'],
      ]),
    );
  });

  it('dates the booking pace by order, leaves undated orders out of the curves, and compares with the previous season', () => {
    const at = (days: number) => report.bookingPace.points.find((p) => p.daysBefore === days)!;
    // Earliest sale of 2024-2025: AJA's and AIN's orders of 1 October for P11 (11 November): 41 days.
    // Of 2023-2024: 1 September for 15 October: 44 days, so the curves start at 44.
    expect(report.bookingPace.points[0].daysBefore).toBe(44);
    expect(at(44)).toEqual({ daysBefore: 44, tickets: 0, previousTickets: 1 });
    expect(at(41).tickets).toBe(1); // AJA on P11
    // Everything dated, by the day of the performance: 7 + 3 + 1 (UNK undated) ... all but UNK's seat.
    expect(at(0).tickets).toBe(report.season.tickets - 1);
    expect(report.bookingPace.undatedTickets).toBe(1);
    // The counter sale, the day of the performance, counts at 0 days only.
    expect(at(0).tickets - at(1).tickets).toBe(2);
    expect(report.bookingPace.asOf).toBe('2024-11-01');
    expect(report.bookingPace.previousAsOf).toBe('2023-11-01');
    expect(report.bookingPace.previousTicketsAsOf).toBe(1);
  });

  it('gives the sales by month with the undated ones last', () => {
    // October: AJA 11 + REU 11 + AIN 2 + BRU 1 = 25 seats; November: counter 2; undated: UNK 1.
    expect(report.salesByMonth).toEqual([
      { month: '2024-10', tickets: 25, revenueCents: 11 * 1000 + 11 * 1000 + 3000 + 500 },
      { month: '2024-11', tickets: 2, revenueCents: 2000 },
      { month: null, tickets: 1, revenueCents: 1000 },
    ]);
  });

  it('counts discipline spectators once each, anonymous sales in tickets only', () => {
    expect(report.disciplines).toEqual([{ discipline: 'Danse', tickets: 28, revenueCents: 28500, spectators: 5 }]);
  });
});
