/**
 * Rebuilds the materialised indicator tables (season_stats with its spectator flows,
 * customer_seasons, customer_stats, subscriptions) and the search texts left to compute, so that
 * no indicator ever scans a million tickets. Runs inside the import's transaction: it opens none.
 *
 * The tickets are read once (ticket-tally.ts); each table is then written only where a row
 * differs (table-sync.ts), so that a re-import of the same file rewrites nothing.
 * tests/bench/kpi-bench.ts times each step.
 */
import type Database from 'better-sqlite3';
import { rebuildReportTables } from '../reports/report-tables.js';
import { EngineError } from '../errors.js';
import { bumpDataVersion } from './data-version.js';
import { registerKpiFunctions } from './sql-functions.js';
import { syncTable, type SyncedTable } from './table-sync.js';
import { TicketTally } from './ticket-tally.js';

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

/** The materialised tables the tally fills, with their keys (the rows come sorted by them). */
const SEASON_STATS: SyncedTable = {
  name: 'season_stats',
  keys: ['season_year'],
  values: ['tickets', 'tickets_paid', 'tickets_free', 'revenue_cents', 'revenue_excl_tax_cents', 'orders', 'capacity',
    'tickets_with_capacity', 'spectators', 'new_spectators', '"returning"', 'reactivated', 'subscribers'],
};
const CUSTOMER_SEASONS: SyncedTable = {
  name: 'customer_seasons',
  keys: ['customer_id', 'season_year'],
  values: ['tickets', 'revenue_cents', 'orders', 'subscription_tickets'],
};
const CUSTOMER_STATS: SyncedTable = {
  name: 'customer_stats',
  keys: ['customer_id'],
  values: ['lifetime_value_cents', 'orders', 'tickets', 'active_seasons', 'first_purchase', 'last_purchase'],
};
const SUBSCRIPTIONS: SyncedTable = {
  name: 'subscriptions',
  keys: ['customer_id', 'season_year', 'formula'],
  values: ['tickets'],
};

/** `onStep` receives each step's duration (the benchmark prints them). */
export function rebuildAggregates(sqlite: Database.Database, onStep?: (step: string, ms: number) => void): void {
  registerKpiFunctions(sqlite);
  const step = <T>(name: string, run: () => T): T => {
    const start = performance.now();
    const value = run();
    onStep?.(name, performance.now() - start);
    return value;
  };
  // The data may change even if a step below fails: cached values must go first.
  bumpDataVersion(sqlite);
  try {
    step('search_text', () => sqlite.exec(SEARCH_TEXT));
    const tally = new TicketTally(sqlite).read(onStep);
    step('season_stats', () => syncTable(sqlite, SEASON_STATS, tally.seasonRows()));
    step('customer_seasons', () => syncTable(sqlite, CUSTOMER_SEASONS, tally.customerSeasonRows()));
    step('customer_stats', () => syncTable(sqlite, CUSTOMER_STATS, tally.customerStatsRows()));
    step('subscriptions', () => syncTable(sqlite, SUBSCRIPTIONS, tally.subscriptionRows()));
    rebuildReportTables(sqlite, step);
  } finally {
    bumpDataVersion(sqlite);
  }
}

/**
 * Re-derives every performance's season (its tickets' too) from its start date after the season's
 * start month changed (shared/season.ts is the one definition), then rebuilds the indicators.
 * The caller wraps it in a transaction with the setting.
 */
export function recomputeSeasons(sqlite: Database.Database, startMonth: number): void {
  // An archived season is a file per season: moving its boundaries would split files.
  if (sqlite.prepare('SELECT EXISTS (SELECT 1 FROM main.archive_files)').pluck().get() === 1) {
    throw new EngineError('VALIDATION', 'Le mois de début de saison ne peut plus changer : des saisons sont archivées avec les limites actuelles.');
  }
  registerKpiFunctions(sqlite);
  sqlite
    .prepare(
      `UPDATE main.performances SET season_year = parterre_season_year(starts_at, ?)
       WHERE season_year IS NOT parterre_season_year(starts_at, ?)`,
    )
    .run(startMonth, startMonth);
  rebuildAggregates(sqlite);
}
