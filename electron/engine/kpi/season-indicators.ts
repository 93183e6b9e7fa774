/**
 * The season indicators of DOMAIN.md, read from the materialised tables only (season_stats,
 * customer_seasons, performances): never a scan of the tickets.
 */
import type Database from 'better-sqlite3';
import { seasonLabel } from '../../../shared/season.js';
import type { SeasonIndicators } from '../../../shared/types.js';
import { getSetting, setSetting } from '../settings.js';

/** The settings key where rebuildAggregates keeps the spectator flows it computed. */
const FLOWS_KEY = 'kpi.spectatorFlows';

/** Totals per season, with the number of performances; one row per season that has one. */
export const SEASON_TOTALS_SQL = `
SELECT p.season_year AS seasonYear, p.performances, s.tickets, s.tickets_paid AS ticketsPaid,
       s.tickets_free AS ticketsFree, s.revenue_cents AS revenueCents,
       s.revenue_excl_tax_cents AS revenueExclTaxCents, s.orders, s.capacity,
       s.tickets_with_capacity AS ticketsWithCapacity
FROM (SELECT season_year, COUNT(*) AS performances FROM performances GROUP BY season_year) p
LEFT JOIN season_stats s ON s.season_year = p.season_year
ORDER BY p.season_year`;

/**
 * Spectators per season, split by where they were before: each customer-season row looks at the
 * same customer's previous active season. None → new; N-1 → returning; earlier → reactivated.
 * So new + returning + reactivated = spectators, by construction.
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
}

interface FlowsRow {
  seasonYear: number;
  spectators: number;
  newSpectators: number;
  returning: number;
  reactivated: number;
  subscribers: number;
}

const ratio = (numerator: number, denominator: number | null | undefined): number | null =>
  denominator ? numerator / denominator : null;
const cents = (value: number | null): number | null => (value === null ? null : Math.round(value));

/**
 * The flows need a pass over every customer-season (≈ 1 s on 100,000 customers): done once per
 * rebuild, in its transaction, and stored, so that reading the indicators stays instant.
 */
export function materialiseSpectatorFlows(sqlite: Database.Database): void {
  setSetting(sqlite, FLOWS_KEY, JSON.stringify(sqlite.prepare(SPECTATOR_FLOWS_SQL).all()));
}

function readSpectatorFlows(sqlite: Database.Database): FlowsRow[] {
  const stored = getSetting(sqlite, FLOWS_KEY);
  return stored ? (JSON.parse(stored) as FlowsRow[]) : (sqlite.prepare(SPECTATOR_FLOWS_SQL).all() as FlowsRow[]);
}

export function seasonIndicators(sqlite: Database.Database, startMonth: number): SeasonIndicators[] {
  const totals = sqlite.prepare(SEASON_TOTALS_SQL).all() as TotalsRow[];
  const flows = new Map(readSpectatorFlows(sqlite).map((row) => [row.seasonYear, row]));
  return totals.map((row) => {
    const flow = flows.get(row.seasonYear);
    const spectatorsBefore = flows.get(row.seasonYear - 1)?.spectators ?? 0;
    const tickets = row.tickets ?? 0;
    const revenueCents = row.revenueCents ?? 0;
    const orders = row.orders ?? 0;
    const returning = flow?.returning ?? 0;
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
      spectators: flow?.spectators ?? 0,
      newSpectators: flow?.newSpectators ?? 0,
      returning,
      reactivated: flow?.reactivated ?? 0,
      retentionRate,
      churnRate: retentionRate === null ? null : 1 - retentionRate,
      subscribers: flow?.subscribers ?? 0,
      fillRate: row.capacity ? (row.ticketsWithCapacity ?? 0) / row.capacity : null,
    };
  });
}
