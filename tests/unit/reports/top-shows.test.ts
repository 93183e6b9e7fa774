import { describe, expect, it } from 'vitest';
import type { ReportPerformance } from '../../../shared/report-types.js';
import { showTotals, topShows } from '../../../shared/top-shows.js';

const perf = (show: string, tickets: number, capacity: number | null): ReportPerformance => ({
  key: `${show}-${tickets}`, date: '2024-10-01T20:30:00', show, discipline: 'Théâtre', hall: null, capacity,
  tickets, ticketsPaid: tickets, ticketsFree: 0, revenueCents: tickets * 1000, fillRate: capacity ? tickets / capacity : null,
});

describe('top shows', () => {
  it('adds a show’s performances up, its fill rate over the performances of known capacity only', () => {
    const totals = showTotals([perf('A', 80, 100), perf('A', 20, null), perf('A', 50, 100)]);
    // Tickets 150; fill rate (80 + 50) / (100 + 100) = 0,65: the 20 seats without capacity stay out of it.
    expect(totals).toEqual([{ show: 'A', discipline: 'Théâtre', performances: 3, tickets: 150, revenueCents: 150_000, fillRate: 0.65 }]);
  });

  it('ranks by tickets and by fill rate, leaving out shows without any capacity from the second', () => {
    const { byTickets, byFillRate } = topShows([perf('A', 90, 100), perf('B', 300, 600), perf('C', 120, null)], 2);
    expect(byTickets.map((s) => s.show)).toEqual(['B', 'C']);
    expect(byFillRate.map((s) => s.show)).toEqual(['A', 'B']);
  });
});
