/**
 * The orders an import meets, with the merge and counting rules of EntityStore (stores.ts), kept
 * lean: a million-line export holds some 400,000 orders, and an entry per order with its values
 * (~280 bytes) would cost more than 100 MB. Here an order is its key → id, and its count status
 * in a typed array by id. Its values are not kept: they are read back from the table when a line
 * names an order met before (in a first import, the few orders whose lines are not together; in a
 * re-import, each order once — a rowid lookup).
 *
 * New orders are inserted ROWS_PER_INSERT at a time, by one statement (as TicketStore does its
 * tickets): each gets the next rowid, known beforehand and checked at the flush. Rows waiting are
 * written before any is read back, and by `finish`.
 */
import type Database from 'better-sqlite3';
import type { RowCounts } from '../../../shared/types.js';
import { emptyCounts, type Value } from './stores.js';
import { detach } from './text.js';

/** Rows of one INSERT: past ~30, longer statements gain nothing. */
const ROWS_PER_INSERT = 32;
const INSERT_ROW = '(?, ?, ?, ?)';
const INSERT_SQL = `INSERT INTO orders (source_key, customer_id, ordered_at, channel) VALUES ${INSERT_ROW}`;

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
  private readonly insert: Database.Statement;
  private readonly insertRows: Database.Statement;
  /** New orders waiting for their INSERT (4 values each), and the id the next one gets. */
  private readonly pending: Value[] = [];
  private nextId: number;
  private readonly update: Database.Statement;
  private readonly select: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.insert = sqlite.prepare(INSERT_SQL);
    this.insertRows = sqlite.prepare(`${INSERT_SQL}${`, ${INSERT_ROW}`.repeat(ROWS_PER_INSERT - 1)}`);
    this.nextId = ((sqlite.prepare('SELECT max(id) FROM orders').pluck().get() as number | null) ?? 0) + 1;
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
    if (id >= this.nextId - this.pending.length / 4) this.flush();
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
    const id = this.nextId++;
    this.pending.push(key, customerId, orderedAt, channel === '' ? null : channel);
    if (this.pending.length === ROWS_PER_INSERT * 4) this.flush();
    this.ids.set(detach(key), id);
    this.status = fit(this.status, id);
    this.status[id] = NEW;
    return id;
  }

  /** Inserts the orders waiting; each must get the id it was given. */
  private flush(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    let last: number;
    if (pending.length === ROWS_PER_INSERT * 4) last = Number(this.insertRows.run(pending).lastInsertRowid);
    else {
      last = 0;
      for (let at = 0; at < pending.length; at += 4) last = Number(this.insert.run(pending.slice(at, at + 4)).lastInsertRowid);
    }
    if (last !== this.nextId - 1) throw new Error(`Commandes : identifiant ${last} écrit, ${this.nextId - 1} attendu.`);
    pending.length = 0;
  }

  /** After the reading: the orders still waiting written. */
  finish(): void {
    this.flush();
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
