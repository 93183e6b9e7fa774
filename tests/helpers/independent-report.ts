/**
 * The season report's figures computed a second way, for the tests: one plain SELECT of every
 * valid ticket line with its order, performance, show, tariff and customer, then the
 * definitions of DOMAIN.md (« Season indicators ») in plain JavaScript. It imports no engine
 * code on purpose, nor the report's postal-code table: départements come straight from
 * @etalab/decoupage-administratif's communes.
 */
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const COMMUNES = require('@etalab/decoupage-administratif/data/communes.json') as {
  nom: string;
  type: string;
  departement: string;
  codesPostaux?: string[];
}[];

export interface Line {
  seats: number;
  price: number;
  kind: string;
  order: number;
  customer: number | null;
  orderedAt: string | null;
  performance: string;
  startsAt: string;
  capacity: number | null;
  show: string;
  discipline: string | null;
  postalCode: string | null;
  city: string | null;
  season: number;
}

/** Every valid ticket line; the season from the performance date, the season starting in September. */
export function readLines(sqlite: Database.Database): Line[] {
  const rows = sqlite
    .prepare(
      `SELECT t.valid_seats AS seats, t.unit_price_cents AS price, tr.kind, o.id AS "order", o.customer_id AS customer,
              o.ordered_at AS orderedAt, p.source_key AS performance, p.starts_at AS startsAt, p.capacity,
              s.title AS show, s.discipline, c.postal_code AS postalCode, c.city
       FROM tickets t
       JOIN orders o ON o.id = t.order_id
       JOIN performances p ON p.id = t.performance_id
       JOIN shows s ON s.id = p.show_id
       JOIN tariffs tr ON tr.id = t.tariff_id
       LEFT JOIN customers c ON c.id = o.customer_id
       WHERE t.valid_seats > 0`,
    )
    .all() as Omit<Line, 'season'>[];
  return rows.map((row) => {
    const year = Number(row.startsAt.slice(0, 4));
    const month = Number(row.startsAt.slice(5, 7));
    return { ...row, season: month >= 9 ? year : year - 1 };
  });
}

const isFree = (line: Line) => line.price === 0 || line.kind === 'free';
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function performanceFigures(sqlite: Database.Database, lines: Line[], season: number) {
  const all = sqlite
    .prepare('SELECT p.source_key AS key, p.capacity FROM performances p WHERE p.starts_at >= ? AND p.starts_at < ?')
    .all(`${season}-09-01`, `${season + 1}-09-01`) as { key: string; capacity: number | null }[];
  const figures = new Map(all.map((p) => [p.key, { tickets: 0, free: 0, revenue: 0, capacity: p.capacity }]));
  for (const line of lines) {
    if (line.season !== season) continue;
    const f = figures.get(line.performance)!;
    f.tickets += line.seats;
    f.revenue += line.seats * line.price;
    if (isFree(line)) f.free += line.seats;
  }
  return figures;
}

export function seasonTotals(lines: Line[], season: number) {
  const mine = lines.filter((l) => l.season === season);
  const customersBySeason = new Map<number, Set<number>>();
  for (const line of lines) {
    if (line.customer === null) continue;
    if (!customersBySeason.has(line.customer)) customersBySeason.set(line.customer, new Set());
    customersBySeason.get(line.customer)!.add(line.season);
  }
  const spectators = new Set(mine.filter((l) => l.customer !== null).map((l) => l.customer!));
  let newcomers = 0;
  let returning = 0;
  let reactivated = 0;
  for (const customer of spectators) {
    const seasons = customersBySeason.get(customer)!;
    const earlier = [...seasons].filter((s) => s < season);
    if (earlier.length === 0) newcomers++;
    else if (seasons.has(season - 1)) returning++;
    else reactivated++;
  }
  const previousSpectators = [...customersBySeason.values()].filter((s) => s.has(season - 1)).length;
  const tickets = mine.reduce((n, l) => n + l.seats, 0);
  const free = mine.filter(isFree).reduce((n, l) => n + l.seats, 0);
  return {
    tickets,
    ticketsPaid: tickets - free,
    ticketsFree: free,
    revenueCents: mine.reduce((n, l) => n + l.seats * l.price, 0),
    orders: new Set(mine.map((l) => l.order)).size,
    spectators: spectators.size,
    newSpectators: newcomers,
    returning,
    reactivated,
    retentionRate: previousSpectators ? returning / previousSpectators : null,
    subscribers: new Set(mine.filter((l) => l.kind === 'subscription' && l.customer !== null).map((l) => l.customer)).size,
  };
}

export function disciplineFigures(lines: Line[], season: number) {
  const figures = new Map<string | null, { tickets: number; revenueCents: number; spectators: Set<number> }>();
  for (const line of lines) {
    if (line.season !== season) continue;
    if (!figures.has(line.discipline)) figures.set(line.discipline, { tickets: 0, revenueCents: 0, spectators: new Set() });
    const f = figures.get(line.discipline)!;
    f.tickets += line.seats;
    f.revenueCents += line.seats * line.price;
    if (line.customer !== null) f.spectators.add(line.customer);
  }
  return figures;
}

/** The audience ladder: distinct performances per spectator, in bands, with the new ones. */
export function ladderFigures(lines: Line[], season: number) {
  const attended = new Map<number, Set<string>>();
  const firstSeason = new Map<number, number>();
  for (const line of lines) {
    if (line.customer === null) continue;
    firstSeason.set(line.customer, Math.min(firstSeason.get(line.customer) ?? Infinity, line.season));
    if (line.season !== season) continue;
    if (!attended.has(line.customer)) attended.set(line.customer, new Set());
    attended.get(line.customer)!.add(line.performance);
  }
  const bands: Record<string, { spectators: number; newSpectators: number }> = {};
  for (const band of ['1', '2', '3', '4-10', '>10']) bands[band] = { spectators: 0, newSpectators: 0 };
  for (const [customer, performances] of attended) {
    const n = performances.size;
    const band = n <= 3 ? String(n) : n <= 10 ? '4-10' : '>10';
    bands[band].spectators++;
    if (firstSeason.get(customer) === season) bands[band].newSpectators++;
  }
  return bands;
}

/** Cumulative valid seats sold at least d days before their performance, for d = 0..max. */
export function bookingPaceFigures(lines: Line[], season: number): Map<number, number> {
  const byDays = new Map<number, number>();
  for (const line of lines) {
    if (line.season !== season || !line.orderedAt) continue;
    const days = Math.max(0, dayOf(line.startsAt) - dayOf(line.orderedAt));
    byDays.set(days, (byDays.get(days) ?? 0) + line.seats);
  }
  const cumulative = new Map<number, number>();
  const max = Math.max(0, ...byDays.keys());
  let total = 0;
  for (let d = max; d >= 0; d--) {
    total += byDays.get(d) ?? 0;
    cumulative.set(d, total);
  }
  return cumulative;
}

export function salesByMonthFigures(lines: Line[], season: number) {
  const months = new Map<string | null, { tickets: number; revenueCents: number }>();
  for (const line of lines) {
    if (line.season !== season) continue;
    const month = line.orderedAt ? line.orderedAt.slice(0, 7) : null;
    if (!months.has(month)) months.set(month, { tickets: 0, revenueCents: 0 });
    months.get(month)!.tickets += line.seats;
    months.get(month)!.revenueCents += line.seats * line.price;
  }
  return months;
}

/** The département of a postal code, from the official communes that carry it (null: none, or several). */
export function departementOfPostalCode(postalCode: string): string | null {
  const departements = new Set(COMMUNES.filter((c) => c.type === 'commune-actuelle' && c.codesPostaux?.includes(postalCode)).map((c) => c.departement));
  return departements.size === 1 ? [...departements][0] : null;
}

export function departementFigures(lines: Line[], season: number) {
  const byCode = new Map<string | null, { spectators: Set<number>; tickets: number }>();
  const cache = new Map<string, string | null>();
  for (const line of lines) {
    if (line.season !== season || line.customer === null) continue;
    const postal = (line.postalCode ?? '').replace(/\s/g, '');
    if (!cache.has(postal)) cache.set(postal, departementOfPostalCode(postal));
    const code = cache.get(postal)!;
    if (!byCode.has(code)) byCode.set(code, { spectators: new Set(), tickets: 0 });
    byCode.get(code)!.spectators.add(line.customer);
    byCode.get(code)!.tickets += line.seats;
  }
  return byCode;
}
