/**
 * Seasons are derived from a performance date and the month a season starts (September by
 * default): a performance on 2024-10-12 belongs to season 2024 ("2024-2025"), one on 2025-06-01
 * too, one on 2025-09-01 to season 2025.
 */
export const DEFAULT_SEASON_START_MONTH = 9;

/** The season (its starting year) of an ISO date or instant `YYYY-MM-DD...`. */
export function seasonYearOf(isoDate: string, startMonth: number = DEFAULT_SEASON_START_MONTH): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  if (startMonth === 1) return year;
  return month >= startMonth ? year : year - 1;
}

/** "2024-2025" for 2024; a season starting in January is labelled by its single year. */
export function seasonLabel(seasonYear: number, startMonth: number = DEFAULT_SEASON_START_MONTH): string {
  return startMonth === 1 ? String(seasonYear) : `${seasonYear}-${seasonYear + 1}`;
}

/** The starting year of a label "2024-2025" or "2024"; NaN when it is not a label. */
export function seasonYearOfLabel(label: string): number {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(label.trim());
  if (!m) return Number.NaN;
  if (m[2] && Number(m[2]) !== Number(m[1]) + 1) return Number.NaN;
  return Number(m[1]);
}
