/**
 * The orders an import meets, with the merge and counting rules of EntityStore (stores.ts), kept
 * lean: a million-line export holds some 400,000 orders, and an entry per order with its values
 * (~280 bytes) would cost more than 100 MB. Here an order is its key → id, and its count status
 * in a typed array by id. Its values are not kept: they are read back from the table when a line
 * names an order met before (in a first import, the few orders whose lines are not together; in a
 * re-import, each order once — a rowid lookup).
 *
 * New orders are inserted many at a time (BatchedInserts): one waiting is written before it is read
 * back, and all by `finish`.
 */
import type Database from 'better-sqlite3';
import type { RowCounts } from '../../../../shared/types.js';
import { BatchedInserts } from './batched-inserts.js';
import { emptyCounts, type Value } from './stores.js';
import { detach } from '../read/text.js';

const UNSEEN = 0;
const NEW = 1;
const SEEN = 2;

/** Grows a typed array to hold index `at`. */
function fit<T extends Int32Array | Uint8Array>(array: T, at: number): T {
  if (at < array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(at + 1, array.length * 2));
  next.set(array);
  return next;
}

export class OrderStore {
  private readonly ids = new Map<string, number>();
  private status = new Uint8Array(1 << 16);
  /** Orders stored before this import that it changed: their values before the first change. */
  private readonly before = new Map<number, Value[]>();
  private readonly inserts: BatchedInserts;
  /** The values of the order being added (one array for every order: BatchedInserts copies them). */
  private readonly row: Value[] = [];
  private readonly update: Database.Statement;
  private readonly select: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.inserts = new BatchedInserts(sqlite, 'orders', ['source_key', 'customer_id', 'ordered_at', 'channel'], 'Commandes');
    this.update = sqlite.prepare('UPDATE orders SET customer_id = ?, ordered_at = ?, channel = ? WHERE id = ?');
    this.select = sqlite.prepare('SELECT customer_id, ordered_at, channel FROM orders WHERE id = ?').raw();
    for (const [id, key] of sqlite.prepare('SELECT id, source_key FROM orders').raw().iterate() as Iterable<[number, string]>) this.ids.set(key, id);
  }

  /**
   * Inserts the order, or merges these values into it (a non-empty value that differs overwrites
   * the stored one); returns its id.
   */
  upsert(key: string, customerId: number | null, orderedAt: string | null, channel: string): number {
    const id = this.ids.get(key);
    if (id === undefined) return this.add(key, customerId, orderedAt, channel);
    this.status = fit(this.status, id);
    if (this.status[id] === UNSEEN) this.status[id] = SEEN;
    if (this.inserts.isPending(id)) this.inserts.flush();
    const stored = this.select.get(id) as Value[];
    const incoming: Value[] = [customerId, orderedAt, channel];
    let changed = false;
    const merged = stored.map((value, i) => {
      const next = incoming[i];
      if (next === null || next === '' || next === value) return value;
      changed = true;
      return next;
    });
    if (!changed) return id;
    if (this.status[id] === SEEN && !this.before.has(id)) this.before.set(id, stored);
    this.update.run(merged[0], merged[1], merged[2], id);
    return id;
  }

  private add(key: string, customerId: number | null, orderedAt: string | null, channel: string): number {
    const row = this.row;
    row[0] = key;
    row[1] = customerId;
    row[2] = orderedAt;
    row[3] = channel === '' ? null : channel;
    const id = this.inserts.add(row);
    this.ids.set(detach(key), id);
    this.status = fit(this.status, id);
    this.status[id] = NEW;
    return id;
  }

  /** After the reading: the orders still waiting written. */
  finish(): void {
    this.inserts.flush();
  }

  /** As EntityStore's: an order met again counts as updated when its values at the end differ from those before. */
  get counts(): RowCounts {
    const counts = emptyCounts();
    for (let id = 0; id < this.status.length; id++) {
      const status = this.status[id];
      if (status === NEW) counts.new++;
      else if (status === SEEN) {
        const before = this.before.get(id);
        const now = before && (this.select.get(id) as Value[]);
        counts[now && now.some((v, i) => v !== before[i]) ? 'updated' : 'unchanged']++;
      }
    }
    return counts;
  }
}
