/**
 * The ticket lines of one chunk of a file, as read (ticket-line-reader.ts) and not yet written
 * (ticket-line.ts): what the parse worker hands to the engine thread. Columns of numbers in typed
 * arrays (moved, not copied, between threads) and few strings: a string repeated from line to
 * line (tariff, state) travels once per file as a number, a customer or a performance read once
 * travels once, and a line whose order or customer is the line before's says so with -1.
 */
import type { CustomerRead } from './customer-line.js';
import type { PerformanceRead } from './performance-line.js';
import type { TariffKind } from '../propose/tariff-kind.js';
import { detach } from './text.js';

export const TARIFF_KINDS: readonly TariffKind[] = ['full', 'reduced', 'subscription', 'free'];

/** `customer` of a line: the customer of the line before, or none (an anonymous counter sale). */
export const SAME_CUSTOMER = -1;
export const NO_CUSTOMER = -2;
/** `order` of a line: the order of the line before. */
export const SAME_ORDER = -1;
/** Bits of `flags`: the line cancels a sale; the line brings its customer's read (next of `customers`). */
export const REVERSAL = 1;
export const BRINGS_CUSTOMER = 2;

/** No cell holds a NUL: a file with one is refused as binary (csv-stream.ts). */
export const SEPARATOR = '\0';

export interface TicketBatch {
  count: number;
  /** Index of the line's performance read, among the file's (`performances` brings the new ones). */
  performance: Int32Array;
  /**
   * Index of the line's customer read among the file's, or SAME_/NO_CUSTOMER. The read itself is
   * the next of `customers` when the line's flags say BRINGS_CUSTOMER; otherwise it is the last
   * read written for that customer, and the engine has its id already.
   */
  customer: Int32Array;
  /** Index of the line's order in `orders`, or SAME_ORDER. */
  order: Int32Array;
  /** Indexes in the file's string table (`strings` brings the new ones). */
  tariff: Int32Array;
  state: Int32Array;
  /** Index in TARIFF_KINDS. */
  kind: Uint8Array;
  cents: Float64Array;
  seats: Float64Array;
  flags: Uint8Array;
  /**
   * The lines' ticket keys, and the orders of the lines that do not repeat the line before's (key,
   * date or '' for none, channel), each joined by SEPARATOR: one string crosses threads far faster
   * than a million small ones, and `split` makes them again in one native call.
   */
  ticketKeys: string;
  orders: string;
  /** Performance reads first met in this batch, in index order. */
  performances: PerformanceRead[];
  /** The customer reads the lines bring, in line order, joined by SEPARATOR (see encodeCustomer). */
  customers: string;
  strings: string[];
}

/**
 * A customer read as one string, its parts joined by SEPARATOR: key, the number of values and the
 * values (all texts), the number of consents and each one's value ('', '0' or '1') and date (''
 * for none), then the source and the search text. Joined here, while its strings were just read:
 * joining a batch's thirty thousand parts at its end cost ~100 ns a part, each a cache miss.
 */
function encodeCustomer(read: CustomerRead): string {
  const parts = [read.key, String(read.vals.length), ...(read.vals as string[]), String(read.consents.length)];
  for (const { value, at } of read.consents) parts.push(value === null ? '' : String(value), at ?? '');
  parts.push(read.source, read.searchText);
  return parts.join(SEPARATOR);
}

/** The customer reads of a batch, in order. */
export function decodeCustomers(text: string): CustomerRead[] {
  if (text === '') return [];
  const parts = text.split(SEPARATOR);
  const reads: CustomerRead[] = [];
  for (let i = 0; i < parts.length; ) {
    const key = parts[i];
    const valueCount = Number(parts[i + 1]);
    const vals = parts.slice(i + 2, i + 2 + valueCount);
    i += 2 + valueCount;
    const consentCount = Number(parts[i++]);
    const consents: CustomerRead['consents'] = [];
    for (let c = 0; c < consentCount; c++, i += 2) {
      consents.push({ value: parts[i] === '' ? null : Number(parts[i]), at: parts[i + 1] === '' ? null : parts[i + 1] });
    }
    reads.push({ key, vals, consents, source: parts[i], searchText: parts[i + 1] });
    i += 2;
  }
  return reads;
}

/** The buffers a batch moves to another thread. */
export function transferList(batch: TicketBatch): ArrayBuffer[] {
  return [batch.performance, batch.customer, batch.order, batch.tariff, batch.state, batch.kind, batch.cents, batch.seats, batch.flags].map(
    (column) => column.buffer as ArrayBuffer,
  );
}

/** Collects a batch's lines; `take` hands the batch over and starts the next one. */
export class TicketBatchBuilder {
  private capacity: number;
  private batch!: TicketBatch;
  private readonly stringIndexes = new Map<string, number>();
  private ticketKeys: string[] = [];
  private orders: string[] = [];
  private customers: string[] = [];

  constructor(capacity = 4096) {
    this.capacity = capacity;
    this.reset();
  }

  get count(): number {
    return this.batch.count;
  }

  private reset(): void {
    const n = this.capacity;
    this.batch = {
      count: 0,
      performance: new Int32Array(n),
      customer: new Int32Array(n),
      order: new Int32Array(n),
      tariff: new Int32Array(n),
      state: new Int32Array(n),
      kind: new Uint8Array(n),
      cents: new Float64Array(n),
      seats: new Float64Array(n),
      flags: new Uint8Array(n),
      ticketKeys: '',
      orders: '',
      performances: [],
      customers: '',
      strings: [],
    };
  }

  /** Doubles the columns when a chunk holds more lines than the last one. */
  private grow(): void {
    const b = this.batch;
    this.capacity *= 2;
    const bigger = <T extends Int32Array | Uint8Array | Float64Array>(column: T): T => {
      const next = new (column.constructor as new (n: number) => T)(this.capacity);
      next.set(column);
      return next;
    };
    b.performance = bigger(b.performance);
    b.customer = bigger(b.customer);
    b.order = bigger(b.order);
    b.tariff = bigger(b.tariff);
    b.state = bigger(b.state);
    b.kind = bigger(b.kind);
    b.cents = bigger(b.cents);
    b.seats = bigger(b.seats);
    b.flags = bigger(b.flags);
  }

  /** The file-wide index of a string, sent with the batch the first time. */
  string(text: string): number {
    let index = this.stringIndexes.get(text);
    if (index === undefined) {
      index = this.stringIndexes.size;
      this.stringIndexes.set(detach(text), index);
      this.batch.strings.push(text);
    }
    return index;
  }

  addPerformance(read: PerformanceRead): void {
    this.batch.performances.push(read);
  }

  addCustomer(read: CustomerRead): void {
    this.customers.push(encodeCustomer(read));
  }

  /** Returns the order's index in this batch. */
  addOrder(key: string, orderedAt: string | null, channel: string): number {
    // One string per order, joined now (see encodeCustomer).
    return this.orders.push([key, orderedAt ?? '', channel].join(SEPARATOR)) - 1;
  }

  /** One line (positional: a million lines allocate no object for it). */
  addLine(performance: number, customer: number, order: number, ticketKey: string, tariff: string, state: string, kind: TariffKind, cents: number, seats: number, flags: number): void {
    if (this.batch.count === this.capacity) this.grow();
    const b = this.batch;
    const i = b.count++;
    b.performance[i] = performance;
    b.customer[i] = customer;
    b.order[i] = order;
    b.tariff[i] = this.string(tariff);
    b.state[i] = this.string(state);
    b.kind[i] = TARIFF_KINDS.indexOf(kind);
    b.cents[i] = cents;
    b.seats[i] = seats;
    b.flags[i] = flags;
    this.ticketKeys.push(ticketKey);
  }

  take(): TicketBatch {
    const batch = this.batch;
    batch.ticketKeys = this.ticketKeys.join(SEPARATOR);
    batch.orders = this.orders.join(SEPARATOR);
    batch.customers = this.customers.join(SEPARATOR);
    this.ticketKeys = [];
    this.orders = [];
    this.customers = [];
    this.reset();
    return batch;
  }
}
