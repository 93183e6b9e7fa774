/** Turns a customer row and its materialised totals into the CustomerSummary every view shows. */
import type Database from 'better-sqlite3';
import type { CustomerSummary, DisciplineCount } from '../../../shared/types.js';
import { bandedValues, bandsOf, customerQuartiles, displayedBasketCents } from './customer-quartiles.js';
import { cachedPerVersion } from './data-version.js';

/** The columns CUSTOMER_COLUMNS selects, as they come out of SQLite. */
export interface CustomerRow {
  id: number;
  key: string;
  lastName: string | null;
  firstName: string | null;
  email: string | null;
  postalCode: string | null;
  city: string | null;
  lifetimeValueCents: number | null;
  orders: number | null;
  tickets: number | null;
  activeSeasons: number | null;
  firstPurchase: string | null;
  lastPurchase: string | null;
}

/** Selects a CustomerRow from `customers c LEFT JOIN customer_stats s`. */
export const CUSTOMER_COLUMNS = `
  c.id, c.source_key AS key, c.last_name AS lastName, c.first_name AS firstName, c.email,
  c.postal_code AS postalCode, c.city, s.lifetime_value_cents AS lifetimeValueCents, s.orders,
  s.tickets, s.active_seasons AS activeSeasons, s.first_purchase AS firstPurchase,
  s.last_purchase AS lastPurchase`;

/**
 * The newest date of an order with a valid seat in the whole data (anonymous sales included):
 * recency counts to it. An order with every seat cancelled is not an order for the indicators.
 */
export function newestOrderDate(sqlite: Database.Database): string | null {
  return cachedPerVersion(sqlite, 'newest-order-date', () => {
    const row = sqlite
      .prepare(
        `SELECT MAX(substr(o.ordered_at, 1, 10)) AS day FROM orders o
         WHERE EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.valid_seats > 0)`,
      )
      .get() as { day: string | null };
    return row.day;
  });
}

const dayNumber = (isoDate: string) => Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

const NO_DISCIPLINE = 'Non renseignée';

/**
 * Distinct performances and valid tickets per discipline of each customer of a JSON array of
 * ids, through their orders (`orders_customer`, then `tickets_order`: tickets have no customer
 * index). Each table is narrowed alone before the join, as in HISTORY_SQL (customer-record.ts):
 * with archives attached, a view joined to others would be read in full.
 */
export const DISCIPLINES_SQL = `
WITH o AS MATERIALIZED (SELECT id, customer_id FROM orders WHERE customer_id IN (SELECT value FROM json_each(?))),
     t AS MATERIALIZED (SELECT order_id, performance_id, valid_seats FROM tickets WHERE order_id IN (SELECT id FROM o) AND valid_seats > 0),
     p AS MATERIALIZED (SELECT id, show_id FROM performances WHERE id IN (SELECT performance_id FROM t)),
     sh AS MATERIALIZED (SELECT id, discipline FROM shows WHERE id IN (SELECT show_id FROM p))
SELECT o.customer_id AS customerId, COALESCE(sh.discipline, '${NO_DISCIPLINE}') AS discipline,
       COUNT(DISTINCT t.performance_id) AS performances, SUM(t.valid_seats) AS tickets
FROM o
JOIN t ON t.order_id = o.id
JOIN p ON p.id = t.performance_id
JOIN sh ON sh.id = p.show_id
GROUP BY o.customer_id, 2
ORDER BY o.customer_id, tickets DESC, discipline`;

/** Distinct performances and valid tickets per discipline, for each of the given customers. */
export function disciplinesOf(sqlite: Database.Database, customerIds: number[]): Map<number, DisciplineCount[]> {
  const result = new Map<number, DisciplineCount[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return result;
  const statement = sqlite.prepare(DISCIPLINES_SQL);
  // Chunks keep each query on the customer index, whatever the page size.
  for (let i = 0; i < customerIds.length; i += 5000) {
    const chunk = customerIds.slice(i, i + 5000);
    for (const row of statement.all(JSON.stringify(chunk)) as (DisciplineCount & { customerId: number })[]) {
      result.get(row.customerId)!.push({ discipline: row.discipline, performances: row.performances, tickets: row.tickets });
    }
  }
  return result;
}

export function displayName(row: { lastName: string | null; firstName: string | null; email: string | null }): string {
  const name = [row.lastName, row.firstName].filter((part) => part && part.trim()).join(' ').trim();
  return name || row.email || '';
}

/** Summaries for rows already read; disciplines are read for these customers only. */
export function toSummaries(sqlite: Database.Database, rows: CustomerRow[]): CustomerSummary[] {
  const cuts = customerQuartiles(sqlite);
  const newest = newestOrderDate(sqlite);
  const disciplines = disciplinesOf(sqlite, rows.map((row) => row.id));
  return rows.map((row) => {
    const totals = {
      lifetimeValueCents: row.lifetimeValueCents ?? 0,
      orders: row.orders ?? 0,
      tickets: row.tickets ?? 0,
      activeSeasons: row.activeSeasons ?? 0,
    };
    const values = bandedValues(totals);
    return {
      id: row.id,
      key: row.key,
      name: displayName(row),
      email: row.email,
      postalCode: row.postalCode,
      city: row.city,
      ...totals,
      ordersPerSeason: values.ordersPerSeason,
      averageBasketCents: displayedBasketCents(values.averageBasketCents),
      ticketsPerOrder: values.ticketsPerOrder,
      firstPurchase: row.firstPurchase,
      lastPurchase: row.lastPurchase,
      recencyDays: row.lastPurchase && newest ? daysBetween(row.lastPurchase, newest) : null,
      disciplines: disciplines.get(row.id) ?? [],
      bands: bandsOf(values, totals.orders, cuts),
    };
  });
}
