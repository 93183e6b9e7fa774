/**
 * Quartile cut points and bands (DOMAIN.md, « Quartile bands »): pure math, no database.
 * Cut points use linear interpolation at position (n − 1)·p of the sorted values — Excel's
 * QUARTILE.INC and pandas' default quantile — so a user can check them in a spreadsheet.
 */
import type { Band } from '../../../shared/types.js';

export type CutPoints = [number, number, number];

/** The p-quantile (0 ≤ p ≤ 1) of values already sorted ascending; NaN when there are none. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const fraction = position - lower;
  const low = sorted[lower];
  // Written so that equal neighbours give exactly that value (no floating drift on ties).
  return fraction === 0 || sorted[upper] === low ? low : low + (sorted[upper] - low) * fraction;
}

/** Q1, Q2, Q3 of the values (in any order); null when there are none. */
export function quartiles(values: ArrayLike<number>): CutPoints | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return [quantileSorted(sorted, 0.25), quantileSorted(sorted, 0.5), quantileSorted(sorted, 0.75)];
}

/** v ≤ Q1 → Bas, ≤ Q2 → Moyenne basse, ≤ Q3 → Moyenne haute, else Haut: equal values share a band. */
export function bandOf(value: number, [q1, q2, q3]: CutPoints): Band {
  if (value <= q1) return 'Bas';
  if (value <= q2) return 'Moyenne basse';
  if (value <= q3) return 'Moyenne haute';
  return 'Haut';
}
