/**
 * `seg_facts`: one row per identified customer × performance × sales channel × tariff kind
 * with valid seats — the valid tickets the segment criteria ask about (disciplines, shows,
 * companies, seasons, channels, tariff kinds, performances attended), ten times fewer rows than
 * tickets and indexed by what the criteria filter on.
 *
 * A TEMP table of the engine's connection, rebuilt once per data version (kpi/data-version.ts:
 * every import or settings change bumps it), so it can never disagree with the tickets and
 * adds nothing to an import. Valid tickets exactly as DOMAIN.md counts them: valid seats only
 * (cancelled lines and their reversals count 0); the ticket's season is its performance's; its
 * customer its order's; a ticket at price 0 is of kind free whatever its tariff says.
 */
import type Database from 'better-sqlite3';
import { cachedPerVersion } from '../kpi/data-version.js';
import { registerSegmentFunctions } from './sql-functions.js';

const BUILD = [
  'DROP TABLE IF EXISTS temp.seg_facts',
  `CREATE TEMP TABLE seg_facts (
     customer_id INTEGER NOT NULL, performance_id INTEGER NOT NULL, show_id INTEGER NOT NULL,
     season_year INTEGER NOT NULL, day TEXT NOT NULL, channel TEXT NOT NULL, tariff_kind TEXT NOT NULL,
     seats INTEGER NOT NULL)`,
  `INSERT INTO temp.seg_facts
   SELECT o.customer_id, t.performance_id, p.show_id, p.season_year, substr(p.starts_at, 1, 10),
          COALESCE(o.channel, ''), CASE WHEN t.unit_price_cents = 0 THEN 'free' ELSE tf.kind END, SUM(t.valid_seats)
   FROM tickets t
   JOIN orders o ON o.id = t.order_id
   JOIN performances p ON p.id = t.performance_id
   JOIN tariffs tf ON tf.id = t.tariff_id
   WHERE t.valid_seats > 0 AND o.customer_id IS NOT NULL
   GROUP BY o.customer_id, t.performance_id, 6, 7`,
  'CREATE INDEX temp.seg_facts_show ON seg_facts (show_id, customer_id)',
  'CREATE INDEX temp.seg_facts_customer ON seg_facts (customer_id, performance_id)',
  'CREATE INDEX temp.seg_facts_season ON seg_facts (season_year, customer_id)',
  'ANALYZE temp.seg_facts',
];

/** Makes sure seg_facts describes the data as it is now; cheap when it already does. */
export function ensureSegmentFacts(sqlite: Database.Database): void {
  registerSegmentFunctions(sqlite);
  cachedPerVersion(sqlite, 'segment-facts', () => {
    // Read-only callers may run inside none: a transaction keeps the build all-or-nothing.
    sqlite.transaction(() => {
      for (const sql of BUILD) sqlite.exec(sql);
    })();
    return true;
  });
}
