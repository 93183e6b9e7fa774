/**
 * Fills a database with a synthetic box office of any size through plain INSERTs (no importer):
 * what the indicator benchmark measures on. Deterministic (seeded), so timings compare.
 */
import type Database from 'better-sqlite3';
import { customerSearchText } from '../../../electron/engine/kpi/search-text.js';
import { seasonYearOf } from '../../../shared/season.js';

export interface SyntheticSize {
  customers: number;
  tickets: number;
  seasons: number;
  performancesPerSeason: number;
}

/** mulberry32: a tiny seeded generator, enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function fillSynthetic(sqlite: Database.Database, size: SyntheticSize, seed = 42): void {
  const rnd = random(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const disciplines = ['Théâtre', 'Danse', 'Musique', 'Cirque', 'Jeune public'];
  const firstYear = 2025 - size.seasons;
  sqlite.transaction(() => {
    const customer = sqlite.prepare(
      'INSERT INTO customers (id, source_key, last_name, first_name, email, postal_code, city, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 1; i <= size.customers; i++) {
      const c = { lastName: `Nom${i}`, firstName: `Prénom${i}`, email: `client${i}@exemple.fr`, postalCode: `750${pad(i % 20)}`, city: 'Paris' };
      // Written with the row, as the importer does: the rebuild only fills texts left empty.
      customer.run(i, `C${i}`, c.lastName, c.firstName, c.email, c.postalCode, c.city, customerSearchText(c));
    }
    const show = sqlite.prepare('INSERT INTO shows (id, source_key, title, discipline) VALUES (?, ?, ?, ?)');
    const performance = sqlite.prepare(
      'INSERT INTO performances (id, source_key, show_id, starts_at, season_year, capacity, vat_rate_bp) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const performanceCount = size.seasons * size.performancesPerSeason;
    const performanceDates: string[] = [];
    for (let p = 1; p <= performanceCount; p++) {
      const season = firstYear + Math.floor((p - 1) / size.performancesPerSeason);
      const month = ((8 + pick(10)) % 12) + 1; // September to June
      const year = month >= 9 ? season : season + 1;
      const startsAt = `${year}-${pad(month)}-${pad(1 + pick(28))}T20:30:00`;
      show.run(p, `S${p}`, `Spectacle ${p}`, disciplines[p % disciplines.length]);
      performance.run(p, `P${p}`, p, startsAt, seasonYearOf(startsAt), p % 10 === 0 ? null : 400, 550);
      performanceDates.push(startsAt);
    }
    const order = sqlite.prepare('INSERT INTO orders (id, source_key, customer_id, ordered_at, channel) VALUES (?, ?, ?, ?, ?)');
    const ticket = sqlite.prepare(
      `INSERT INTO tickets (id, source_key, order_id, performance_id, tariff_id,
        unit_price_cents, seats, cancelled_seats, valid_seats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // One tariff per kind, named after it but for the subscription's formula.
    const tariffIds = new Map<string, number>();
    const tariff = sqlite.prepare('INSERT INTO tariffs (name, kind) VALUES (?, ?)');
    for (const kind of ['full', 'reduced', 'subscription', 'free']) {
      tariffIds.set(kind, Number(tariff.run(kind === 'subscription' ? 'Abonnement 4' : kind, kind).lastInsertRowid));
    }
    let ticketId = 0;
    let orderId = 0;
    while (ticketId < size.tickets) {
      orderId++;
      const customerId = rnd() < 0.1 ? null : 1 + pick(size.customers);
      const p = 1 + pick(performanceCount);
      const startsAt = performanceDates[p - 1];
      order.run(orderId, `O${orderId}`, customerId, `${startsAt.slice(0, 8)}01T10:00:00`, 'guichet');
      const lines = 1 + pick(4);
      for (let l = 0; l < lines && ticketId < size.tickets; l++) {
        ticketId++;
        const r = rnd();
        const kind = r < 0.05 ? 'free' : r < 0.15 ? 'subscription' : r < 0.4 ? 'reduced' : 'full';
        const price = kind === 'free' ? 0 : 1000 + pick(30) * 100;
        const seats = rnd() < 0.1 ? 2 : 1;
        const cancelled = rnd() < 0.03 ? seats : 0;
        ticket.run(ticketId, `T${ticketId}`, orderId, p, tariffIds.get(kind), price, seats, cancelled, seats - cancelled);
      }
    }
  })();
}
