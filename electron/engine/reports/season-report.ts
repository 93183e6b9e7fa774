/**
 * The season report's data for one season and the one before it (DOMAIN.md « Season
 * indicators »), read from the materialised tables only (season_stats through
 * kpi/season-indicators.ts, and the report's own tables of migration 0005): never the tickets.
 */
import type Database from 'better-sqlite3';
import type {
  BookingPace,
  LadderBand,
  LadderStep,
  ReportCommune,
  ReportDepartement,
  ReportDiscipline,
  ReportMonth,
  ReportPerformance,
  SeasonReport,
} from '../../../shared/report-types.js';
import { LADDER_BANDS } from '../../../shared/report-types.js';
import { seasonYearOfLabel } from '../../../shared/season.js';
import type { SeasonIndicators } from '../../../shared/types.js';
import { EngineError } from '../errors.js';
import { seasonIndicators } from '../kpi/season-indicators.js';
import { getSeasonStartMonth, getSetting } from '../settings.js';
import { departementName, placeOf } from './geography.js';

/** How many communes the report lists. */
export const TOP_COMMUNES = 20;

export const ABROAD = 'Étranger';
export const UNKNOWN_PLACE = 'Code postal absent ou inconnu';

/** The season of `label` (the latest when none is given), with the one before it. */
function pickSeasons(all: SeasonIndicators[], label: string | undefined): { season: SeasonIndicators; previous: SeasonIndicators | null } {
  if (all.length === 0) throw new EngineError('NOT_FOUND', 'Aucune saison : importez d’abord un export de billetterie.');
  let season = all[all.length - 1];
  if (label !== undefined) {
    const year = seasonYearOfLabel(label);
    const found = all.find((s) => s.seasonYear === year || s.label === label);
    if (!found) {
      throw new EngineError('NOT_FOUND', `Saison inconnue : « ${label} ». Saisons disponibles : ${all.map((s) => s.label).join(', ')}.`);
    }
    season = found;
  }
  return { season, previous: all.find((s) => s.seasonYear === season.seasonYear - 1) ?? null };
}

export function performancesOf(sqlite: Database.Database, seasonYear: number): ReportPerformance[] {
  const rows = sqlite
    .prepare(
      `SELECT p.source_key AS key, p.starts_at AS date, s.title AS show, s.discipline, p.hall, p.capacity,
              coalesce(ps.tickets, 0) AS tickets, coalesce(ps.tickets_free, 0) AS ticketsFree,
              coalesce(ps.revenue_cents, 0) AS revenueCents
       FROM performances p JOIN shows s ON s.id = p.show_id
       LEFT JOIN performance_stats ps ON ps.performance_id = p.id
       WHERE p.season_year = ?
       ORDER BY p.starts_at, p.source_key`,
    )
    .all(seasonYear) as Omit<ReportPerformance, 'ticketsPaid' | 'fillRate'>[];
  return rows.map((row) => ({
    key: row.key,
    date: row.date,
    show: row.show,
    discipline: row.discipline,
    hall: row.hall,
    capacity: row.capacity,
    tickets: row.tickets,
    ticketsPaid: row.tickets - row.ticketsFree,
    ticketsFree: row.ticketsFree,
    revenueCents: row.revenueCents,
    fillRate: row.capacity && row.capacity > 0 ? row.tickets / row.capacity : null,
  }));
}

function disciplinesOf(sqlite: Database.Database, seasonYear: number, performances: ReportPerformance[]): ReportDiscipline[] {
  const spectators = new Map(
    (sqlite.prepare('SELECT discipline, spectators FROM season_disciplines WHERE season_year = ?').raw().all(seasonYear) as [string, number][]),
  );
  const byName = new Map<string, ReportDiscipline>();
  for (const p of performances) {
    const name = p.discipline ?? '';
    let row = byName.get(name);
    if (!row) byName.set(name, (row = { discipline: p.discipline, tickets: 0, revenueCents: 0, spectators: spectators.get(name) ?? 0 }));
    row.tickets += p.tickets;
    row.revenueCents += p.revenueCents;
  }
  return [...byName.values()].sort((a, b) => b.tickets - a.tickets || (a.discipline ?? '').localeCompare(b.discipline ?? '', 'fr'));
}

function placesOf(sqlite: Database.Database, seasonYear: number): { departements: ReportDepartement[]; communes: ReportCommune[] } {
  const rows = sqlite
    .prepare('SELECT country, postal_code, city, spectators, tickets FROM season_places WHERE season_year = ?')
    .raw()
    .all(seasonYear) as [string, string, string, number, number][];
  const departements = new Map<string, ReportDepartement>();
  const communes = new Map<string, ReportCommune>();
  for (const [country, postalCode, city, spectators, tickets] of rows) {
    const place = placeOf(country, postalCode, city);
    const key = place.departement ?? (country !== '' ? ABROAD : UNKNOWN_PLACE);
    let departement = departements.get(key);
    if (!departement) {
      const name = place.departement ? departementName(place.departement) : key;
      departements.set(key, (departement = { code: place.departement, name, spectators: 0, tickets: 0 }));
    }
    departement.spectators += spectators;
    departement.tickets += tickets;
    if (!place.departement) continue;
    const communeKey = `${postalCode}\u0000${place.commune}`;
    let commune = communes.get(communeKey);
    if (!commune) {
      communes.set(communeKey, (commune = { postalCode, commune: place.commune, departement: place.departement, spectators: 0, tickets: 0 }));
    }
    commune.spectators += spectators;
    commune.tickets += tickets;
  }
  const bySpectators = <T extends { spectators: number; tickets: number }>(a: T, b: T) => b.spectators - a.spectators || b.tickets - a.tickets;
  return {
    departements: [...departements.values()].sort(
      (a, b) => Number(a.code === null) - Number(b.code === null) || bySpectators(a, b) || a.name.localeCompare(b.name, 'fr'),
    ),
    communes: [...communes.values()].sort((a, b) => bySpectators(a, b) || a.commune.localeCompare(b.commune, 'fr')).slice(0, TOP_COMMUNES),
  };
}

function salesByMonthOf(sqlite: Database.Database, seasonYear: number): ReportMonth[] {
  return (
    sqlite
      .prepare(
        `SELECT nullif(substr(sale_date, 1, 7), '') AS month, SUM(tickets) AS tickets, SUM(revenue_cents) AS revenueCents
         FROM season_sales_days WHERE season_year = ? GROUP BY 1 ORDER BY month IS NULL, month`,
      )
      .all(seasonYear) as ReportMonth[]
  );
}

/** The same calendar day one year earlier (29 February → 28 February). */
export function oneYearEarlier(iso: string): string {
  const year = Number(iso.slice(0, 4)) - 1;
  const monthDay = iso.slice(5, 10) === '02-29' ? '02-28' : iso.slice(5, 10);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

function bookingPaceOf(sqlite: Database.Database, seasonYear: number, hasPrevious: boolean): BookingPace {
  const pace = sqlite.prepare('SELECT days_before, tickets FROM season_pace WHERE season_year = ? ORDER BY days_before DESC').raw();
  const current = new Map(pace.all(seasonYear) as [number, number][]);
  const previous = new Map(hasPrevious ? (pace.all(seasonYear - 1) as [number, number][]) : []);
  const longest = Math.max(0, ...current.keys(), ...previous.keys());
  const points = [];
  let tickets = 0;
  let previousTickets = 0;
  for (let days = longest; days >= 0; days--) {
    tickets += current.get(days) ?? 0;
    previousTickets += previous.get(days) ?? 0;
    points.push({ daysBefore: days, tickets, previousTickets: hasPrevious ? previousTickets : null });
  }
  const sales = sqlite.prepare(
    `SELECT max(sale_date) AS last, coalesce(sum(tickets) FILTER (WHERE sale_date <> ''), 0) AS dated,
            coalesce(sum(tickets) FILTER (WHERE sale_date = ''), 0) AS undated
     FROM season_sales_days WHERE season_year = ?`,
  );
  const { last, dated, undated } = sales.get(seasonYear) as { last: string | null; dated: number; undated: number };
  const asOf = last || null;
  const previousAsOf = asOf && hasPrevious ? oneYearEarlier(asOf) : null;
  const previousTicketsAsOf = previousAsOf
    ? ((sqlite
        .prepare("SELECT coalesce(sum(tickets), 0) FROM season_sales_days WHERE season_year = ? AND sale_date <> '' AND sale_date <= ?")
        .pluck()
        .get(seasonYear - 1, previousAsOf) as number))
    : null;
  return { points, asOf, ticketsAsOf: dated, previousAsOf, previousTicketsAsOf, undatedTickets: undated };
}

export function ladderBand(performances: number): LadderBand {
  if (performances <= 3) return String(performances) as LadderBand;
  return performances <= 10 ? '4-10' : '>10';
}

function ladderOf(sqlite: Database.Database, seasonYear: number): LadderStep[] {
  const steps = LADDER_BANDS.map((band) => ({ band, spectators: 0, newSpectators: 0 }));
  const rows = sqlite
    .prepare('SELECT performances, spectators, new_spectators FROM season_ladder WHERE season_year = ?')
    .raw()
    .all(seasonYear) as [number, number, number][];
  for (const [performances, spectators, newcomers] of rows) {
    const step = steps[LADDER_BANDS.indexOf(ladderBand(performances))];
    step.spectators += spectators;
    step.newSpectators += newcomers;
  }
  return steps;
}

export function seasonReport(sqlite: Database.Database, label?: string): SeasonReport {
  const all = seasonIndicators(sqlite, getSeasonStartMonth(sqlite));
  const { season, previous } = pickSeasons(all, label);
  const year = season.seasonYear;
  const performances = performancesOf(sqlite, year);
  return {
    season,
    previous,
    performances,
    disciplines: disciplinesOf(sqlite, year, performances),
    ...placesOf(sqlite, year),
    salesByMonth: salesByMonthOf(sqlite, year),
    bookingPace: bookingPaceOf(sqlite, year, previous !== null),
    ladder: ladderOf(sqlite, year),
    venueName: getSetting(sqlite, 'venueName') ?? '',
    seasons: all.map((s) => ({ seasonYear: s.seasonYear, label: s.label })),
  };
}
