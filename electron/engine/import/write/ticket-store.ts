/**
 * Tickets are too many to preload: each line tries its insert, and only a key already stored is
 * looked up through the unique index and merged like the other stores. Derived columns (cancelled
 * seats, valid seats, the reversal link) are left to the matching pass.
 *
 * Built for a million lines in one import:
 * - a ticket this import creates has an id above the table's largest id before it, so only the
 *   tickets stored before need a "met already" status (one byte per id, not a Map entry per line);
 * - past max(50,000, tickets stored) lines, the secondary indexes of the tickets and of the orders
 *   (an order per two or three lines) are dropped and then recreated by `finish` (see
 *   SuspendedIndexes); nothing reads the orders by those indexes while the lines are read;
 * - a first import (no ticket stored yet: a venue's first import, a benchmark) drops the unique
 *   `source_key` indexes of the tickets, the orders and the customers as well, from its first
 *   line: the orders' and the customers' stores hold every key already, and the tickets' keys of
 *   this import — the only ones there are — are kept in a compact table key → id (KeyIds). A row
 *   then costs an append to its table and nothing else (a customer insert took ~11 µs with its
 *   index, a random insert among pages that the tickets keep pushing out of the cache, and ~7
 *   without); `finish` recreates the indexes, and a duplicate there (a bug) fails the whole import;
 * - a first import's new tickets are inserted many at a time (BatchedInserts), their ids known
 *   beforehand;
 */
import type Database from 'better-sqlite3';
import { BatchedInserts } from './batched-inserts.js';
import { SuspendedIndexes } from './bulk-indexes.js';
import { KeyIds } from './key-ids.js';
import { countSeen, emptyCounts, mergeValues, type Value } from './stores.js';
import { TariffStore } from './tariff-store.js';

/** The ticket columns an export line sets, in this order. */
export const TICKET_COLUMNS = ['order_id', 'performance_id', 'tariff_id', 'unit_price_cents', 'seats', 'is_reversal', 'state'] as const;
const COLUMN_COUNT = TICKET_COLUMNS.length;
const T_TARIFF = 2;
const T_SEATS = 4;
const T_IS_REVERSAL = 5;

/** The columns an inserted row sets: the key, TICKET_COLUMNS and the valid seats (cancelled seats: 0 by default). */
const INSERT_COLUMNS = ['source_key', ...TICKET_COLUMNS, 'valid_seats'];
const INSERT_SQL = `INSERT INTO tickets (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`;

/** Lines after which a large import suspends the secondary indexes, when the table holds fewer tickets. */
const BULK_LINES = 50_000;

export class TicketStore {
  readonly counts = emptyCounts();
  readonly tariffs: TariffStore;
  /** Reversal lines met by this import (their ids), for the summary. */
  readonly reversalIds = new Set<number>();
  seats = 0;
  private updatedAny = false;
  /** Tickets stored before this import have ids up to this one. */
  private readonly maxIdBefore: number;
  /** Status (see countSeen) of the tickets stored before this import that it met, by id. */
  private readonly statusBefore: Uint8Array;
  private readonly bulkAfter: number;
  private lines = 0;
  private readonly indexes: SuspendedIndexes;
  /** A first import: its tickets' keys → ids, standing in for the dropped unique index. */
  private readonly ownKeys: KeyIds | null;
  private readonly select: Database.Statement;
  private readonly selectById: Database.Statement;
  private readonly insert: Database.Statement;
  /** A first import: its new tickets, inserted many at a time, and the values of the one being added. */
  private readonly inserts: BatchedInserts | null;
  private readonly row: Value[] = [];
  private readonly update: Database.Statement;

  constructor(sqlite: Database.Database, options: { bulkAfter?: number } = {}) {
    const [maxId, count] = sqlite.prepare('SELECT coalesce(max(id), 0), count(*) FROM tickets').raw().get() as [number, number];
    this.tariffs = new TariffStore(sqlite);
    this.maxIdBefore = maxId;
    this.statusBefore = new Uint8Array(maxId + 1);
    const keyOf = sqlite.prepare('SELECT source_key FROM tickets WHERE id = ?').pluck();
    this.ownKeys =
      count === 0
        ? new KeyIds((id) => {
            // A key found is confirmed by reading its row back: the rows waiting are written first
            // (which the merge of a known ticket, right after, needs too).
            this.inserts!.flush();
            return keyOf.get(id) as string;
          })
        : null;
    this.bulkAfter = this.ownKeys ? 1 : (options.bulkAfter ?? Math.max(BULK_LINES, count));
    this.indexes = new SuspendedIndexes(sqlite, ['tickets', 'orders', 'customers']);
    this.select = sqlite.prepare(`SELECT id, ${TICKET_COLUMNS.join(', ')} FROM tickets WHERE source_key = ?`).raw();
    this.selectById = sqlite.prepare(`SELECT id, ${TICKET_COLUMNS.join(', ')} FROM tickets WHERE id = ?`).raw();
    // ON CONFLICT needs the unique index, which a first import drops (KeyIds tells a known key).
    this.insert = sqlite.prepare(`${INSERT_SQL} ON CONFLICT (source_key) DO NOTHING`);
    this.inserts = this.ownKeys ? new BatchedInserts(sqlite, 'tickets', INSERT_COLUMNS, 'Billets') : null;
    this.update = sqlite.prepare(`UPDATE tickets SET ${TICKET_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  }

  /**
   * Whether every ticket in the table is one this import inserted and never updated since: their
   * derived columns are then still those written on insert (see matchReversals).
   */
  get allAsInserted(): boolean {
    return this.maxIdBefore === 0 && !this.updatedAny;
  }

  /** `v`: the values of TICKET_COLUMNS, '' for an empty cell (it becomes NULL in place); the array is not kept. */
  upsert(key: string, v: Value[]): number {
    for (let i = 0; i < v.length; i++) if (v[i] === '') v[i] = null;
    const isReversal = v[T_IS_REVERSAL] === 1;
    if (++this.lines === this.bulkAfter) this.suspendIndexes();
    const validSeats = isReversal ? 0 : v[T_SEATS];
    let id: number;
    if (this.ownKeys) {
      const known = this.ownKeys.get(key);
      if (known === undefined) {
        const row = this.row;
        row[0] = key;
        for (let i = 0; i < COLUMN_COUNT; i++) row[i + 1] = v[i];
        row[COLUMN_COUNT + 1] = validSeats;
        id = this.inserts!.add(row);
        this.ownKeys.add(key, id);
        this.counts.new++;
      } else {
        id = known;
        this.merge(this.selectById.get(id) as Value[], v);
      }
    } else {
      // Insert first: a new ticket (the common case) costs one statement, a known one two.
      const inserted = this.insert.run(key, v[0], v[1], v[2], v[3], v[4], v[5], v[6], validSeats);
      if (inserted.changes === 1) {
        id = Number(inserted.lastInsertRowid);
        this.counts.new++;
      } else id = this.merge(this.select.get(key) as Value[], v);
    }
    if (isReversal) this.reversalIds.add(id);
    else this.seats += v[T_SEATS] as number;
    return id;
  }

  private suspendIndexes(): void {
    this.indexes.suspend(this.ownKeys !== null);
  }

  /** A line of a ticket already stored (`row`: its id and TICKET_COLUMNS) merged; returns its id. */
  private merge(row: Value[], v: Value[]): number {
    const id = row[0] as number;
    const stored = row.slice(1);
    // A line without a tariff name keeps the stored name, as an empty cell keeps any stored value.
    const tariff = v[T_TARIFF] as number;
    const { tariffs } = this;
    if (tariffs.nameOf(tariff) === '') v[T_TARIFF] = tariffs.idOf(tariffs.nameOf(stored[T_TARIFF] as number), tariffs.proposedKindOf(tariff));
    const changed = mergeValues(stored, v);
    if (changed) {
      this.updatedAny = true;
      this.update.run(stored[0], stored[1], stored[2], stored[3], stored[4], stored[5], stored[6], id);
    }
    // A ticket this import created was counted as new when it was.
    if (id <= this.maxIdBefore) this.statusBefore[id] = countSeen(this.counts, this.statusBefore[id], false, changed);
    return id;
  }

  /** After the reading: the rows still waiting written, then the indexes back. */
  finish(): void {
    this.inserts?.flush();
    this.indexes.restore();
  }
}
