/**
 * Entering or correcting a performance's capacity (exports often lack it). The fill rate
 * follows everywhere: per performance it is computed on reading; the season's is stored in
 * season_stats (capacity, tickets_with_capacity), recomputed here for the performance's
 * season in the same transaction, with the same rule as the rebuild (kpi/ticket-tally.ts:
 * only performances of known, positive capacity count).
 */
import type Database from 'better-sqlite3';
import { EngineError } from '../errors.js';
import { bumpDataVersion } from '../kpi/data-version.js';

export function setPerformanceCapacity(sqlite: Database.Database, key: string, capacity: number | null): { key: string; capacity: number | null } {
  return sqlite.transaction(() => {
    // The main file's: an archived season's performances are read-only (db/archives.ts), and while
    // archives are attached the plain name is their union view, which cannot be written.
    const performance = sqlite.prepare('SELECT id, season_year AS seasonYear FROM main.performances WHERE source_key = ?').get(key) as
      | { id: number; seasonYear: number }
      | undefined;
    if (!performance) throw new EngineError('NOT_FOUND', `Représentation inconnue : « ${key} ».`);
    sqlite.prepare('UPDATE main.performances SET capacity = ? WHERE id = ?').run(capacity, performance.id);
    const totals = sqlite
      .prepare(
        `SELECT sum(p.capacity) AS capacity, sum(coalesce(ps.tickets, 0)) AS tickets
         FROM performances p LEFT JOIN performance_stats ps ON ps.performance_id = p.id
         WHERE p.season_year = ? AND p.capacity > 0`,
      )
      .get(performance.seasonYear) as { capacity: number | null; tickets: number | null };
    sqlite
      .prepare('UPDATE season_stats SET capacity = ?, tickets_with_capacity = ? WHERE season_year = ?')
      .run(totals.capacity, totals.capacity === null ? null : totals.tickets, performance.seasonYear);
    bumpDataVersion(sqlite);
    return { key, capacity };
  })();
}
