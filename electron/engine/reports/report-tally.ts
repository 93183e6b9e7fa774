/**
 * The season report's pass over the valid tickets, run by the indicator rebuild: per
 * performance (seats, free seats, revenue), per season and sale day, per season and days
 * before the performance (the booking pace), and per customer × season the distinct
 * performances attended (the audience ladder), the disciplines seen and where the customer lives.
 *
 * Same counting rules as kpi/ticket-tally.ts (docs/import-rules.md): only valid seats count;
 * revenue is valid seats × unit price; a seat is free at price 0 or with a tariff of kind free;
 * a ticket's season is its performance's, its customer its order's, its sale date its order's.
 * In JavaScript over typed arrays indexed by id, for the reason ticket-tally.ts gives.
 */
import type Database from 'better-sqlite3';
import { forEachRow } from '../kpi/each-row.js';
import { compareKeys, type Row } from '../kpi/table-sync.js';

/** Days since 1970-01-01 of `YYYY-MM-DD...`; NaN when it is not a date. */
export function dayNumber(iso: string | null): number {
  if (!iso || iso.length < 10) return Number.NaN;
  const time = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.floor(time / 86_400_000);
}

const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** A seat sold more than this many days ahead counts at this many (a few years of pre-sales). */
export const MAX_DAYS_BEFORE = 1000;

/** '' for France (any spelling a file uses) or no country; else the country as written. */
export function normaliseCountry(country: string | null): string {
  const text = (country ?? '').trim();
  const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return plain === '' || plain === 'france' || plain === 'fr' || plain === 'fra' || plain === 'france metropolitaine' ? '' : text;
}

/**
 * A French postal code as the reference spells it: spaces removed, and a leading zero restored
 * when a spreadsheet dropped it (« 1400 » → « 01400 »), for French addresses only.
 */
export function normalisePostalCode(postalCode: string | null, country: string): string {
  const code = (postalCode ?? '').replace(/\s+/g, '').toUpperCase();
  return country === '' && /^\d{4}$/.test(code) ? `0${code}` : code;
}

export class ReportTally {
  private firstSeason = 0;
  private seasons = 0;
  private firstDay = 0;
  private days = 0;

  private perfSeason = new Int32Array(0);
  private perfDay = new Float64Array(0);
  private perfDiscipline = new Int32Array(0);
  private perfSeats = new Float64Array(0);
  private perfFree = new Float64Array(0);
  private perfRevenue = new Float64Array(0);
  private disciplines: string[] = [];

  private freeTariff = new Uint8Array(0);
  private orderCustomer = new Int32Array(0);
  /** Per order: its day minus firstDay, -1 when undated. */
  private orderDay = new Int32Array(0);

  /** Per season × day index (days + 1 slots, the last one for undated orders). */
  private saleSeats = new Float64Array(0);
  private saleRevenue = new Float64Array(0);
  /** Per season × days before (0..MAX_DAYS_BEFORE). */
  private paceSeats = new Float64Array(0);

  private maxCustomer = 0;
  /** Per customer × season: valid seats, distinct performances. */
  private customerSeats = new Float64Array(0);
  private customerPerformances = new Int32Array(0);
  /** Customer × season × discipline numbers seen (their size is the spectators per discipline). */
  private readonly disciplineSeen = new Set<number>();

  constructor(private readonly sqlite: Database.Database) {}

  read(): this {
    const range = this.sqlite
      .prepare('SELECT MIN(season_year) AS first, MAX(season_year) AS last, MAX(id) AS maxId FROM performances')
      .get() as { first: number | null; last: number | null; maxId: number | null };
    if (range.first === null || range.last === null || range.maxId === null) return this;
    this.firstSeason = range.first;
    this.seasons = range.last - range.first + 1;
    this.readPerformances(range.maxId);
    this.readTariffs();
    this.readOrders();
    this.maxCustomer = (this.sqlite.prepare('SELECT MAX(id) FROM customers').pluck().get() as number | null) ?? 0;
    this.customerSeats = new Float64Array((this.maxCustomer + 1) * this.seasons);
    this.customerPerformances = new Int32Array((this.maxCustomer + 1) * this.seasons);
    this.readTickets();
    return this;
  }

  private readPerformances(maxId: number): void {
    const size = maxId + 1;
    this.perfSeason = new Int32Array(size).fill(-1);
    this.perfDay = new Float64Array(size);
    this.perfDiscipline = new Int32Array(size);
    this.perfSeats = new Float64Array(size);
    this.perfFree = new Float64Array(size);
    this.perfRevenue = new Float64Array(size);
    const numbers = new Map<string, number>();
    const rows = this.sqlite
      .prepare(
        `SELECT p.id, p.season_year, substr(p.starts_at, 1, 10), coalesce(s.discipline, '')
         FROM performances p JOIN shows s ON s.id = p.show_id`,
      )
      .raw()
      .all() as [number, number, string, string][];
    for (const [id, season, date, discipline] of rows) {
      let number = numbers.get(discipline);
      if (number === undefined) numbers.set(discipline, (number = numbers.size));
      this.perfSeason[id] = season - this.firstSeason;
      this.perfDay[id] = dayNumber(date);
      this.perfDiscipline[id] = number;
    }
    this.disciplines = [...numbers.keys()];
  }

  private readTariffs(): void {
    const rows = this.sqlite.prepare('SELECT id, kind FROM tariffs').raw().all() as [number, string][];
    this.freeTariff = new Uint8Array(rows.reduce((max, [id]) => Math.max(max, id), 0) + 1);
    for (const [id, kind] of rows) if (kind === 'free') this.freeTariff[id] = 1;
  }

  private readOrders(): void {
    const bounds = this.sqlite
      .prepare('SELECT MAX(id) AS maxId, MIN(substr(ordered_at, 1, 10)) AS first, MAX(substr(ordered_at, 1, 10)) AS last FROM orders')
      .get() as { maxId: number | null; first: string | null; last: string | null };
    const size = (bounds.maxId ?? 0) + 1;
    this.orderCustomer = new Int32Array(size);
    this.orderDay = new Int32Array(size).fill(-1);
    const first = dayNumber(bounds.first);
    const last = dayNumber(bounds.last);
    this.firstDay = Number.isNaN(first) ? 0 : first;
    this.days = Number.isNaN(first) || Number.isNaN(last) ? 0 : last - first + 1;
    const { firstDay } = this;
    const onOrder = (id: number, customer: number | null, date: string | null) => {
      this.orderCustomer[id] = customer ?? 0;
      const day = dayNumber(date);
      if (!Number.isNaN(day)) this.orderDay[id] = day - firstDay;
    };
    forEachRow(this.sqlite, ['id', 'customer_id', 'substr(ordered_at, 1, 10)'], 'orders', onOrder);
    this.saleSeats = new Float64Array(this.seasons * (this.days + 1));
    this.saleRevenue = new Float64Array(this.seasons * (this.days + 1));
    this.paceSeats = new Float64Array(this.seasons * (MAX_DAYS_BEFORE + 1));
  }

  private readTickets(): void {
    const { perfSeason, perfDay, perfDiscipline, perfSeats, perfFree, perfRevenue, freeTariff, orderCustomer, orderDay } = this;
    const { saleSeats, saleRevenue, paceSeats, customerSeats, customerPerformances, disciplineSeen, firstDay, seasons } = this;
    const daySlots = this.days + 1;
    const disciplines = this.disciplines.length;
    const performanceSlots = perfSeason.length;
    // (customer, performance) pairs seen: a customer × performance is counted once in the ladder.
    const attended = new Set<number>();
    const orders = orderCustomer.length;
    const onTicket = (order: number, perf: number, tariff: number, price: number, seats: number) => {
      const season = perfSeason[perf];
      // A line whose order or performance does not exist: the import's foreign-key check, which
      // runs after the rebuild, refuses it and rolls everything back; counting it here would only
      // write nonsense that the rollback removes.
      if (!(season >= 0) || !(order > 0 && order < orders)) return;
      const revenue = seats * price;
      perfSeats[perf] += seats;
      perfRevenue[perf] += revenue;
      if (price === 0 || freeTariff[tariff] === 1) perfFree[perf] += seats;
      const day = orderDay[order];
      const daySlot = season * daySlots + (day < 0 ? daySlots - 1 : day);
      saleSeats[daySlot] += seats;
      saleRevenue[daySlot] += revenue;
      if (day >= 0) {
        const before = Math.min(MAX_DAYS_BEFORE, Math.max(0, perfDay[perf] - (day + firstDay)));
        paceSeats[season * (MAX_DAYS_BEFORE + 1) + before] += seats;
      }
      const customer = orderCustomer[order];
      if (customer === 0) return;
      const slot = customer * seasons + season;
      customerSeats[slot] += seats;
      const pair = customer * performanceSlots + perf;
      if (attended.has(pair)) return;
      attended.add(pair);
      customerPerformances[slot]++;
      disciplineSeen.add(slot * disciplines + perfDiscipline[perf]);
    };
    forEachRow(
      this.sqlite,
      ['order_id', 'performance_id', 'tariff_id', 'unit_price_cents', 'valid_seats'],
      'tickets WHERE valid_seats > 0',
      onTicket,
    );
  }

  /** performance_stats rows: every performance, sold or not. */
  performanceRows(): Row[] {
    const rows: Row[] = [];
    this.perfSeason.forEach((season, id) => {
      if (season >= 0) rows.push([id, this.perfSeats[id], this.perfFree[id], Math.round(this.perfRevenue[id])]);
    });
    return rows;
  }

  /** season_sales_days rows, '' for the seats of undated orders. */
  salesDayRows(): Row[] {
    const rows: Row[] = [];
    const daySlots = this.days + 1;
    for (let s = 0; s < this.seasons; s++) {
      const season = this.firstSeason + s;
      const undated = s * daySlots + daySlots - 1;
      if (this.saleSeats[undated] > 0) rows.push([season, '', this.saleSeats[undated], Math.round(this.saleRevenue[undated])]);
      for (let d = 0; d < this.days; d++) {
        const slot = s * daySlots + d;
        if (this.saleSeats[slot] > 0) rows.push([season, isoOfDay(this.firstDay + d), this.saleSeats[slot], Math.round(this.saleRevenue[slot])]);
      }
    }
    return rows;
  }

  /** season_pace rows. */
  paceRows(): Row[] {
    const rows: Row[] = [];
    for (let s = 0; s < this.seasons; s++) {
      for (let d = 0; d <= MAX_DAYS_BEFORE; d++) {
        const seats = this.paceSeats[s * (MAX_DAYS_BEFORE + 1) + d];
        if (seats > 0) rows.push([this.firstSeason + s, d, seats]);
      }
    }
    return rows;
  }

  /** The first season index of each customer with a valid seat (-1: none). */
  private firstSeasons(): Int32Array {
    const first = new Int32Array(this.maxCustomer + 1).fill(-1);
    for (let c = 1; c <= this.maxCustomer; c++) {
      for (let s = 0; s < this.seasons; s++) {
        if (this.customerPerformances[c * this.seasons + s] > 0) {
          first[c] = s;
          break;
        }
      }
    }
    return first;
  }

  /** season_ladder rows: spectators by exact number of distinct performances, and the new ones. */
  ladderRows(): Row[] {
    const first = this.firstSeasons();
    const counts = new Map<number, [number, number]>();
    for (let c = 1; c <= this.maxCustomer; c++) {
      for (let s = 0; s < this.seasons; s++) {
        const attended = this.customerPerformances[c * this.seasons + s];
        if (attended === 0) continue;
        const key = s * 1_000_000 + attended;
        const count = counts.get(key) ?? [0, 0];
        count[0]++;
        if (first[c] === s) count[1]++;
        counts.set(key, count);
      }
    }
    return [...counts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([key, [spectators, newcomers]]) => [this.firstSeason + Math.floor(key / 1_000_000), key % 1_000_000, spectators, newcomers]);
  }

  /** season_disciplines rows. */
  disciplineRows(): Row[] {
    const d = this.disciplines.length;
    const counts = new Map<string, number>();
    for (const key of this.disciplineSeen) {
      const slot = Math.floor(key / d);
      const season = this.firstSeason + (slot % this.seasons);
      const id = `${season}\u0000${this.disciplines[key % d]}`;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const rows: Row[] = [...counts].map(([id, spectators]) => {
      const [season, discipline] = id.split('\u0000');
      return [Number(season), discipline, spectators];
    });
    return rows.sort((a, b) => compareKeys(a, b, 2));
  }

  /** season_places rows: each spectator where the customer file says they live. */
  placeRows(): Row[] {
    const counts = new Map<string, [number, number, string, string, string]>();
    const customers = this.sqlite.prepare('SELECT id, country, postal_code, city FROM customers').raw().all() as [
      number,
      string | null,
      string | null,
      string | null,
    ][];
    for (const [id, rawCountry, rawPostal, rawCity] of customers) {
      if (id > this.maxCustomer) continue;
      const country = normaliseCountry(rawCountry);
      const postal = normalisePostalCode(rawPostal, country);
      const city = (rawCity ?? '').trim();
      for (let s = 0; s < this.seasons; s++) {
        const slot = id * this.seasons + s;
        if (this.customerPerformances[slot] === 0) continue;
        const season = this.firstSeason + s;
        const key = `${season}\u0000${country}\u0000${postal}\u0000${city}`;
        let count = counts.get(key);
        if (!count) counts.set(key, (count = [0, 0, country, postal, city]));
        count[0]++;
        count[1] += this.customerSeats[slot];
      }
    }
    const rows: Row[] = [...counts].map(([key, [spectators, seats, country, postal, city]]) => [
      Number(key.slice(0, key.indexOf('\u0000'))),
      country,
      postal,
      city,
      spectators,
      seats,
    ]);
    return rows.sort((a, b) => compareKeys(a, b, 4));
  }
}
