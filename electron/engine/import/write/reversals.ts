/**
 * The matching pass (docs/import-rules.md, « Cancellations »), over the whole tickets table and
 * from scratch, so that running it twice gives the same result: every reversal line cancels
 * seats of the sale with its ticket number, else of an uncancelled sale of the same order,
 * performance and absolute unit price (oldest first). Cancelled seats never exceed a sale's seats.
 */
import type Database from 'better-sqlite3';

interface Sale {
  seats: number;
  cancelled: number;
}

export interface MatchResult {
  /** Reversal ticket ids that found their sale. */
  matched: Set<number>;
}

/**
 * `onlyNewTickets`: every ticket was inserted by this import (a first import) and none updated
 * since, so all are still in the state before any matching: the reset, two scans of the table, is
 * skipped.
 */
export function matchReversals(sqlite: Database.Database, options: { onlyNewTickets?: boolean } = {}): MatchResult {
  // Back to the state before any matching; rows already in it are not rewritten.
  if (!options.onlyNewTickets) sqlite.exec(`
    UPDATE tickets SET cancelled_seats = 0, reverses_ticket_id = NULL, valid_seats = seats
      WHERE is_reversal = 0 AND (cancelled_seats <> 0 OR reverses_ticket_id IS NOT NULL OR valid_seats <> seats);
    UPDATE tickets SET cancelled_seats = 0, reverses_ticket_id = NULL, valid_seats = 0
      WHERE is_reversal = 1 AND (cancelled_seats <> 0 OR reverses_ticket_id IS NOT NULL OR valid_seats <> 0);`);

  const reversals = sqlite
    .prepare('SELECT id, source_key, order_id, performance_id, unit_price_cents, seats FROM tickets WHERE is_reversal = 1 ORDER BY id')
    .raw()
    .all() as [number, string, number, number, number, number][];
  const byKey = sqlite.prepare('SELECT id, seats FROM tickets WHERE source_key = ? AND is_reversal = 0').raw();
  const sameSale = sqlite
    .prepare(
      `SELECT id, seats FROM tickets WHERE order_id = ? AND performance_id = ? AND is_reversal = 0
         AND abs(unit_price_cents) = ? ORDER BY id`,
    )
    .raw();
  const sales = new Map<number, Sale>();
  const sale = (id: number, seats: number) => {
    let s = sales.get(id);
    if (!s) sales.set(id, (s = { seats, cancelled: 0 }));
    return s;
  };
  const remaining = (s: Sale) => s.seats - s.cancelled;

  const links: [number, number][] = [];
  const matched = new Set<number>();
  for (const [id, key, orderId, performanceId, cents, seats] of reversals) {
    let target: number | null = null;
    if (key.endsWith(':A')) {
      const row = byKey.get(key.slice(0, -2)) as [number, number] | undefined;
      if (row && remaining(sale(row[0], row[1])) > 0) target = row[0];
    }
    if (target === null) {
      for (const [saleId, saleSeats] of sameSale.all(orderId, performanceId, Math.abs(cents)) as [number, number][]) {
        if (remaining(sale(saleId, saleSeats)) > 0) {
          target = saleId;
          break;
        }
      }
    }
    if (target === null) continue;
    const s = sales.get(target)!;
    s.cancelled += Math.min(Math.abs(seats), remaining(s));
    links.push([id, target]);
    matched.add(id);
  }

  const cancel = sqlite.prepare('UPDATE tickets SET cancelled_seats = ?, valid_seats = seats - ? WHERE id = ?');
  for (const [id, s] of sales) if (s.cancelled > 0) cancel.run(s.cancelled, s.cancelled, id);
  const link = sqlite.prepare('UPDATE tickets SET reverses_ticket_id = ? WHERE id = ?');
  for (const [id, target] of links) link.run(target, id);
  return { matched };
}
