/**
 * The fast rebuild (one JavaScript pass over the tickets, tables written only where they differ)
 * against the definitions written as plain, slow SQL (GROUP BY and COUNT(DISTINCT) straight over
 * the tickets), on a synthetic box office plus the awkward cases: orders spanning seasons or
 * interleaved with other orders, undated orders, several formulas in one order, seasons far
 * apart, anonymous sales, cancellations.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { rebuildAggregates } from '../../electron/engine/kpi/aggregates.js';
import { SPECTATOR_FLOWS_SQL } from '../../electron/engine/kpi/season-indicators.js';
import { TICKET_PASS } from '../../electron/engine/kpi/ticket-tally.js';
import { DbBuilder } from '../helpers/build-db.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';
import { fillSynthetic } from '../unit/kpi/synthetic.js';

let db: TempDb;
afterEach(() => db?.cleanup());

const VALID = `FROM tickets t JOIN orders o ON o.id = t.order_id JOIN performances p ON p.id = t.performance_id JOIN tariffs f ON f.id = t.tariff_id WHERE t.valid_seats > 0`;
/** An order's day: its date's (DOMAIN.md: purchases are dated by their orders; an undated one dates none). */
const DAY = `substr(o.ordered_at, 1, 10)`;

/** The materialised tables as the definitions give them, in key order. */
function reference(sqlite: Database.Database) {
  const rows = (sql: string) => sqlite.prepare(sql).raw().all();
  return {
    customerSeasons: rows(`
      SELECT o.customer_id, p.season_year, SUM(t.valid_seats), SUM(t.valid_seats * t.unit_price_cents), COUNT(DISTINCT t.order_id),
             SUM(CASE WHEN f.kind = 'subscription' THEN t.valid_seats ELSE 0 END)
      ${VALID} AND o.customer_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`),
    customerStats: rows(`
      SELECT o.customer_id, SUM(t.valid_seats * t.unit_price_cents), COUNT(DISTINCT t.order_id), SUM(t.valid_seats),
             COUNT(DISTINCT p.season_year), MIN(${DAY}), MAX(${DAY})
      ${VALID} AND o.customer_id IS NOT NULL GROUP BY 1 ORDER BY 1`),
    subscriptions: rows(`
      SELECT o.customer_id, p.season_year, f.name, SUM(t.valid_seats)
      ${VALID} AND o.customer_id IS NOT NULL AND f.kind = 'subscription' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    seasonTotals: rows(`
      SELECT s.season_year, COALESCE(v.tickets, 0), COALESCE(v.tickets - v.free, 0), COALESCE(v.free, 0), COALESCE(v.revenue, 0),
             CASE WHEN v.unknown_vat > 0 THEN NULL ELSE CAST(ROUND(COALESCE(v.excl, 0)) AS INTEGER) END, COALESCE(v.orders, 0),
             c.capacity, CASE WHEN c.capacity IS NULL THEN NULL ELSE COALESCE(v.with_capacity, 0) END
      FROM (SELECT DISTINCT season_year FROM performances) s
      LEFT JOIN (SELECT p.season_year, SUM(t.valid_seats) AS tickets, SUM(t.valid_seats * t.unit_price_cents) AS revenue,
                        SUM(CASE WHEN f.kind = 'free' OR t.unit_price_cents = 0 THEN t.valid_seats ELSE 0 END) AS free,
                        SUM(t.valid_seats * t.unit_price_cents * 10000.0 / (10000 + p.vat_rate_bp)) AS excl,
                        SUM(p.vat_rate_bp IS NULL) AS unknown_vat, COUNT(DISTINCT t.order_id) AS orders,
                        SUM(CASE WHEN p.capacity > 0 THEN t.valid_seats ELSE 0 END) AS with_capacity
                 ${VALID} GROUP BY 1) v ON v.season_year = s.season_year
      LEFT JOIN (SELECT season_year, SUM(capacity) AS capacity FROM performances WHERE capacity > 0 GROUP BY 1) c ON c.season_year = s.season_year
      ORDER BY 1`),
  };
}

function stored(sqlite: Database.Database) {
  const rows = (sql: string) => sqlite.prepare(sql).raw().all();
  return {
    customerSeasons: rows('SELECT customer_id, season_year, tickets, revenue_cents, orders, subscription_tickets FROM customer_seasons ORDER BY 1, 2'),
    customerStats: rows(
      'SELECT customer_id, lifetime_value_cents, orders, tickets, active_seasons, first_purchase, last_purchase FROM customer_stats ORDER BY 1',
    ),
    subscriptions: rows('SELECT customer_id, season_year, formula, tickets FROM subscriptions ORDER BY 1, 2, 3'),
    seasonTotals: rows(
      `SELECT season_year, tickets, tickets_paid, tickets_free, revenue_cents, revenue_excl_tax_cents, orders, capacity, tickets_with_capacity
       FROM season_stats ORDER BY 1`,
    ),
  };
}

const flowsStored = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `SELECT season_year AS seasonYear, spectators, new_spectators AS newSpectators, "returning", reactivated, subscribers
       FROM season_stats WHERE spectators > 0 ORDER BY 1`,
    )
    .all();
/** The definition's SUMs are NULL where no row qualifies (the reader shows 0). */
const flowsDefined = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `SELECT seasonYear, spectators, COALESCE(newSpectators, 0) AS newSpectators, COALESCE("returning", 0) AS "returning",
              COALESCE(reactivated, 0) AS reactivated, COALESCE(subscribers, 0) AS subscribers
       FROM (${SPECTATOR_FLOWS_SQL}) ORDER BY 1`,
    )
    .all();

/** The awkward cases, added to whatever the database holds. */
function addEdgeCases(b: DbBuilder) {
  const show = b.show('Cas limites', null);
  const old = b.performance({ show, startsAt: '1960-10-01T20:00:00', capacity: 100, vatBp: 550 }); // seasons 64 years apart
  const a = b.performance({ show, startsAt: '2023-10-01T20:00:00', capacity: 50, vatBp: 210 });
  const c = b.performance({ show, startsAt: '2024-10-01T20:00:00', vatBp: null }); // VAT unknown
  const x = b.customer({ key: 'EDGE-X', lastName: 'Limite' });
  const y = b.customer({ key: 'EDGE-Y', lastName: 'Autre' });
  b.customer({ key: 'EDGE-NONE' }); // never buys
  // One order over three seasons, its lines interleaved with another order's.
  const spanning = b.order(x, '2023-09-01T10:00:00');
  const other = b.order(y, null); // undated: an order of y, but no purchase date
  b.ticket({ order: spanning, performance: old, price: 900 });
  b.ticket({ order: other, performance: a, price: 1000 });
  b.ticket({ order: spanning, performance: a, price: 1100, seats: 2 });
  b.ticket({ order: other, performance: a, price: 1000, cancelledSeats: 1 });
  b.ticket({ order: other, performance: a, price: 1000 });
  b.ticket({ order: spanning, performance: c, price: 1200 });
  b.ticket({ order: spanning, performance: a, price: 1100 }); // back to an earlier season of the order
  // Several formulas, alternating, in one order; a subscription with no tariff name.
  const subs = b.order(x, '2024-09-02T10:00:00');
  for (const tariff of ['Abo A', 'Abo B', 'Abo A', null]) b.ticket({ order: subs, performance: c, price: 800, kind: 'subscription', tariff });
  // Anonymous, free, zero-priced and reversed lines.
  const counter = b.order(null, '2024-10-01T19:00:00');
  b.ticket({ order: counter, performance: c, price: 0, kind: 'full' });
  b.ticket({ order: counter, performance: c, price: 2000, seats: 3 });
  const sale = b.ticket({ order: subs, performance: c, price: 1500, seats: 2, cancelledSeats: 1 });
  b.ticket({ order: subs, performance: c, price: -1500, seats: -1, reversal: true, reverses: sale });
  const cancelled = b.order(y, '2024-12-01T10:00:00'); // every seat cancelled: not an order of y
  b.ticket({ order: cancelled, performance: c, price: 1000, cancelledSeats: 1 });
}

function build(): DbBuilder {
  db = openTempDb();
  fillSynthetic(db.sqlite, { customers: 300, tickets: 3000, seasons: 4, performancesPerSeason: 5 });
  const b = new DbBuilder(db.sqlite, 9, 'edge-');
  addEdgeCases(b);
  return b;
}

describe('the indicator rebuild', () => {
  it('gives what the definitions give, straight over the tickets', () => {
    build();
    rebuildAggregates(db.sqlite);
    expect(stored(db.sqlite)).toEqual(reference(db.sqlite));
    expect(flowsStored(db.sqlite)).toEqual(flowsDefined(db.sqlite));
    expect(stored(db.sqlite).customerSeasons.length).toBeGreaterThan(300);
  });

  it('writes only what changed, and still matches after a change', () => {
    const b = build();
    rebuildAggregates(db.sqlite);
    const materialised = () =>
      ['season_stats', 'customer_seasons', 'customer_stats', 'subscriptions'].map((t) => db.sqlite.prepare(`SELECT rowid, * FROM ${t} ORDER BY rowid`).raw().all());
    const before = materialised();
    const changes = db.sqlite.prepare('SELECT total_changes()').pluck();
    const count = changes.get() as number;
    rebuildAggregates(db.sqlite);
    expect(changes.get()).toBe(count); // not one row written
    expect(materialised()).toEqual(before);

    // A new season for one customer, one customer's tickets all cancelled, a formula renamed.
    const p = b.performance({ show: b.show(), startsAt: '2026-01-10T20:00:00', capacity: 10 });
    b.buy(1, p, 4200, '2025-12-01T10:00:00');
    db.sqlite.exec(`UPDATE tickets SET cancelled_seats = seats, valid_seats = 0 WHERE order_id IN (SELECT id FROM orders WHERE customer_id = 2)`);
    db.sqlite.exec(`UPDATE tariffs SET name = 'Abo C' WHERE name = 'Abo B'`);
    rebuildAggregates(db.sqlite);
    expect(stored(db.sqlite)).toEqual(reference(db.sqlite));
    expect(flowsStored(db.sqlite)).toEqual(flowsDefined(db.sqlite));
  });

  it('reads the tickets in one sequential scan, with no sort', () => {
    db = openTempDb();
    const plan = db.sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT ${TICKET_PASS.columns.join(', ')} FROM ${TICKET_PASS.from}`)
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail)).toEqual(['SCAN tickets']);
  });
});
