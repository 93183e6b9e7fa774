/** Typed access to the `settings` key-value table. */
import type Database from 'better-sqlite3';
import type { AppSettings } from '../../shared/settings-types.js';
import { DEFAULT_SEASON_START_MONTH } from '../../shared/season.js';

export function getSetting(sqlite: Database.Database, key: string): string | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(sqlite: Database.Database, key: string, value: string): void {
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}

export function getSeasonStartMonth(sqlite: Database.Database): number {
  const month = Number(getSetting(sqlite, 'seasonStartMonth'));
  return Number.isInteger(month) && month >= 1 && month <= 12 ? month : DEFAULT_SEASON_START_MONTH;
}

/** The venue's name (the season report's cover reads the key `venueName`); empty when never given. */
export function getVenueName(sqlite: Database.Database): string {
  return getSetting(sqlite, 'venueName') ?? '';
}

export function getSettings(sqlite: Database.Database): AppSettings {
  return { seasonStartMonth: getSeasonStartMonth(sqlite), venueName: getVenueName(sqlite) };
}
