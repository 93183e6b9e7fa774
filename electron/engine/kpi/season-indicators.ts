/**
 * The season indicators of DOMAIN.md, read from the materialised tables only (season_stats,
 * performances): never a scan of the tickets.
 */
import type Database from 'better-sqlite3';
import { seasonLabel } from '../../../shared/season.js';
import type { SeasonIndicators } from '../../../shared/types.js';

/** Totals and spectator flows per season, with the number of performances; one row per season that has one. */
export const SEASON_TOTALS_SQL = `
SELECT p.season_year AS seasonYear, p.performances, s.tickets, s.tickets_paid AS ticketsPaid,
       s.tickets_free AS ticketsFree, s.revenue_cents AS revenueCents,
       s.revenue_excl_tax_cents AS revenueExclTaxCents, s.orders, s.capacity,
       s.tickets_with_capacity AS ticketsWithCapacity, s.spectators, s.new_spectators AS newSpectators,
       s."returning", s.reactivated, s.subscribers
FROM (SELECT season_year, COUNT(*) AS performances FROM performances GROUP BY season_year) p
LEFT JOIN season_stats s ON s.season_year = p.season_year
ORDER BY p.season_year`;

/**
 * Spectators per season, split by where they were before: each customer-season row looks at the
 * same customer's previous active season. None → new; N-1 → returning; earlier → reactivated.
 * So new + returning + reactivated = spectators, by construction. The definition, in SQL over
 * customer_seasons: the rebuild computes the same figures in its one pass (ticket-tally.ts) and
 * stores them in season_stats, so that reading the indicators stays instant;
 * tests/integration/kpi-rebuild.test.ts checks that both agree.
 */
export const SPECTATOR_FLOWS_SQL = `
SELECT season_year AS seasonYear, COUNT(*) AS spectators,
       SUM(previous IS NULL) AS newSpectators,
       SUM(previous = season_year - 1) AS "returning",
       SUM(previous < season_year - 1) AS reactivated,
       SUM(subscription_tickets > 0) AS subscribers
FROM (
  SELECT season_year, subscription_tickets,
         LAG(season_year) OVER (PARTITION BY customer_id ORDER BY season_year) AS previous
  FROM customer_seasons
)
GROUP BY season_year`;

interface TotalsRow {
  seasonYear: number;
  performances: number;
  tickets: number | null;
  ticketsPaid: number | null;
  ticketsFree: number | null;
  revenueCents: number | null;
  revenueExclTaxCents: number | null;
  orders: number | null;
  capacity: number | null;
  ticketsWithCapacity: number | null;
  spectators: number | null;
  newSpectators: number | null;
  returning: number | null;
  reactivated: number | null;
  subscribers: number | null;
}

const ratio = (numerator: number, denominator: number | null | undefined): number | null =>
  denominator ? numerator / denominator : null;
const cents = (value: number | null): number | null => (value === null ? null : Math.round(value));

export function seasonIndicators(sqlite: Database.Database, startMonth: number): SeasonIndicators[] {
  const totals = sqlite.prepare(SEASON_TOTALS_SQL).all() as TotalsRow[];
  const spectatorsOf = new Map(totals.map((row) => [row.seasonYear, row.spectators ?? 0]));
  return totals.map((row) => {
    const spectatorsBefore = spectatorsOf.get(row.seasonYear - 1) ?? 0;
    const tickets = row.tickets ?? 0;
    const revenueCents = row.revenueCents ?? 0;
    const orders = row.orders ?? 0;
    const returning = row.returning ?? 0;
    const retentionRate = ratio(returning, spectatorsBefore);
    return {
      seasonYear: row.seasonYear,
      label: seasonLabel(row.seasonYear, startMonth),
      performances: row.performances,
      tickets,
      ticketsPaid: row.ticketsPaid ?? 0,
      ticketsFree: row.ticketsFree ?? 0,
      revenueCents,
      revenueExclTaxCents: row.tickets === null ? null : row.revenueExclTaxCents,
      averagePriceCents: cents(ratio(revenueCents, row.ticketsPaid)),
      orders,
      averageBasketCents: cents(ratio(revenueCents, orders)),
      spectators: row.spectators ?? 0,
      newSpectators: row.newSpectators ?? 0,
      returning,
      reactivated: row.reactivated ?? 0,
      retentionRate,
      churnRate: retentionRate === null ? null : 1 - retentionRate,
      subscribers: row.subscribers ?? 0,
      fillRate: row.capacity ? (row.ticketsWithCapacity ?? 0) / row.capacity : null,
    };
  });
}
