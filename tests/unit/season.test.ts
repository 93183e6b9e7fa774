import { describe, expect, it } from 'vitest';
import { seasonLabel, seasonYearOf, seasonYearOfLabel } from '../../shared/season.js';

describe('seasons', () => {
  it('belong to the performance date, starting in September by default', () => {
    expect(seasonYearOf('2024-09-01T20:00:00')).toBe(2024);
    expect(seasonYearOf('2024-08-31T20:00:00')).toBe(2023);
    expect(seasonYearOf('2025-06-15')).toBe(2024);
    expect(seasonYearOf('2025-01-01')).toBe(2024);
  });
  it('follow the configured start month', () => {
    expect(seasonYearOf('2024-07-01', 7)).toBe(2024);
    expect(seasonYearOf('2024-06-30', 7)).toBe(2023);
    expect(seasonYearOf('2024-12-31', 1)).toBe(2024);
  });
  it('are labelled 2024-2025, or by the year when they start in January', () => {
    expect(seasonLabel(2024)).toBe('2024-2025');
    expect(seasonLabel(2024, 1)).toBe('2024');
    expect(seasonYearOfLabel('2024-2025')).toBe(2024);
    expect(seasonYearOfLabel('2024')).toBe(2024);
    expect(seasonYearOfLabel('2024-2026')).toBeNaN();
    expect(seasonYearOfLabel('saison')).toBeNaN();
  });
});
