/**
 * What a new season start month would do to the seasons, before anything is written: the seasons
 * and their counts now and under the new month, and how many performances and tickets would
 * change season (tickets are seats still valid, as in every indicator). Read-only: the « Paramètres » page shows it and asks to confirm.
 */
import type Database from 'better-sqlite3';
import type { SeasonCount, SeasonStartPreview } from '../../../shared/settings-types.js';
import { seasonLabel } from '../../../shared/season.js';
import { registerKpiFunctions } from './sql-functions.js';

function seasonCounts(sqlite: Database.Database, month: number): SeasonCount[] {
  // Performances and tickets counted apart: a performance without tickets still makes its season.
  const rows = sqlite
    .prepare(
      `SELECT p.year AS year, COUNT(*) AS performances, COALESCE(SUM(t.n), 0) AS tickets
       FROM (SELECT id, parterre_season_year(starts_at, ?) AS year FROM performances) AS p
       LEFT JOIN (SELECT performance_id, SUM(valid_seats) AS n FROM tickets GROUP BY performance_id) AS t
         ON t.performance_id = p.id
       GROUP BY p.year ORDER BY p.year`,
    )
    .all(month) as { year: number; performances: number; tickets: number }[];
  return rows.map((row) => ({ label: seasonLabel(row.year, month), performances: row.performances, tickets: row.tickets }));
}

export function previewSeasonStart(sqlite: Database.Database, currentMonth: number, proposedMonth: number): SeasonStartPreview {
  registerKpiFunctions(sqlite);
  const moved = sqlite
    .prepare(
      `SELECT COUNT(*) AS performances, COALESCE(SUM((SELECT SUM(t.valid_seats) FROM tickets t WHERE t.performance_id = p.id)), 0) AS tickets
       FROM performances p
       WHERE parterre_season_year(p.starts_at, ?) IS NOT parterre_season_year(p.starts_at, ?)`,
    )
    .get(currentMonth, proposedMonth) as { performances: number; tickets: number };
  return {
    currentMonth,
    proposedMonth,
    current: seasonCounts(sqlite, currentMonth),
    proposed: seasonCounts(sqlite, proposedMonth),
    performancesMoved: moved.performances,
    ticketsMoved: moved.tickets,
  };
}
