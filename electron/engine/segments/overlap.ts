/**
 * The overlap of two to four sets of customers (saved segments, or the audiences of shows):
 * one pass over the customers, each given the bit mask of the sets it belongs to, then counted
 * per mask — every region of the Venn diagram at once, with no double counting.
 */
import type Database from 'better-sqlite3';
import type { Criteria } from '../../../shared/segments-criteria.js';
import type { OverlapResult } from '../../../shared/segments-types.js';
import { SEGMENT_FROM } from './compile.js';
import { compileNow } from './query.js';

export function overlap(sqlite: Database.Database, sets: { label: string; criteria: Criteria }[]): OverlapResult {
  const compiled = sets.map((set) => compileNow(sqlite, set.criteria));
  const mask = compiled.map(({ sql }, i) => `(${sql}) * ${1 << i}`).join(' + ');
  const params = compiled.flatMap(({ params }) => params);
  const rows = sqlite
    .prepare(`SELECT mask, COUNT(*) AS count FROM (SELECT ${mask} AS mask FROM ${SEGMENT_FROM}) WHERE mask > 0 GROUP BY mask ORDER BY mask`)
    .all(...params) as { mask: number; count: number }[];
  const sizes = sets.map((_, i) => rows.filter((r) => r.mask & (1 << i)).reduce((sum, r) => sum + r.count, 0));
  return { labels: sets.map((s) => s.label), sizes, regions: rows };
}
