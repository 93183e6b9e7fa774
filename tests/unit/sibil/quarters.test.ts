import { describe, expect, it } from 'vitest';
import {
  declarationDeadline,
  parseQuarter,
  quarterBounds,
  quarterLabel,
  quarterOf,
  quarterToDeclare,
} from '../../../shared/sibil.js';

describe('SIBIL quarters', () => {
  it('reads 2024-T4 and 2024-Q4 alike, and nothing else', () => {
    expect(parseQuarter('2024-T4')).toEqual({ year: 2024, quarter: 4 });
    expect(parseQuarter('2024-Q4')).toEqual({ year: 2024, quarter: 4 });
    expect(parseQuarter('2025-t1')).toEqual({ year: 2025, quarter: 1 });
    for (const bad of ['2024-T5', '2024-T0', '24-T1', '2024', 'T4-2024', '2024-S2', '']) expect(parseQuarter(bad)).toBeNull();
  });

  it('bounds each quarter by its first day and the first day after it', () => {
    expect(quarterBounds({ year: 2024, quarter: 1 })).toEqual({ from: '2024-01-01', until: '2024-04-01' });
    expect(quarterBounds({ year: 2024, quarter: 3 })).toEqual({ from: '2024-07-01', until: '2024-10-01' });
    expect(quarterBounds({ year: 2024, quarter: 4 })).toEqual({ from: '2024-10-01', until: '2025-01-01' });
    // A performance on the evening of the last day is in the quarter: instants sort as text after the day.
    expect('2024-12-31T20:30:00' < quarterBounds({ year: 2024, quarter: 4 }).until).toBe(true);
    expect(quarterLabel(quarterOf('2024-12-31T20:30:00'))).toBe('2024-T4');
    expect(quarterLabel(quarterOf('2025-01-01T00:00:00'))).toBe('2025-T1');
  });

  it('is due before the 10th day of the next quarter’s first month', () => {
    expect(declarationDeadline({ year: 2024, quarter: 4 })).toBe('2025-01-10');
    expect(declarationDeadline({ year: 2025, quarter: 1 })).toBe('2025-04-10');
    expect(declarationDeadline({ year: 2025, quarter: 3 })).toBe('2025-10-10');
  });

  it('declares the quarter just ended until its deadline, then the current one', () => {
    expect(quarterToDeclare('2025-01-03')).toEqual({ quarter: { year: 2024, quarter: 4 }, deadline: '2025-01-10' });
    expect(quarterToDeclare('2025-01-09')).toEqual({ quarter: { year: 2024, quarter: 4 }, deadline: '2025-01-10' });
    expect(quarterToDeclare('2025-01-10')).toEqual({ quarter: { year: 2025, quarter: 1 }, deadline: '2025-04-10' });
    expect(quarterToDeclare('2025-03-31')).toEqual({ quarter: { year: 2025, quarter: 1 }, deadline: '2025-04-10' });
  });
});
