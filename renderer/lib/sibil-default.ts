/**
 * The quarter the SIBIL screen opens on: the one just ended (the one to declare now) when it held
 * performances, else the latest quarter that has begun, else the first one to come.
 */
import { previousQuarter, quarterLabel, quarterOf, type SibilQuarterSummary } from '../../shared/sibil.js';

export function defaultSibilQuarter(quarters: readonly SibilQuarterSummary[], today: string): string | null {
  if (quarters.length === 0) return null;
  const ended = quarterLabel(previousQuarter(quarterOf(today)));
  if (quarters.some((q) => q.quarter === ended)) return ended;
  const current = quarterLabel(quarterOf(today));
  // Labels sort as text in time order (2024-T4 < 2025-T1).
  const begun = quarters.filter((q) => q.quarter <= current);
  return (begun.length > 0 ? begun[begun.length - 1] : quarters[0]).quarter;
}

/** Today as `YYYY-MM-DD` in the venue's local time. */
export function localToday(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}
