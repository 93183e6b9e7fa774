/**
 * The indicator rebuild's one pass over the valid tickets, and the rows of the materialised
 * tables derived from it. Counting rules (docs/import-rules.md): only valid seats count (reversal
 * lines carry 0); revenue is valid seats × unit price; a ticket's season is its performance's;
 * its customer is its order's (none for an anonymous counter sale).
 *
 * In JavaScript rather than in SQL: SQLite groups by sorting, and sorting a million tickets by
 * order, then the result by customer, costs seconds; one sequential read of the tickets into
 * typed arrays indexed by id costs a few hundred milliseconds. Ids are the rowids SQLite
 * allocated (dense from 1), so each array is sized by the largest id of its table.
 */
import type Database from 'better-sqlite3';
import { forEachRow } from './each-row.js';
import { compareKeys, type Row } from './table-sync.js';

/** Bits of the ticket pass's `flags` column. */
const SUBSCRIPTION = 1;
const FREE = 2;

/**
 * Valid seats only, read sequentially in rowid order (so an order's lines mostly come together).
 * A ticket is free at price 0 or with tariff kind free (invitations, exonérés); the formula of a
 * subscription is its tariff name. Tariffs are a few rows, read first (see readTariffs).
 */
export const TICKET_PASS = {
  columns: ['order_id', 'performance_id', 'tariff_id', 'unit_price_cents', 'valid_seats'],
  from: 'tickets WHERE valid_seats > 0',
};

/** A Float64Array that doubles when full (customer × season slots are found while reading). */
class Column {
  values = new Float64Array(1 << 12);
  ensure(size: number): void {
    if (size <= this.values.length) return;
    const next = new Float64Array(Math.max(size, this.values.length * 2));
    next.set(this.values);
    this.values = next;
  }
}

/** SQLite's ROUND: half away from zero. */
const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

export class TicketTally {
  /** Seasons are indexed from the first season of any performance; `words` 32-bit words hold a set of them. */
  private firstSeason = 0;
  private seasons = 0;
  private words = 1;

  /** Per performance id: its season index (-1: no such performance), capacity, VAT (NaN: unknown) and valid seats. */
  private perfSeason = new Int32Array(0);
  private perfCapacity = new Float64Array(0);
  private perfVat = new Float64Array(0);
  private perfSeats = new Float64Array(0);
  private perfFree = new Float64Array(0);
  private perfRevenue = new Float64Array(0);
  /** Per season: orders with a valid seat in it. */
  private seasonOrders = new Float64Array(0);

  /** Per tariff id: SUBSCRIPTION and FREE bits, and its name when it is a subscription's (its formula). */
  private tariffFlags = new Uint8Array(0);
  private tariffFormula: (string | null)[] = [];

  /** Per order id: its customer (0: anonymous), its date (none: null), the set of seasons where it has a valid seat. */
  private orderCustomer = new Int32Array(0);
  private orderDay: (string | null)[] = [];
  private orderSeasons = new Uint32Array(0);

  private maxCustomer = 0;
  /**
   * A customer × season with a valid seat is a slot in the columns below. Each customer's slots
   * form a chain sorted by season (`customerFirstSlot`, then `slotNext`, -1 ending it): a
   * customer has a few seasons, so walking the chain beats a Map, and it gives the seasons in
   * order for the flows and the rows.
   */
  private customerFirstSlot = new Int32Array(0);
  private slotCount = 0;
  private readonly slotNext = new Column();
  private readonly slotCustomer = new Column();
  private readonly slotSeason = new Column();
  private readonly slotTickets = new Column();
  private readonly slotRevenue = new Column();
  private readonly slotOrders = new Column();
  private readonly slotSubscriptionSeats = new Column();
  /**
   * Subscription formulas (tariff names), numbered from 1. A slot's first formula and its seats
   * are in columns; the rare other formulas of the same customer × season in `moreFormulas`.
   */
  private readonly formulas: string[] = [''];
  private readonly formulaIds = new Map<string, number>();
  private readonly slotFormula = new Column();
  private readonly slotFormulaSeats = new Column();
  private readonly moreFormulas = new Map<number, Map<string, number>>();

  constructor(private readonly sqlite: Database.Database) {}

  /** Reads performances, orders and valid tickets; `onStep` receives the time of each. */
  read(onStep?: (step: string, ms: number) => void): this {
    let start = performance.now();
    const lap = (step: string) => {
      const now = performance.now();
      onStep?.(step, now - start);
      start = now;
    };
    const range = this.sqlite.prepare('SELECT MIN(season_year) AS first, MAX(season_year) AS last, MAX(id) AS maxId FROM performances').get() as {
      first: number | null;
      last: number | null;
      maxId: number | null;
    };
    // No performance, no ticket (foreign key): nothing to count.
    if (range.first === null || range.last === null || range.maxId === null) return this;
    this.firstSeason = range.first;
    this.seasons = range.last - range.first + 1;
    this.words = Math.ceil(this.seasons / 32);
    this.seasonOrders = new Float64Array(this.seasons);
    this.readPerformances(range.maxId);
    this.readTariffs();
    this.readOrders();
    lap('read_orders');
    this.maxCustomer = (this.sqlite.prepare('SELECT MAX(id) FROM customers').pluck().get() as number | null) ?? 0;
    this.customerFirstSlot = new Int32Array(this.maxCustomer + 1).fill(-1);
    this.readTickets();
    lap('read_tickets');
    return this;
  }

  private readPerformances(maxId: number): void {
    const size = maxId + 1;
    this.perfSeason = new Int32Array(size).fill(-1);
    this.perfCapacity = new Float64Array(size);
    this.perfVat = new Float64Array(size);
    this.perfSeats = new Float64Array(size);
    this.perfFree = new Float64Array(size);
    this.perfRevenue = new Float64Array(size);
    const onPerformance = (id: number, season: number, capacity: number | null, vat: number | null) => {
      this.perfSeason[id] = season - this.firstSeason;
      this.perfCapacity[id] = capacity ?? 0;
      this.perfVat[id] = vat ?? NaN;
    };
    forEachRow(this.sqlite, ['id', 'season_year', 'capacity', 'vat_rate_bp'], 'performances', onPerformance);
  }

  private readTariffs(): void {
    const rows = this.sqlite.prepare('SELECT id, name, kind FROM tariffs').raw().all() as [number, string, string][];
    const size = rows.reduce((max, [id]) => Math.max(max, id), 0) + 1;
    this.tariffFlags = new Uint8Array(size);
    this.tariffFormula = new Array<string | null>(size).fill(null);
    for (const [id, name, kind] of rows) {
      if (kind === 'subscription') {
        this.tariffFlags[id] = SUBSCRIPTION;
        this.tariffFormula[id] = name;
      } else if (kind === 'free') this.tariffFlags[id] = FREE;
    }
  }

  private readOrders(): void {
    const size = ((this.sqlite.prepare('SELECT MAX(id) FROM orders').pluck().get() as number | null) ?? 0) + 1;
    this.orderCustomer = new Int32Array(size);
    this.orderDay = new Array<string | null>(size).fill(null);
    this.orderSeasons = new Uint32Array(size * this.words);
    const onOrder = (id: number, customer: number | null, day: string | null) => {
      this.orderCustomer[id] = customer ?? 0;
      this.orderDay[id] = day;
    };
    forEachRow(this.sqlite, ['id', 'customer_id', 'substr(ordered_at, 1, 10)'], 'orders', onOrder);
  }

  private readTickets(): void {
    const { perfSeason, perfSeats, perfFree, perfRevenue, seasonOrders, orderCustomer, orderSeasons, tariffFlags, tariffFormula, words } = this;
    // An order's lines mostly come together: its customer × season figures are summed in these
    // locals over the run of lines, and added to the slot once per run.
    let lastOrder = -1;
    let lastSeason = -1;
    let slot = -1;
    let seatsOfRun = 0;
    let revenueOfRun = 0;
    let subscriptionSeatsOfRun = 0;
    let formulaOfRun: string | null = null;
    let formulaSeatsOfRun = 0;
    const flush = () => {
      if (slot < 0) return;
      this.slotTickets.values[slot] += seatsOfRun;
      this.slotRevenue.values[slot] += revenueOfRun;
      this.slotSubscriptionSeats.values[slot] += subscriptionSeatsOfRun;
      if (formulaOfRun !== null) this.addSubscription(slot, formulaOfRun, formulaSeatsOfRun);
      seatsOfRun = revenueOfRun = subscriptionSeatsOfRun = formulaSeatsOfRun = 0;
      formulaOfRun = null;
    };
    const onTicket = (order: number, perf: number, tariff: number, price: number, seats: number) => {
      const flags = price === 0 ? tariffFlags[tariff] | FREE : tariffFlags[tariff];
      const season = perfSeason[perf];
      const revenue = seats * price;
      perfSeats[perf] += seats;
      perfRevenue[perf] += revenue;
      if (flags & FREE) perfFree[perf] += seats;
      if (order !== lastOrder || season !== lastSeason) {
        flush();
        lastOrder = order;
        lastSeason = season;
        const word = order * words + (season >>> 5);
        const bit = 1 << (season & 31);
        const firstInSeason = (orderSeasons[word] & bit) === 0;
        if (firstInSeason) {
          orderSeasons[word] |= bit;
          seasonOrders[season]++;
        }
        const customer = orderCustomer[order];
        slot = customer > 0 ? this.slotOf(customer, season) : -1;
        if (slot >= 0 && firstInSeason) this.slotOrders.values[slot]++;
      }
      if (slot < 0) return;
      seatsOfRun += seats;
      revenueOfRun += revenue;
      if (flags & SUBSCRIPTION) {
        subscriptionSeatsOfRun += seats;
        const name = tariffFormula[tariff]!;
        if (name !== formulaOfRun) {
          if (formulaOfRun !== null) this.addSubscription(slot, formulaOfRun, formulaSeatsOfRun);
          formulaOfRun = name;
          formulaSeatsOfRun = 0;
        }
        formulaSeatsOfRun += seats;
      }
    };
    forEachRow(this.sqlite, TICKET_PASS.columns, TICKET_PASS.from, onTicket);
    flush();
  }

  /** The slot of the customer × season, created in its place in the customer's chain if new. */
  private slotOf(customer: number, season: number): number {
    const next = this.slotNext.values;
    const seasonOf = this.slotSeason.values;
    let previous = -1;
    let slot = this.customerFirstSlot[customer];
    while (slot >= 0 && seasonOf[slot] < season) {
      previous = slot;
      slot = next[slot];
    }
    if (slot >= 0 && seasonOf[slot] === season) return slot;
    const created = this.slotCount++;
    const columns = [this.slotNext, this.slotCustomer, this.slotSeason, this.slotTickets, this.slotRevenue, this.slotOrders, this.slotSubscriptionSeats];
    for (const column of [...columns, this.slotFormula, this.slotFormulaSeats]) {
      column.ensure(this.slotCount);
    }
    this.slotNext.values[created] = slot;
    this.slotCustomer.values[created] = customer;
    this.slotSeason.values[created] = season;
    if (previous < 0) this.customerFirstSlot[customer] = created;
    else this.slotNext.values[previous] = created;
    return created;
  }

  private addSubscription(slot: number, formula: string, seats: number): void {
    let id = this.formulaIds.get(formula);
    if (id === undefined) {
      id = this.formulas.length;
      this.formulas.push(formula);
      this.formulaIds.set(formula, id);
    }
    const first = this.slotFormula.values[slot];
    if (first === 0 || first === id) {
      this.slotFormula.values[slot] = id;
      this.slotFormulaSeats.values[slot] += seats;
      return;
    }
    let more = this.moreFormulas.get(slot);
    if (!more) this.moreFormulas.set(slot, (more = new Map()));
    more.set(formula, (more.get(formula) ?? 0) + seats);
  }

  /** Calls `visit` with the slot of each season of the customer, seasons in order. */
  private eachSeasonOf(customer: number, visit: (season: number, slot: number) => void): void {
    const next = this.slotNext.values;
    for (let slot = this.customerFirstSlot[customer]; slot >= 0; slot = next[slot]) visit(this.slotSeason.values[slot], slot);
  }

  /**
   * season_stats rows, one per season that has a performance: totals (anonymous sales included),
   * capacity over performances of known (positive) capacity, revenue excluding tax (unknown as
   * soon as a sold performance has no VAT rate), and the spectator flows: each customer's seasons
   * in order, none before → new, the season before → returning, an earlier one → reactivated.
   */
  seasonRows(): Row[] {
    const n = this.seasons;
    const hasPerformance = new Uint8Array(n);
    const tickets = new Float64Array(n);
    const free = new Float64Array(n);
    const revenue = new Float64Array(n);
    const exclTax = new Float64Array(n);
    const vatUnknown = new Uint8Array(n);
    const capacity = new Float64Array(n);
    const withCapacity = new Float64Array(n);
    this.perfSeason.forEach((s, p) => {
      if (s < 0) return;
      hasPerformance[s] = 1;
      tickets[s] += this.perfSeats[p];
      free[s] += this.perfFree[p];
      revenue[s] += this.perfRevenue[p];
      if (this.perfSeats[p] > 0) {
        const vat = this.perfVat[p];
        if (Number.isNaN(vat)) vatUnknown[s] = 1;
        else exclTax[s] += (this.perfRevenue[p] * 10000) / (10000 + vat);
      }
      if (this.perfCapacity[p] > 0) {
        capacity[s] += this.perfCapacity[p];
        withCapacity[s] += this.perfSeats[p];
      }
    });
    const spectators = new Float64Array(n);
    const newcomers = new Float64Array(n);
    const returning = new Float64Array(n);
    const reactivated = new Float64Array(n);
    const subscribers = new Float64Array(n);
    for (let c = 1; c <= this.maxCustomer; c++) {
      let previous = -1;
      this.eachSeasonOf(c, (s, slot) => {
        spectators[s]++;
        if (previous < 0) newcomers[s]++;
        else if (previous === s - 1) returning[s]++;
        else reactivated[s]++;
        previous = s;
        if (this.slotSubscriptionSeats.values[slot] > 0) subscribers[s]++;
      });
    }
    const rows: Row[] = [];
    for (let s = 0; s < n; s++) {
      if (!hasPerformance[s]) continue;
      const known = capacity[s] > 0;
      rows.push([
        this.firstSeason + s,
        tickets[s],
        tickets[s] - free[s],
        free[s],
        revenue[s],
        vatUnknown[s] ? null : round(exclTax[s]),
        this.seasonOrders[s],
        known ? capacity[s] : null,
        known ? withCapacity[s] : null,
        spectators[s],
        newcomers[s],
        returning[s],
        reactivated[s],
        subscribers[s],
      ]);
    }
    return rows;
  }

  /** customer_seasons rows in key order: customer, season, valid seats, revenue, orders, subscription seats. */
  customerSeasonRows(): Row[] {
    const next = this.slotNext.values;
    const { values: season } = this.slotSeason;
    const { values: tickets } = this.slotTickets;
    const { values: revenue } = this.slotRevenue;
    const { values: orders } = this.slotOrders;
    const { values: subscriptionSeats } = this.slotSubscriptionSeats;
    const rows: Row[] = [];
    for (let c = 1; c <= this.maxCustomer; c++) {
      for (let slot = this.customerFirstSlot[c]; slot >= 0; slot = next[slot]) {
        rows.push([c, this.firstSeason + season[slot], tickets[slot], revenue[slot], orders[slot], subscriptionSeats[slot]]);
      }
    }
    return rows;
  }

  /**
   * customer_stats rows in key order, for customers with a valid seat. An order spanning two
   * seasons is one order; an order without a date counts, but dates no purchase.
   */
  customerStatsRows(): Row[] {
    const size = this.maxCustomer + 1;
    const orders = new Float64Array(size);
    // The orders holding each customer's first and last dates (0: none dated yet).
    const firstOrder = new Int32Array(size);
    const lastOrder = new Int32Array(size);
    const days = this.orderDay;
    for (let o = 1; o < this.orderCustomer.length; o++) {
      const c = this.orderCustomer[o];
      if (c <= 0 || !this.hasValidSeat(o)) continue;
      orders[c]++;
      const day = days[o];
      if (day === null) continue;
      if (firstOrder[c] === 0 || day < days[firstOrder[c]]!) firstOrder[c] = o;
      if (lastOrder[c] === 0 || day > days[lastOrder[c]]!) lastOrder[c] = o;
    }
    const next = this.slotNext.values;
    const slotTickets = this.slotTickets.values;
    const slotRevenue = this.slotRevenue.values;
    const rows: Row[] = [];
    for (let c = 1; c < size; c++) {
      let slot = this.customerFirstSlot[c];
      if (slot < 0) continue;
      let tickets = 0;
      let revenue = 0;
      let seasons = 0;
      for (; slot >= 0; slot = next[slot]) {
        tickets += slotTickets[slot];
        revenue += slotRevenue[slot];
        seasons++;
      }
      const first = firstOrder[c] === 0 ? null : days[firstOrder[c]];
      const last = lastOrder[c] === 0 ? null : days[lastOrder[c]];
      rows.push([c, revenue, orders[c], tickets, seasons, first, last]);
    }
    return rows;
  }

  private hasValidSeat(order: number): boolean {
    if (this.words === 1) return this.orderSeasons[order] !== 0;
    for (let w = 0; w < this.words; w++) if (this.orderSeasons[order * this.words + w] !== 0) return true;
    return false;
  }

  /** subscriptions rows in key order: customer, season, formula, valid seats. */
  subscriptionRows(): Row[] {
    const next = this.slotNext.values;
    const rows: Row[] = [];
    for (let c = 1; c <= this.maxCustomer; c++) {
      for (let slot = this.customerFirstSlot[c]; slot >= 0; slot = next[slot]) {
        const id = this.slotFormula.values[slot];
        if (id === 0) continue;
        const season = this.firstSeason + this.slotSeason.values[slot];
        const more = this.moreFormulas.get(slot);
        if (!more) {
          rows.push([c, season, this.formulas[id], this.slotFormulaSeats.values[slot]]);
          continue;
        }
        const list: Row[] = [[c, season, this.formulas[id], this.slotFormulaSeats.values[slot]]];
        for (const [formula, seats] of more) list.push([c, season, formula, seats]);
        rows.push(...list.sort((a, b) => compareKeys(a, b, 3)));
      }
    }
    return rows;
  }
}
