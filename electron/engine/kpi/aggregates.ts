/**
 * Rebuilds the materialised indicator tables (season_stats with its spectator flows,
 * customer_seasons, customer_stats, subscriptions) and the search texts left to compute, so that
 * no indicator ever scans a million tickets. Runs inside the import's transaction: it opens none.
 *
 * Counting rules (docs/import-rules.md): only valid seats count (`valid_seats > 0`; reversal
 * lines carry 0); revenue is valid seats × unit price; a ticket's season is its performance's.
 *
 * How it stays fast (tests/bench/kpi-bench.ts): the tickets are read once, in the order of the
 * `tickets_order` index (order, season), so that grouping them by order and season needs no sort
 * of a million rows; every other figure comes from that per order × season table or from its
 * per customer × season child. The materialised tables are then written only where a row
 * differs: a re-import of the same file rewrites none of them.
 */
import type Database from 'better-sqlite3';
import { bumpDataVersion } from './data-version.js';
import { SPECTATOR_FLOWS_SQL } from './season-indicators.js';
import { registerKpiFunctions } from './sql-functions.js';

/**
 * Only the customers whose text is still to compute ('': new rows, and rows whose searched
 * fields an UPDATE changed without writing the text, see the trigger in db/schema.ts). A text
 * that stays '' (a customer with no name, e-mail or address) is not rewritten.
 */
const SEARCH_TEXT = `
UPDATE customers SET search_text = fresh.text
FROM (SELECT id, parterre_search_text(last_name, first_name, email, postal_code, city) AS text
      FROM customers WHERE search_text = '') AS fresh
WHERE fresh.id = customers.id AND fresh.text <> ''`;

const TEMP_TABLES = ['kpi_order_season', 'kpi_order_extra', 'kpi_customer_seasons', 'kpi_customer_stats', 'kpi_subscriptions'];

/**
 * The one pass over the tickets: valid seats grouped by order and season. A ticket is free at
 * price 0 or with tariff kind free (invitations, exonérés). Revenue excluding tax sums each
 * ticket's price / (1 + VAT); `without_vat` counts lines whose performance has no known rate (the
 * season's figure is then unknown). Capacity is known when positive. CROSS JOIN keeps the tickets
 * as the outer loop, read along `tickets_order`: the rows arrive grouped, and the temp table's
 * key takes them in order (tests/integration/kpi-seasons.test.ts checks the plan).
 */
const ORDER_SEASON = `
CREATE TEMP TABLE kpi_order_season (
  order_id INTEGER NOT NULL,
  season_year INTEGER NOT NULL,
  tickets INTEGER NOT NULL,
  tickets_free INTEGER NOT NULL,
  revenue INTEGER NOT NULL,
  subscription_tickets INTEGER NOT NULL,
  tickets_with_capacity INTEGER NOT NULL,
  revenue_excl_tax REAL,
  without_vat INTEGER NOT NULL,
  PRIMARY KEY (order_id, season_year)
) WITHOUT ROWID;
INSERT INTO kpi_order_season
SELECT t.order_id, t.season_year,
       SUM(t.valid_seats),
       SUM(CASE WHEN t.tariff_kind = 'free' OR t.unit_price_cents = 0 THEN t.valid_seats ELSE 0 END),
       SUM(t.valid_seats * t.unit_price_cents),
       SUM(CASE WHEN t.tariff_kind = 'subscription' THEN t.valid_seats ELSE 0 END),
       SUM(CASE WHEN p.capacity > 0 THEN t.valid_seats ELSE 0 END),
       SUM(t.valid_seats * t.unit_price_cents * 10000.0 / (10000 + p.vat_rate_bp)),
       SUM(p.vat_rate_bp IS NULL)
FROM tickets t CROSS JOIN performances p ON p.id = t.performance_id
WHERE t.valid_seats > 0
GROUP BY t.order_id, t.season_year`;

/**
 * Per identified customer and season (the customer is the order's). An order's date is its own,
 * else the first sale date of its valid tickets: that lookup runs for undated orders only.
 */
const ORDER_DAY = `substr(COALESCE(o.ordered_at,
  (SELECT MIN(t.sold_at) FROM tickets t WHERE t.order_id = o.id AND t.valid_seats > 0)), 1, 10)`;
const CUSTOMER_SEASONS = `
CREATE TEMP TABLE kpi_customer_seasons (
  customer_id INTEGER NOT NULL,
  season_year INTEGER NOT NULL,
  tickets INTEGER NOT NULL,
  revenue_cents INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  subscription_tickets INTEGER NOT NULL,
  first_day TEXT,
  last_day TEXT,
  PRIMARY KEY (customer_id, season_year)
) WITHOUT ROWID;
INSERT INTO kpi_customer_seasons
SELECT o.customer_id, k.season_year, SUM(k.tickets), SUM(k.revenue), COUNT(*), SUM(k.subscription_tickets),
       MIN(${ORDER_DAY}), MAX(${ORDER_DAY})
FROM kpi_order_season k
JOIN orders o ON o.id = k.order_id
WHERE o.customer_id IS NOT NULL
GROUP BY o.customer_id, k.season_year`;

/**
 * An order may span two seasons: it is one order of the customer, not one per season. Per
 * customer, how many season rows are such repeats (rare: a short table).
 */
const ORDER_EXTRA = `
CREATE TEMP TABLE kpi_order_extra (customer_id INTEGER PRIMARY KEY, extra INTEGER NOT NULL);
INSERT INTO kpi_order_extra
SELECT o.customer_id, SUM(x.seasons - 1)
FROM (SELECT order_id, COUNT(*) AS seasons FROM kpi_order_season GROUP BY order_id HAVING COUNT(*) > 1) x
JOIN orders o ON o.id = x.order_id
WHERE o.customer_id IS NOT NULL
GROUP BY o.customer_id`;

const CUSTOMER_STATS = `
CREATE TEMP TABLE kpi_customer_stats (
  customer_id INTEGER PRIMARY KEY,
  lifetime_value_cents INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  tickets INTEGER NOT NULL,
  active_seasons INTEGER NOT NULL,
  first_purchase TEXT,
  last_purchase TEXT
);
INSERT INTO kpi_customer_stats
SELECT cs.customer_id, SUM(cs.revenue_cents), SUM(cs.orders) - COALESCE(MAX(x.extra), 0), SUM(cs.tickets),
       COUNT(*), MIN(cs.first_day), MAX(cs.last_day)
FROM kpi_customer_seasons cs LEFT JOIN kpi_order_extra x ON x.customer_id = cs.customer_id
GROUP BY cs.customer_id`;

/**
 * The formula of a subscription is its tariff name. NOT INDEXED: a sequential scan beats a walk
 * along an index (one random row read per ticket).
 */
const SUBSCRIPTIONS = `
CREATE TEMP TABLE kpi_subscriptions (
  customer_id INTEGER NOT NULL,
  season_year INTEGER NOT NULL,
  formula TEXT NOT NULL,
  tickets INTEGER NOT NULL,
  PRIMARY KEY (customer_id, season_year, formula)
) WITHOUT ROWID;
INSERT INTO kpi_subscriptions
SELECT customer_id, season_year, COALESCE(tariff, ''), SUM(valid_seats)
FROM tickets NOT INDEXED
WHERE valid_seats > 0 AND tariff_kind = 'subscription' AND customer_id IS NOT NULL
GROUP BY customer_id, season_year, COALESCE(tariff, '')`;

/**
 * Every season that has a performance or a sale: totals from the order × season table, capacity
 * over performances of known capacity, and the spectator flows (read from customer_seasons once
 * it is up to date). A few rows: rewritten whole.
 */
const SEASON_STATS = `
DELETE FROM season_stats;
WITH o AS MATERIALIZED (
  SELECT season_year, SUM(tickets) AS tickets, SUM(tickets_free) AS tickets_free, SUM(revenue) AS revenue,
         SUM(revenue_excl_tax) AS revenue_excl_tax, SUM(without_vat) AS without_vat, COUNT(*) AS orders,
         SUM(tickets_with_capacity) AS tickets_with_capacity
  FROM kpi_order_season GROUP BY season_year
), c AS MATERIALIZED (
  SELECT season_year, SUM(capacity) AS capacity FROM performances WHERE capacity > 0 GROUP BY season_year
), f AS MATERIALIZED (${SPECTATOR_FLOWS_SQL})
INSERT INTO season_stats (season_year, tickets, tickets_paid, tickets_free, revenue_cents,
  revenue_excl_tax_cents, orders, capacity, tickets_with_capacity,
  spectators, new_spectators, "returning", reactivated, subscribers)
SELECT s.season_year,
       COALESCE(o.tickets, 0),
       COALESCE(o.tickets - o.tickets_free, 0),
       COALESCE(o.tickets_free, 0),
       COALESCE(o.revenue, 0),
       CASE WHEN COALESCE(o.without_vat, 0) > 0 THEN NULL
            ELSE CAST(ROUND(COALESCE(o.revenue_excl_tax, 0)) AS INTEGER) END,
       COALESCE(o.orders, 0),
       c.capacity,
       CASE WHEN c.capacity IS NULL THEN NULL ELSE COALESCE(o.tickets_with_capacity, 0) END,
       COALESCE(f.spectators, 0), COALESCE(f.newSpectators, 0), COALESCE(f."returning", 0),
       COALESCE(f.reactivated, 0), COALESCE(f.subscribers, 0)
FROM (SELECT DISTINCT season_year FROM performances UNION SELECT season_year FROM o) s
LEFT JOIN o ON o.season_year = s.season_year
LEFT JOIN c ON c.season_year = s.season_year
LEFT JOIN f ON f.seasonYear = s.season_year`;

/**
 * Makes `target` hold exactly the rows of `source` (a temp table with the same column names):
 * deletes the rows whose key is gone, inserts or updates only the rows that differ.
 */
function syncSql(target: string, source: string, keys: string[], values: string[]): string {
  const on = keys.map((k) => `n.${k} = o.${k}`).join(' AND ');
  const columns = [...keys, ...values];
  const list = (alias: string, names: string[]) => names.map((c) => `${alias}.${c}`).join(', ');
  return `
DELETE FROM ${target} AS o WHERE NOT EXISTS (SELECT 1 FROM ${source} n WHERE ${on});
INSERT INTO ${target} (${columns.join(', ')})
SELECT ${list('n', columns)} FROM ${source} n LEFT JOIN ${target} o ON ${on}
WHERE (${list('o', values)}) IS NOT (${list('n', values)})
ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${values.map((c) => `${c} = excluded.${c}`).join(', ')}`;
}

const DROP_TEMPS = TEMP_TABLES.map((t) => `DROP TABLE IF EXISTS temp.${t};`).join('\n');

/** The rebuild's steps in order (exported for the query-plan tests). */
export const REBUILD_STEPS: readonly { name: string; sql: string }[] = [
  { name: 'order_season', sql: ORDER_SEASON },
  { name: 'customer_seasons', sql: CUSTOMER_SEASONS },
  {
    name: 'customer_seasons_write',
    sql: syncSql('customer_seasons', 'kpi_customer_seasons', ['customer_id', 'season_year'], ['tickets', 'revenue_cents', 'orders', 'subscription_tickets']),
  },
  { name: 'season_stats', sql: SEASON_STATS },
  { name: 'order_extra', sql: ORDER_EXTRA },
  { name: 'customer_stats', sql: CUSTOMER_STATS },
  {
    name: 'customer_stats_write',
    sql: syncSql('customer_stats', 'kpi_customer_stats', ['customer_id'], ['lifetime_value_cents', 'orders', 'tickets', 'active_seasons', 'first_purchase', 'last_purchase']),
  },
  { name: 'subscriptions', sql: SUBSCRIPTIONS },
  { name: 'subscriptions_write', sql: syncSql('subscriptions', 'kpi_subscriptions', ['customer_id', 'season_year', 'formula'], ['tickets']) },
];

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
  sqlite.exec(DROP_TEMPS);
  try {
    for (const { name, sql } of REBUILD_STEPS) step(name, sql);
  } finally {
    sqlite.exec(DROP_TEMPS);
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
