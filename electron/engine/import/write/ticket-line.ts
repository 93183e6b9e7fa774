/**
 * Writes the ticket lines of a TicketBatch (read by ticket-line-reader.ts) through the stores:
 * customer, show, performance, order and ticket rows (docs/import-rules.md). Runs on the engine
 * thread, which holds the database.
 */
import { seasonYearOf } from '../../../../shared/season.js';
import { upsertCustomer } from '../read/customer-line.js';
import { upsertPerformance, type PerformanceRead, type PerformanceWriter } from '../read/performance-line.js';
import type { OrderStore } from './order-store.js';
import type { Entry, EntityStore, Value } from './stores.js';
import { BRINGS_CUSTOMER, NO_CUSTOMER, REVERSAL, SAME_CUSTOMER, SAME_ORDER, SEPARATOR, TARIFF_KINDS, decodeCustomers, type TicketBatch } from '../read/ticket-batch.js';
import type { TicketStore } from './ticket-store.js';

export interface TicketWriter extends PerformanceWriter {
  customers: EntityStore;
  orders: OrderStore;
  tickets: TicketStore;
  fileName: string;
  /** Lines of these seasons are in an archive: counted in `lines`, not written (archives/import-guard.ts). */
  archived?: { seasons: ReadonlySet<number>; lines: number };
}

/** What the last line written wrote for its performance, customer and order (one object, updated line after line). */
interface Previous {
  performance: number;
  perf: Entry | null;
  customerId: number | null;
  orderId: number;
  /** The order of an archived line, written only if a line of a living season follows with the same order. */
  pendingOrder: [string, string | null, string] | null;
}

/** The writer of one file's batches, in the order they were read; it returns the lines it wrote. */
export function createTicketBatchWriter(w: TicketWriter): (batch: TicketBatch) => number {
  const performances: PerformanceRead[] = [];
  /** Per performance read: its entry, once written. */
  const performanceEntries: Entry[] = [];
  /** Per performance key: the read written last for it; per show key: the show values written last. */
  const lastPerformanceRead = new Map<string, number>();
  const lastShowValues = new Map<string | null, Value[]>();
  /**
   * The entry of performance read `p`. Lines of a few hundred performances alternate, so a read is
   * written again only when another read of its performance came in between, or other values of
   * its show (they may differ, and the last line wins); otherwise it would find the values it wrote.
   */
  const performanceOf = (p: number): Entry => {
    const read = performances[p];
    const entry = performanceEntries[p];
    const showValues = lastShowValues.get(read.showKey);
    const sameShow = showValues !== undefined && showValues.every((value, i) => value === read.showVals[i]);
    if (entry !== undefined && sameShow && lastPerformanceRead.get(read.key) === p) return entry;
    lastPerformanceRead.set(read.key, p);
    lastShowValues.set(read.showKey, read.showVals);
    return (performanceEntries[p] = upsertPerformance(w, read));
  };
  const strings: string[] = [];
  /** Per tariff string and kind (4 × string index + kind index): the tariff's id, once known. */
  const tariffIds: number[] = [];
  const tariffId = (tariff: number, kind: number): number =>
    (tariffIds[4 * tariff + kind] ??= w.tickets.tariffs.idOf(strings[tariff], TARIFF_KINDS[kind]));
  /** Per customer read: the id of the customer it was written to. */
  const customerIds: number[] = [];
  const previous: Previous = { performance: -1, perf: null, customerId: null, orderId: 0, pendingOrder: null };
  /** Per performance read: 1 when its season is archived, 2 when not (0: not looked at yet). */
  const archivedRead: number[] = [];
  const isArchived = (p: number): boolean => {
    if (!w.archived || w.archived.seasons.size === 0) return false;
    archivedRead[p] ??= w.archived.seasons.has(seasonYearOf(performances[p].startsAt, w.seasonStartMonth)) ? 1 : 2;
    return archivedRead[p] === 1;
  };
  /** The values of the line's ticket, one array for every line (TicketStore.upsert keeps none). */
  const values: Value[] = [];

  return (b) => {
    let written = 0;
    for (const read of b.performances) performances.push(read);
    for (const text of b.strings) strings.push(text);
    let nextCustomer = 0;
    const ticketKeys = b.ticketKeys.split(SEPARATOR);
    const orders = b.orders.split(SEPARATOR);
    const customers = decodeCustomers(b.customers);
    for (let i = 0; i < b.count; i++) {
      const performance = b.performance[i];
      const flags = b.flags[i];
      const archivedLine = isArchived(performance);
      const perf = archivedLine ? null : previous.performance === performance ? previous.perf! : performanceOf(performance);

      const customer = b.customer[i];
      let customerId: number | null;
      if (customer === SAME_CUSTOMER) customerId = previous.customerId;
      else if (customer === NO_CUSTOMER) customerId = null;
      else if (flags & BRINGS_CUSTOMER) customerId = customerIds[customer] = upsertCustomer(w.customers, customers[nextCustomer++], w.fileName);
      else customerId = customerIds[customer];

      const o = b.order[i];
      if (archivedLine) {
        // The customer stays in the main file (written above); the order only if a living line needs it.
        if (o !== SAME_ORDER) {
          previous.orderId = 0;
          previous.pendingOrder = [orders[3 * o], orders[3 * o + 1] || null, orders[3 * o + 2]];
        }
        previous.customerId = customerId;
        w.archived!.lines++;
        continue;
      }
      let orderId: number;
      if (o !== SAME_ORDER) orderId = w.orders.upsert(orders[3 * o], customerId, orders[3 * o + 1] || null, orders[3 * o + 2]);
      else if (previous.orderId === 0 && previous.pendingOrder) orderId = w.orders.upsert(previous.pendingOrder[0], customerId, previous.pendingOrder[1], previous.pendingOrder[2]);
      else orderId = previous.orderId;
      previous.pendingOrder = null;

      values[0] = orderId;
      values[1] = perf!.id;
      values[2] = tariffId(b.tariff[i], b.kind[i]);
      values[3] = b.cents[i];
      values[4] = b.seats[i];
      values[5] = flags & REVERSAL ? 1 : 0;
      values[6] = strings[b.state[i]];
      w.tickets.upsert(ticketKeys[i], values);
      written++;
      previous.performance = performance;
      previous.perf = perf;
      previous.customerId = customerId;
      previous.orderId = orderId;
    }
    return written;
  };
}
