/**
 * Writes the season report's materialised tables (db/schema.ts, migration 0005) from one
 * ReportTally pass. Called by the indicator rebuild, inside its transaction, so that the report
 * never reads the tickets and is never out of step with the other indicators.
 */
import type Database from 'better-sqlite3';
import { syncTable, type SyncedTable } from '../kpi/table-sync.js';
import { ReportTally } from './report-tally.js';

const PERFORMANCE_STATS: SyncedTable = { name: 'performance_stats', keys: ['performance_id'], values: ['tickets', 'tickets_free', 'revenue_cents'] };
const SALES_DAYS: SyncedTable = { name: 'season_sales_days', keys: ['season_year', 'sale_date'], values: ['tickets', 'revenue_cents'] };
const PACE: SyncedTable = { name: 'season_pace', keys: ['season_year', 'days_before'], values: ['tickets'] };
const LADDER: SyncedTable = { name: 'season_ladder', keys: ['season_year', 'performances'], values: ['spectators', 'new_spectators'] };
const DISCIPLINES: SyncedTable = { name: 'season_disciplines', keys: ['season_year', 'discipline'], values: ['spectators'] };
const PLACES: SyncedTable = {
  name: 'season_places',
  keys: ['season_year', 'country', 'postal_code', 'city'],
  values: ['spectators', 'tickets'],
};

export function rebuildReportTables(sqlite: Database.Database, step: <T>(name: string, run: () => T) => T): void {
  const tally = step('report_read', () => new ReportTally(sqlite).read());
  step('report_tables', () => {
    syncTable(sqlite, PERFORMANCE_STATS, tally.performanceRows());
    syncTable(sqlite, SALES_DAYS, tally.salesDayRows());
    syncTable(sqlite, PACE, tally.paceRows());
    syncTable(sqlite, LADDER, tally.ladderRows());
    syncTable(sqlite, DISCIPLINES, tally.disciplineRows());
    syncTable(sqlite, PLACES, tally.placeRows());
  });
}
