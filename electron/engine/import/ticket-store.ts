/**
 * Tickets are too many to preload: each line looks its key up through the unique index, then
 * inserts or merges like the other stores. Derived columns (cancelled seats, valid seats, the
 * reversal link) are left to the matching pass.
 */
import type Database from 'better-sqlite3';
import { countSeen, emptyCounts, mergeValues, type Value } from './stores.js';

/** The ticket columns an export line sets, in this order. */
export const TICKET_COLUMNS = [
  'order_id',
  'performance_id',
  'customer_id',
  'season_year',
  'sold_at',
  'tariff',
  'tariff_kind',
  'unit_price_cents',
  'seats',
  'is_reversal',
  'state',
] as const;
export const T_SEATS = 8;
export const T_IS_REVERSAL = 9;

export class TicketStore {
  readonly counts = emptyCounts();
  /** Reversal lines met by this import (their ids), for the summary. */
  readonly reversalIds = new Set<number>();
  seats = 0;
  /** Status of the tickets this import has met, by id (a key may come back in the same import). */
  private readonly seen = new Map<number, number>();
  private readonly select: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.select = sqlite.prepare(`SELECT id, ${TICKET_COLUMNS.join(', ')} FROM tickets WHERE source_key = ?`).raw();
    this.insert = sqlite.prepare(
      `INSERT INTO tickets (source_key, ${TICKET_COLUMNS.join(', ')}, cancelled_seats, valid_seats)
       VALUES (?, ${TICKET_COLUMNS.map(() => '?').join(', ')}, 0, ?) ON CONFLICT (source_key) DO NOTHING`,
    );
    this.update = sqlite.prepare(`UPDATE tickets SET ${TICKET_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  }

  upsert(key: string, incoming: Value[]): number {
    const vals = incoming.map((v) => (v === '' ? null : v));
    const isReversal = vals[T_IS_REVERSAL] === 1;
    // Insert first: a new ticket (the common case) costs one statement, a known one two.
    const inserted = this.insert.run(key, ...vals, isReversal ? 0 : (vals[T_SEATS] as number));
    let id: number;
    if (inserted.changes === 1) {
      id = Number(inserted.lastInsertRowid);
      this.seen.set(id, countSeen(this.counts, 0, true, false));
    } else {
      const row = this.select.get(key) as Value[];
      id = row[0] as number;
      const stored = row.slice(1);
      const changed = mergeValues(stored, vals);
      if (changed) this.update.run(...stored, id);
      this.seen.set(id, countSeen(this.counts, this.seen.get(id) ?? 0, false, changed));
    }
    if (isReversal) this.reversalIds.add(id);
    else this.seats += vals[T_SEATS] as number;
    return id;
  }
}
