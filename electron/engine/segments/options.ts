/** The values the builder offers in its pickers: what exists in the data. */
import type Database from 'better-sqlite3';
import { seasonLabel } from '../../../shared/season.js';
import type { SegmentOptions } from '../../../shared/segments-types.js';

export function segmentOptions(sqlite: Database.Database, startMonth: number): SegmentOptions {
  const list = (sql: string) => sqlite.prepare(sql).pluck().all() as string[];
  return {
    seasons: (sqlite.prepare('SELECT DISTINCT season_year FROM performances ORDER BY 1 DESC').pluck().all() as number[]).map((y) =>
      seasonLabel(y, startMonth),
    ),
    disciplines: list("SELECT DISTINCT COALESCE(discipline, 'Non renseignée') FROM shows ORDER BY 1"),
    shows: list('SELECT DISTINCT title FROM shows ORDER BY 1'),
    companies: list("SELECT DISTINCT COALESCE(company, 'Non renseignée') FROM shows ORDER BY 1"),
    channels: list("SELECT DISTINCT COALESCE(channel, '') FROM orders WHERE channel IS NOT NULL AND channel <> '' ORDER BY 1"),
    tariffKinds: ['full', 'reduced', 'subscription', 'free'],
  };
}
