/**
 * The season and customer indicators of a ticket-lines export, computed a second way: straight
 * from the file (iconv-lite + papaparse, all in memory) and the definitions of DOMAIN.md and
 * docs/import-rules.md, in plain JavaScript. It imports no engine code on purpose: the
 * end-to-end test compares the engine's figures with these, so a shared misunderstanding in
 * shared code could not hide a bug.
 *
 * It reads the demo's layout (the Sirius-style headers of resources/demo/csv.ts), which is all
 * the end-to-end test needs.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';

export type TariffKind = 'full' | 'reduced' | 'subscription' | 'free';

export interface SourceLine {
  /** 1-based position among the data lines (file order). */
  index: number;
  ticket: string;
  order: string;
  orderedAt: string;
  cancelledState: boolean;
  unitPriceCents: number;
  seats: number;
  tariff: string;
  kind: TariffKind;
  performance: string;
  performanceDate: string;
  seasonYear: number;
  showTitle: string;
  discipline: string;
  capacity: number | null;
  vatPercent: number | null;
  /** '' for an anonymous counter sale. */
  customer: string;
  isReversal: boolean;
  /** Seats cancelled by reversal lines (sales only). */
  cancelledSeats: number;
}

export interface SeasonFigures {
  seasonYear: number;
  performances: number;
  tickets: number;
  ticketsPaid: number;
  ticketsFree: number;
  revenueCents: number;
  /** Unrounded: Σ valid seats × price / (1 + VAT). */
  revenueExclTaxCents: number;
  orders: number;
  spectators: number;
  newSpectators: number;
  returning: number;
  reactivated: number;
  retentionRate: number | null;
  subscribers: number;
  fillRate: number | null;
}

export interface CustomerFigures {
  key: string;
  lifetimeValueCents: number;
  orders: number;
  tickets: number;
  activeSeasons: number;
  firstPurchase: string | null;
  lastPurchase: string | null;
}

export interface IndependentFigures {
  lines: SourceLine[];
  seasons: SeasonFigures[];
  customers: Map<string, CustomerFigures>;
  /** Distinct keys the file holds: what the import should store, one row each. */
  distinct: { tickets: number; orders: number; customers: number; performances: number; shows: number };
  reversals: { matched: number; unmatched: number };
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** docs/import-rules.md, "Tariff kinds": free, then subscription, then reduced, else full. */
export function tariffKind(tariff: string, unitPriceCents: number): TariffKind {
  const name = plain(tariff);
  if (unitPriceCents === 0 || /\b(invitation|exonere|gratuit|free|complimentary)/.test(name)) return 'free';
  if (/\b(abonnement|abonne|abo|pass|carte|subscription)\b/.test(name)) return 'subscription';
  if (/\b(reduit|jeune|etudiant|senior|demandeur d'emploi|chomeur|enfant|groupe|scolaire|reduced|concession|student|child)/.test(name))
    return 'reduced';
  return 'full';
}

/** `24,50` or `-24,50` → cents. */
function cents(amount: string): number {
  return Math.round(Number(amount.replace(/\s/g, '').replace(',', '.')) * 100);
}

/** `dd/mm/yyyy` (and an optional ` hh:mm`) → `yyyy-mm-ddThh:mm:00`. */
function isoInstant(text: string): string {
  const [date, time = '00:00'] = text.trim().split(' ');
  const [d, m, y] = date.split('/');
  return `${y}-${m}-${d}T${time.length === 5 ? `${time}:00` : time}`;
}

function seasonOf(isoDate: string, startMonth: number): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return startMonth === 1 || month >= startMonth ? year : year - 1;
}

export function readLines(path: string, seasonStartMonth = 9): SourceLine[] {
  const text = iconv.decode(readFileSync(path), 'win1252');
  const parsed = Papa.parse<string[]>(text, { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`papaparse: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  const [header, ...rows] = parsed.data;
  const col = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`column ${name} missing`);
    return at;
  };
  const c = {
    ticket: col('N° billet'),
    order: col('N° commande'),
    orderDate: col('Date commande'),
    state: col('Etat'),
    amount: col('Montant'),
    seats: col('nbPlaces'),
    tariff: col('Tarif'),
    performance: col('N° séance'),
    date: col('Date séance'),
    time: col('Heure séance'),
    show: col('Spectacle'),
    discipline: col('Discipline'),
    capacity: col('Jauge'),
    vat: col('Taux TVA'),
    customer: col('N° client'),
  };
  return rows.map((r, i) => {
    const unitPriceCents = cents(r[c.amount]);
    const seats = r[c.seats] === '' ? 1 : Number(r[c.seats]);
    const cancelledState = /^(a|annule|cancelled)$/.test(plain(r[c.state].trim()));
    const performanceDate = isoInstant(`${r[c.date]} ${r[c.time]}`);
    return {
      index: i + 1,
      ticket: r[c.ticket],
      order: r[c.order],
      orderedAt: isoInstant(r[c.orderDate]),
      cancelledState,
      unitPriceCents,
      seats,
      tariff: r[c.tariff],
      kind: tariffKind(r[c.tariff], Math.abs(unitPriceCents)),
      performance: r[c.performance],
      performanceDate,
      seasonYear: seasonOf(performanceDate, seasonStartMonth),
      showTitle: r[c.show],
      discipline: r[c.discipline],
      capacity: r[c.capacity] === '' ? null : Number(r[c.capacity]),
      vatPercent: r[c.vat] === '' ? null : Number(r[c.vat].replace(',', '.')),
      customer: r[c.customer].trim(),
      isReversal: cancelledState || unitPriceCents < 0 || seats < 0,
      cancelledSeats: 0,
    };
  });
}

/** docs/import-rules.md, "Cancellations": same ticket number, else same order, performance and |price|. */
function matchReversals(lines: SourceLine[]): { matched: number; unmatched: number } {
  const byTicket = new Map<string, SourceLine>();
  const byOrderPerformancePrice = new Map<string, SourceLine[]>();
  for (const line of lines) {
    if (line.isReversal) continue;
    byTicket.set(line.ticket, line);
    const key = `${line.order}|${line.performance}|${line.unitPriceCents}`;
    const list = byOrderPerformancePrice.get(key) ?? [];
    list.push(line);
    byOrderPerformancePrice.set(key, list);
  }
  let matched = 0;
  let unmatched = 0;
  for (const reversal of lines) {
    if (!reversal.isReversal) continue;
    const seats = Math.abs(reversal.seats);
    const sale =
      byTicket.get(reversal.ticket) ??
      byOrderPerformancePrice
        .get(`${reversal.order}|${reversal.performance}|${Math.abs(reversal.unitPriceCents)}`)
        ?.find((s) => s.seats - s.cancelledSeats > 0);
    if (!sale) {
      unmatched++;
      continue;
    }
    sale.cancelledSeats += Math.min(seats, sale.seats - sale.cancelledSeats);
    matched++;
  }
  return { matched, unmatched };
}

const validSeats = (line: SourceLine) => (line.isReversal ? 0 : line.seats - line.cancelledSeats);

export function computeIndependently(path: string, seasonStartMonth = 9): IndependentFigures {
  const lines = readLines(path, seasonStartMonth);
  const reversals = matchReversals(lines);

  const seasonYears = [...new Set(lines.map((l) => l.seasonYear))].sort((a, b) => a - b);
  const spectatorsOf = new Map<number, Set<string>>();
  for (const year of seasonYears) spectatorsOf.set(year, new Set());
  for (const line of lines) if (line.customer && validSeats(line) > 0) spectatorsOf.get(line.seasonYear)!.add(line.customer);

  const seasons = seasonYears.map((year): SeasonFigures => {
    const inSeason = lines.filter((l) => l.seasonYear === year);
    const valid = inSeason.filter((l) => validSeats(l) > 0);
    const tickets = valid.reduce((n, l) => n + validSeats(l), 0);
    const ticketsFree = valid.filter((l) => l.kind === 'free').reduce((n, l) => n + validSeats(l), 0);
    const performances = new Map<string, number | null>();
    for (const l of inSeason) performances.set(l.performance, l.capacity);
    const capacity = [...performances.values()].reduce<number>((n, c) => n + (c ?? 0), 0);
    const ticketsWithCapacity = valid.filter((l) => l.capacity !== null).reduce((n, l) => n + validSeats(l), 0);
    const spectators = spectatorsOf.get(year)!;
    const previous = spectatorsOf.get(year - 1) ?? new Set<string>();
    const earlier = new Set<string>();
    for (const [y, set] of spectatorsOf) if (y < year) for (const c of set) earlier.add(c);
    const earlierThanPrevious = new Set<string>();
    for (const [y, set] of spectatorsOf) if (y < year - 1) for (const c of set) earlierThanPrevious.add(c);
    const returning = [...spectators].filter((c) => previous.has(c)).length;
    return {
      seasonYear: year,
      performances: performances.size,
      tickets,
      ticketsPaid: tickets - ticketsFree,
      ticketsFree,
      revenueCents: valid.reduce((n, l) => n + validSeats(l) * l.unitPriceCents, 0),
      revenueExclTaxCents: valid.reduce((n, l) => n + (validSeats(l) * l.unitPriceCents) / (1 + (l.vatPercent ?? 0) / 100), 0),
      orders: new Set(valid.map((l) => l.order)).size,
      spectators: spectators.size,
      newSpectators: [...spectators].filter((c) => !earlier.has(c)).length,
      returning,
      reactivated: [...spectators].filter((c) => !previous.has(c) && earlierThanPrevious.has(c)).length,
      retentionRate: previous.size === 0 ? null : returning / previous.size,
      subscribers: new Set(valid.filter((l) => l.customer && l.kind === 'subscription').map((l) => l.customer)).size,
      fillRate: capacity === 0 ? null : ticketsWithCapacity / capacity,
    };
  });

  const customers = new Map<string, CustomerFigures>();
  const ordersOf = new Map<string, Map<string, string>>();
  const seasonsOf = new Map<string, Set<number>>();
  for (const line of lines) {
    if (!line.customer) continue;
    let figures = customers.get(line.customer);
    if (!figures) {
      figures = { key: line.customer, lifetimeValueCents: 0, orders: 0, tickets: 0, activeSeasons: 0, firstPurchase: null, lastPurchase: null };
      customers.set(line.customer, figures);
      ordersOf.set(line.customer, new Map());
      seasonsOf.set(line.customer, new Set());
    }
    const seats = validSeats(line);
    if (seats <= 0) continue;
    figures.lifetimeValueCents += seats * line.unitPriceCents;
    figures.tickets += seats;
    ordersOf.get(line.customer)!.set(line.order, line.orderedAt);
    seasonsOf.get(line.customer)!.add(line.seasonYear);
  }
  for (const figures of customers.values()) {
    const dates = [...ordersOf.get(figures.key)!.values()].sort();
    figures.orders = dates.length;
    figures.activeSeasons = seasonsOf.get(figures.key)!.size;
    figures.firstPurchase = dates[0] ?? null;
    figures.lastPurchase = dates[dates.length - 1] ?? null;
  }

  return {
    lines,
    seasons,
    customers,
    distinct: {
      tickets: lines.length,
      orders: new Set(lines.map((l) => l.order)).size,
      customers: customers.size,
      performances: new Set(lines.map((l) => l.performance)).size,
      shows: new Set(lines.map((l) => plain(l.showTitle).replace(/[^a-z0-9]+/g, ' ').trim())).size,
    },
    reversals,
  };
}
