/** The quarters that hold performances, with their deadline and whether they were declared. */
import type Database from 'better-sqlite3';
import { declarationDeadline, quarterLabel, quarterOf, type SibilQuarterSummary } from '../../../shared/sibil.js';

export function sibilQuarters(sqlite: Database.Database): SibilQuarterSummary[] {
  const counts = new Map<string, number>();
  for (const startsAt of sqlite.prepare('SELECT starts_at FROM performances ORDER BY starts_at').pluck().all() as string[]) {
    const label = quarterLabel(quarterOf(startsAt));
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const declared = new Map(
    (sqlite.prepare('SELECT quarter, declared_at AS declaredAt FROM sibil_declarations').all() as { quarter: string; declaredAt: string }[]).map(
      (row) => [row.quarter, row.declaredAt],
    ),
  );
  return [...counts].map(([quarter, performances]) => {
    const [year, q] = quarter.split('-T').map(Number);
    return {
      quarter,
      performances,
      deadline: declarationDeadline({ year, quarter: q as 1 | 2 | 3 | 4 }),
      declaredAt: declared.get(quarter) ?? null,
    };
  });
}
