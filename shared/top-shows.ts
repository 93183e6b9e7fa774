/**
 * The report's « top shows »: a show's performances of the season added up — its valid seats,
 * and its fill rate as the season's is defined (seats / capacity over its performances of known
 * capacity, DOMAIN.md).
 */
import type { ReportPerformance } from './report-types.js';

export interface ShowTotals {
  show: string;
  discipline: string | null;
  performances: number;
  tickets: number;
  revenueCents: number;
  /** null when none of its performances has a capacity. */
  fillRate: number | null;
}

export function showTotals(performances: ReportPerformance[]): ShowTotals[] {
  const byShow = new Map<string, ShowTotals & { capacity: number; seatsWithCapacity: number }>();
  for (const p of performances) {
    let row = byShow.get(p.show);
    if (!row) {
      byShow.set(p.show, (row = { show: p.show, discipline: p.discipline, performances: 0, tickets: 0, revenueCents: 0, fillRate: null, capacity: 0, seatsWithCapacity: 0 }));
    }
    row.performances++;
    row.tickets += p.tickets;
    row.revenueCents += p.revenueCents;
    if (p.capacity && p.capacity > 0) {
      row.capacity += p.capacity;
      row.seatsWithCapacity += p.tickets;
    }
  }
  return [...byShow.values()].map(({ capacity, seatsWithCapacity, ...row }) => ({ ...row, fillRate: capacity > 0 ? seatsWithCapacity / capacity : null }));
}

/** The `count` shows with the most tickets, and the `count` best filled (ties by tickets, then title). */
export function topShows(performances: ReportPerformance[], count = 10): { byTickets: ShowTotals[]; byFillRate: ShowTotals[] } {
  const totals = showTotals(performances);
  const byTitle = (a: ShowTotals, b: ShowTotals) => a.show.localeCompare(b.show, 'fr');
  return {
    byTickets: [...totals].sort((a, b) => b.tickets - a.tickets || byTitle(a, b)).slice(0, count),
    byFillRate: totals
      .filter((s) => s.fillRate !== null)
      .sort((a, b) => b.fillRate! - a.fillRate! || b.tickets - a.tickets || byTitle(a, b))
      .slice(0, count),
  };
}
