/**
 * Rebuilds the materialised indicator tables (season_stats, customer_seasons, customer_stats,
 * subscriptions) and customers.search_text from the tickets, so that no indicator ever scans a
 * million tickets. Runs inside the import's transaction: it opens none itself.
 *
 * Counting rules (docs/import-rules.md): only valid seats count (`valid_seats > 0`; reversal
 * lines carry 0); revenue is valid seats × unit price; a ticket's season is its performance's.
 */
import type Database from 'better-sqlite3';
import { bumpDataVersion } from './data-version.js';
import { materialiseSpectatorFlows } from './season-indicators.js';
import { registerKpiFunctions } from './sql-functions.js';

/**
 * One pass over the valid tickets, grouped by order and season: every other table is derived
 * from this much smaller one. A ticket is free at price 0 or with tariff kind free (invitations,
 * exonérés). Revenue excluding tax sums each ticket's price / (1 + VAT); `without_vat` counts
 * lines whose performance has no known rate (the season's figure is then unknown). Capacity is
 * known when positive.
 */
const ORDER_SEASON = `
CREATE TEMP TABLE kpi_order_season AS
SELECT t.order_id AS order_id,
       t.season_year AS season_year,
       t.customer_id AS customer_id,
       SUM(t.valid_seats) AS tickets,
       SUM(CASE WHEN t.tariff_kind = 'free' OR t.unit_price_cents = 0 THEN t.valid_seats ELSE 0 END) AS tickets_free,
       SUM(t.valid_seats * t.unit_price_cents) AS revenue,
       SUM(CASE WHEN t.tariff_kind = 'subscription' THEN t.valid_seats ELSE 0 END) AS subscription_tickets,
       SUM(CASE WHEN p.capacity > 0 THEN t.valid_seats ELSE 0 END) AS tickets_with_capacity,
       SUM(t.valid_seats * t.unit_price_cents * 10000.0 / (10000 + p.vat_rate_bp)) AS revenue_excl_tax,
       SUM(p.vat_rate_bp IS NULL) AS without_vat,
       MIN(t.sold_at) AS first_sold_at
FROM tickets t JOIN performances p ON p.id = t.performance_id
WHERE t.valid_seats > 0
GROUP BY t.order_id, t.season_year`;

/** Every season that has a performance, with its capacity over performances of known capacity. */
const SEASON_STATS = `
INSERT INTO season_stats (season_year, tickets, tickets_paid, tickets_free, revenue_cents,
  revenue_excl_tax_cents, orders, capacity, tickets_with_capacity)
SELECT s.season_year,
       COALESCE(o.tickets, 0),
       COALESCE(o.tickets - o.tickets_free, 0),
       COALESCE(o.tickets_free, 0),
       COALESCE(o.revenue, 0),
       CASE WHEN COALESCE(o.without_vat, 0) > 0 THEN NULL
            ELSE CAST(ROUND(COALESCE(o.revenue_excl_tax, 0)) AS INTEGER) END,
       COALESCE(o.orders, 0),
       c.capacity,
       CASE WHEN c.capacity IS NULL THEN NULL ELSE COALESCE(o.tickets_with_capacity, 0) END
FROM (SELECT season_year FROM performances UNION SELECT season_year FROM kpi_order_season) s
LEFT JOIN (
  SELECT season_year, SUM(tickets) AS tickets, SUM(tickets_free) AS tickets_free, SUM(revenue) AS revenue,
         SUM(revenue_excl_tax) AS revenue_excl_tax, SUM(without_vat) AS without_vat, COUNT(*) AS orders,
         SUM(tickets_with_capacity) AS tickets_with_capacity
  FROM kpi_order_season GROUP BY season_year
) o ON o.season_year = s.season_year
LEFT JOIN (
  SELECT season_year, SUM(capacity) AS capacity FROM performances WHERE capacity > 0 GROUP BY season_year
) c ON c.season_year = s.season_year`;

const CUSTOMER_SEASONS = `
INSERT INTO customer_seasons (customer_id, season_year, tickets, revenue_cents, orders, subscription_tickets)
SELECT customer_id, season_year, SUM(tickets), SUM(revenue), COUNT(*), SUM(subscription_tickets)
FROM kpi_order_season WHERE customer_id IS NOT NULL
GROUP BY customer_id, season_year`;

/**
 * One row per identified order with a valid ticket; an order may span two seasons, so a
 * customer's orders are counted here, not summed over seasons. The order's date is its own,
 * else the first sale date of its tickets.
 */
const CUSTOMER_ORDERS = `
CREATE TEMP TABLE kpi_customer_orders AS
SELECT k.order_id AS order_id, k.customer_id AS customer_id, SUM(k.tickets) AS tickets, SUM(k.revenue) AS revenue,
       substr(COALESCE(o.ordered_at, MIN(k.first_sold_at)), 1, 10) AS ordered_on
FROM kpi_order_season k JOIN orders o ON o.id = k.order_id
WHERE k.customer_id IS NOT NULL
GROUP BY k.order_id`;

const CUSTOMER_STATS = `
INSERT INTO customer_stats (customer_id, lifetime_value_cents, orders, tickets, active_seasons, first_purchase, last_purchase)
SELECT o.customer_id, SUM(o.revenue), COUNT(*), SUM(o.tickets),
       (SELECT COUNT(*) FROM customer_seasons cs WHERE cs.customer_id = o.customer_id),
       MIN(o.ordered_on), MAX(o.ordered_on)
FROM kpi_customer_orders o
GROUP BY o.customer_id`;

/**
 * The formula of a subscription is its tariff name. NOT INDEXED: a sequential scan beats the
 * planner's pick (the customer index, one random row read per ticket) by three times.
 */
const SUBSCRIPTIONS = `
INSERT INTO subscriptions (customer_id, season_year, formula, tickets)
SELECT customer_id, season_year, COALESCE(tariff, ''), SUM(valid_seats)
FROM tickets NOT INDEXED
WHERE valid_seats > 0 AND tariff_kind = 'subscription' AND customer_id IS NOT NULL
GROUP BY customer_id, season_year, COALESCE(tariff, '')`;

/**
 * Only rows whose text changed are written: a re-import of the same file rewrites nothing. The
 * text is computed once per customer (the function runs in JavaScript).
 */
const SEARCH_TEXT = `
UPDATE customers SET search_text = fresh.text
FROM (SELECT id, parterre_search_text(last_name, first_name, email, postal_code, city) AS text FROM customers) AS fresh
WHERE fresh.id = customers.id AND customers.search_text IS NOT fresh.text`;

/** `onStep` receives each step's duration (the benchmark prints them). */
export function rebuildAggregates(sqlite: Database.Database, onStep?: (step: string, ms: number) => void): void {
  registerKpiFunctions(sqlite);
  const step = (name: string, sql: string) => {
    const start = performance.now();
    sqlite.exec(sql);
    onStep?.(name, performance.now() - start);
  };
  // The data may change even if a step below fails: cached values must go first.
  bumpDataVersion(sqlite);
  step('search_text', SEARCH_TEXT);
  sqlite.exec('DROP TABLE IF EXISTS temp.kpi_order_season; DROP TABLE IF EXISTS temp.kpi_customer_orders');
  try {
    step('order_season', ORDER_SEASON);
    step('delete', 'DELETE FROM season_stats; DELETE FROM customer_stats; DELETE FROM customer_seasons; DELETE FROM subscriptions');
    step('season_stats', SEASON_STATS);
    step('customer_seasons', CUSTOMER_SEASONS);
    step('customer_orders', CUSTOMER_ORDERS);
    step('customer_stats', CUSTOMER_STATS);
    step('subscriptions', SUBSCRIPTIONS);
    const start = performance.now();
    materialiseSpectatorFlows(sqlite);
    onStep?.('spectator_flows', performance.now() - start);
  } finally {
    sqlite.exec('DROP TABLE IF EXISTS temp.kpi_order_season; DROP TABLE IF EXISTS temp.kpi_customer_orders');
    bumpDataVersion(sqlite);
  }
}

/**
 * Re-derives every performance's and ticket's season from its start date after the season's
 * start month changed (shared/season.ts is the one definition), then rebuilds the indicators.
 * The caller wraps it in a transaction with the setting.
 */
export function recomputeSeasons(sqlite: Database.Database, startMonth: number): void {
  registerKpiFunctions(sqlite);
  sqlite
    .prepare(
      `UPDATE performances SET season_year = parterre_season_year(starts_at, ?)
       WHERE season_year IS NOT parterre_season_year(starts_at, ?)`,
    )
    .run(startMonth, startMonth);
  sqlite.exec(`
    UPDATE tickets SET season_year = (SELECT p.season_year FROM performances p WHERE p.id = tickets.performance_id)
    WHERE season_year IS NOT (SELECT p.season_year FROM performances p WHERE p.id = tickets.performance_id)`);
  rebuildAggregates(sqlite);
}
