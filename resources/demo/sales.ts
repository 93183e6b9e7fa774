/**
 * Sells a season's performances until each reaches its target fill, writing the ticket lines as
 * it goes: identified and anonymous orders of 1–6 seats, families, invitations, subscriptions,
 * and a few cancellations written later in the file as reversal lines (state `A`, negative
 * amount), most with the sale's own ticket number, some with a number of their own.
 */
import { ANONYMOUS_COLUMNS, type Customer } from './audience.js';
import { clockTime, frenchDate } from './calendar.js';
import { CHANNELS, TARIFFS, type TariffId } from './catalog.js';
import { EOL, frenchAmount } from './csv.js';
import type { Performance } from './programme.js';
import type { Random } from './random.js';
import { cp1252Bytes } from './writer.js';

export interface SaleCounters {
  nextTicket: number;
  nextOrder: number;
  lines: number;
}

interface Line {
  ticket: number;
  tariff: TariffId;
  priceCents: number;
  seats: number;
  performance: Performance;
}

interface Order {
  number: number;
  dateText: string;
  channel: string;
  customerColumns: string;
  lines: Line[];
}

const SEATS_SOLO = [0.3, 0.42, 0.1, 0.11, 0.04, 0.03];
const SEATS_FAMILY = [0.05, 0.2, 0.3, 0.3, 0.1, 0.05];
const REDUCED: { id: TariffId; weight: number }[] = [
  { id: 'full', weight: 55 },
  { id: 'reduced', weight: 15 },
  { id: 'young', weight: 12 },
  { id: 'senior', weight: 12 },
  { id: 'jobseeker', weight: 6 },
];
/** Tariff and channel cells, encoded once (see `cp1252Bytes`). */
const TARIFF_BYTES = Object.fromEntries(Object.entries(TARIFFS).map(([id, t]) => [id, cp1252Bytes(t.name)])) as Record<TariffId, string>;
const CHANNEL_BYTES = new Map<string, string>(CHANNELS.map((c) => [c, cp1252Bytes(c)]));
const REDUCED_WEIGHTS = REDUCED.map((t) => t.weight);

export const SHARE_ANONYMOUS = 0.07;
export const SHARE_INVITATION = 0.03;
export const SHARE_CANCELLED = 0.025;

function unitPrice(performance: Performance, tariff: TariffId): number {
  const factor = TARIFFS[tariff].factor;
  if (factor === 0) return 0;
  // Rounded to the half euro, never below 5 €.
  return Math.max(500, Math.round((performance.fullPriceCents * factor) / 50) * 50);
}

export class SeasonSales {
  private readonly open: Performance[];
  private readonly subscribed = new Set<number>();
  private readonly reversals: { due: number; text: string }[] = [];
  private orders = 0;

  constructor(
    private readonly random: Random,
    performances: Performance[],
    private readonly customers: readonly Customer[],
    private readonly pool: Int32Array,
    private readonly season: number,
    private readonly counters: SaleCounters,
    /** Receives the text of each order (and of due reversals); may return a promise to await. */
    private readonly write: (text: string) => Promise<void> | undefined,
  ) {
    this.open = performances.filter((p) => p.remaining > 0);
  }

  async run(): Promise<void> {
    while (this.open.length > 0) {
      const order = this.nextOrder();
      const pending = this.write(this.render(order) + this.dueReversals());
      if (pending) await pending;
    }
    const rest = this.reversals.map((r) => r.text).join('');
    this.reversals.length = 0;
    if (rest) await this.write(rest);
  }

  private nextOrder(): Order {
    const r = this.random;
    const performance = this.open[Math.floor(r.next() * this.open.length)];
    const roll = r.next();
    if (roll < SHARE_ANONYMOUS) return this.counterSale(performance);
    const customerIndex = this.pool[Math.floor(r.next() * this.pool.length)];
    const customer = this.customers[customerIndex];
    if (customer.subscriberSeasons & (1 << this.season) && !this.subscribed.has(customerIndex)) {
      this.subscribed.add(customerIndex);
      const order = this.subscription(customer);
      if (order) return order;
    }
    if (roll < SHARE_ANONYMOUS + SHARE_INVITATION) return this.invitation(performance, customer);
    return this.purchase(performance, customer);
  }

  private newOrder(day: number, channel: string, customerColumns: string): Order {
    const r = this.random;
    const minutes = channel === 'Guichet' ? r.int(13 * 60, 19 * 60) : r.int(8 * 60, 23 * 60 + 59);
    return {
      number: this.counters.nextOrder++,
      dateText: `${frenchDate(day)} ${clockTime(minutes)}`,
      channel,
      customerColumns,
      lines: [],
    };
  }

  /** Adds `seats` seats of one tariff: one line per seat, or now and then one line for all. */
  private addSeats(order: Order, performance: Performance, tariff: TariffId, seats: number): void {
    const take = Math.min(seats, performance.remaining);
    if (take <= 0) return;
    performance.remaining -= take;
    if (performance.remaining <= 0) this.close(performance);
    const priceCents = unitPrice(performance, tariff);
    if (take > 1 && this.random.chance(0.3)) {
      order.lines.push({ ticket: this.counters.nextTicket++, tariff, priceCents, seats: take, performance });
      return;
    }
    for (let i = 0; i < take; i++) {
      order.lines.push({ ticket: this.counters.nextTicket++, tariff, priceCents, seats: 1, performance });
    }
  }

  private close(performance: Performance): void {
    const at = this.open.indexOf(performance);
    if (at < 0) return;
    this.open[at] = this.open[this.open.length - 1];
    this.open.pop();
  }

  private counterSale(performance: Performance): Order {
    const r = this.random;
    const order = this.newOrder(performance.day - r.int(0, 10), 'Guichet', ANONYMOUS_COLUMNS);
    const seats = r.int(1, 3);
    for (let i = 0; i < seats; i++) this.addSeats(order, performance, r.chance(0.7) ? 'full' : 'reduced', 1);
    return order;
  }

  private invitation(performance: Performance, customer: Customer): Order {
    const r = this.random;
    const order = this.newOrder(performance.day - r.int(1, 30), r.chance(0.5) ? 'Téléphone' : 'Guichet', customer.columns);
    this.addSeats(order, performance, r.chance(0.7) ? 'invitation' : 'exempt', r.int(1, 2));
    return order;
  }

  private purchase(performance: Performance, customer: Customer): Order {
    const r = this.random;
    const channel = CHANNELS[r.weighted([30, 50, 15, 5])];
    const order = this.newOrder(performance.day - r.int(1, 90), channel, customer.columns);
    const seats = 1 + r.weighted(customer.family ? SEATS_FAMILY : SEATS_SOLO);
    if (customer.family && performance.discipline === 'Jeune public') {
      const adults = Math.min(seats, r.int(1, 2));
      this.addSeats(order, performance, 'full', adults);
      this.addSeats(order, performance, 'child', seats - adults);
    } else {
      for (let i = 0; i < seats; i++) this.addSeats(order, performance, REDUCED[r.weighted(REDUCED_WEIGHTS)].id, 1);
    }
    return order;
  }

  /** A subscription: several different shows of the season in one order, bought before the first. */
  private subscription(customer: Customer): Order | null {
    const r = this.random;
    const tariff: TariffId = r.chance(0.6) ? 'subscription4' : 'subscriptionFree';
    const wanted = tariff === 'subscription4' ? 4 : r.int(3, 6);
    const seats = r.chance(0.6) ? 1 : 2;
    const chosen: Performance[] = [];
    const shows = new Set<number>();
    for (let attempt = 0; attempt < 40 && chosen.length < wanted; attempt++) {
      const p = this.open[Math.floor(r.next() * this.open.length)];
      if (p.remaining < seats || shows.has(p.show)) continue;
      shows.add(p.show);
      chosen.push(p);
    }
    if (chosen.length === 0) return null;
    const firstDay = Math.min(...chosen.map((p) => p.day));
    const order = this.newOrder(firstDay - r.int(1, 60), r.chance(0.6) ? 'Guichet' : 'Correspondance', customer.columns);
    for (const p of chosen) this.addSeats(order, p, tariff, seats);
    return order;
  }

  private line(order: Order, line: Line, ticket: number, state: string, priceCents: number, seats: number): string {
    return (
      `${ticket};${order.number};${order.dateText};${state};${frenchAmount(priceCents)};${seats};` +
      `${TARIFF_BYTES[line.tariff]};${line.performance.columns};${CHANNEL_BYTES.get(order.channel)};${order.customerColumns}${EOL}`
    );
  }

  private render(order: Order): string {
    this.orders++;
    let text = '';
    for (const line of order.lines) text += this.line(order, line, line.ticket, 'V', line.priceCents, line.seats);
    this.counters.lines += order.lines.length;
    const r = this.random;
    if (order.customerColumns !== ANONYMOUS_COLUMNS && order.lines.length > 0 && r.chance(SHARE_CANCELLED)) {
      const line = order.lines[Math.floor(r.next() * order.lines.length)];
      // Most reversals repeat the sale's ticket number; some get their own number in the same
      // order, and then may cancel only part of a multi-seat line.
      const ownNumber = r.chance(0.2);
      const ticket = ownNumber ? this.counters.nextTicket++ : line.ticket;
      const seats = ownNumber && line.seats > 1 && r.chance(0.5) ? 1 : line.seats;
      this.reversals.push({ due: this.orders + r.int(3, 300), text: this.line(order, line, ticket, 'A', -line.priceCents, seats) });
      this.counters.lines++;
    }
    return text;
  }

  private dueReversals(): string {
    if (this.reversals.length === 0) return '';
    let text = '';
    // Queued in order of creation, not of due time: scan them all (the queue holds a handful).
    for (let i = 0; i < this.reversals.length; ) {
      if (this.reversals[i].due <= this.orders) {
        text += this.reversals[i].text;
        this.reversals.splice(i, 1);
      } else i++;
    }
    return text;
  }
}
