/** Counting and listing the customers of a criteria tree. */
import type Database from 'better-sqlite3';
import type { Criteria } from '../../../shared/segments-criteria.js';
import type { SegmentCount } from '../../../shared/segments-types.js';
import { customerQuartiles } from '../kpi/customer-quartiles.js';
import { CUSTOMER_COLUMNS, newestOrderDate, toSummaries, type CustomerRow } from '../kpi/customer-summary.js';
import { compileCriteria, SEGMENT_FROM, type CompileContext, type Compiled } from './compile.js';
import { ensureSegmentFacts, seasonBase } from './facts.js';

/** Compiles against the data as it is now (facts table, newest date, cut points). */
export function compileNow(sqlite: Database.Database, criteria: Criteria): Compiled {
  ensureSegmentFacts(sqlite);
  const ctx: CompileContext = { newestDate: newestOrderDate(sqlite), quartiles: customerQuartiles(sqlite), seasonBase: seasonBase(sqlite) };
  return compileCriteria(criteria, ctx);
}

export function countCustomers(sqlite: Database.Database, criteria: Criteria): number {
  const { sql, params } = compileNow(sqlite, criteria);
  return sqlite.prepare(`SELECT COUNT(*) FROM ${SEGMENT_FROM} WHERE ${sql}`).pluck().get(...params) as number;
}

/** The ids of the matching customers, in id order. */
export function customerIds(sqlite: Database.Database, criteria: Criteria): number[] {
  const { sql, params } = compileNow(sqlite, criteria);
  return sqlite.prepare(`SELECT c.id FROM ${SEGMENT_FROM} WHERE ${sql} ORDER BY c.id`).pluck().all(...params) as number[];
}

export function totalCustomers(sqlite: Database.Database): number {
  return sqlite.prepare('SELECT COUNT(*) FROM customers').pluck().get() as number;
}

/** The count, the whole file's size, and a sample: the highest lifetime values first. */
export function countWithSample(sqlite: Database.Database, criteria: Criteria, sampleSize: number): SegmentCount {
  const { sql, params } = compileNow(sqlite, criteria);
  const count = sqlite.prepare(`SELECT COUNT(*) FROM ${SEGMENT_FROM} WHERE ${sql}`).pluck().get(...params) as number;
  const rows =
    sampleSize > 0 && count > 0
      ? (sqlite
          .prepare(
            `SELECT ${CUSTOMER_COLUMNS} FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id
             WHERE c.id IN (SELECT c.id FROM ${SEGMENT_FROM} WHERE ${sql} ORDER BY c.ltv DESC, c.id LIMIT ?)
             ORDER BY COALESCE(s.lifetime_value_cents, 0) DESC, c.id`,
          )
          .all(...params, sampleSize) as CustomerRow[])
      : [];
  return { count, total: totalCustomers(sqlite), sample: toSummaries(sqlite, rows) };
}
