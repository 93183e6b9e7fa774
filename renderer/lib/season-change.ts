/**
 * A season figure against the previous season's: relative change for counts and money, a
 * difference in percentage points for rates (a fill rate going from 70 % to 75 % is +5 pt, not
 * +7 %). null when there is nothing to compare.
 */
export type FigureKind = 'count' | 'money' | 'rate';

export interface Change {
  /** Relative change (0.1 = +10 %) for counts and money; difference of the two rates for rates. */
  value: number;
  kind: FigureKind;
}

export function changeOf(current: number | null, previous: number | null | undefined, kind: FigureKind): Change | null {
  if (current === null || previous === null || previous === undefined) return null;
  if (kind === 'rate') return { value: current - previous, kind };
  if (previous === 0) return null;
  return { value: (current - previous) / previous, kind };
}
