/**
 * A quarter's SIBIL declaration: one line per performance held in it, with the ministry's fields
 * (DOMAIN.md, « SIBIL »). Counting rules, those of every figure of Parterre: valid seats only
 * (cancelled seats and reversal lines count nothing), revenue = valid seats × unit price, tax
 * included. A ticket is exonéré (free) at price 0 or with a free tariff kind — so a free ticket
 * under a full-price tariff name counts as free —, else it counts under its tariff's kind.
 * Reduced-price tickets count in the totals only.
 *
 * The tickets are summed by one pass over the tickets table: no index leads from a performance to
 * its tickets (see db/schema.ts), and a quarterly declaration can afford one scan.
 */
import type Database from 'better-sqlite3';
import { quarterBounds, type Quarter, type SibilDomain, type SibilLine } from '../../../shared/sibil.js';
import { getSetting } from '../settings.js';
import { proposeDomain } from './domains.js';

interface PerformanceRow {
  performanceId: number;
  key: string;
  startsAt: string;
  hall: string | null;
  capacity: number | null;
  showId: number;
  title: string;
  discipline: string | null;
  sibilDomain: string | null;
}

interface TallyRow {
  performanceId: number;
  total: number;
  revenue: number;
  free: number;
  full: number;
  fullRevenue: number;
  subscription: number;
  reduced: number;
}

const PERFORMANCES_SQL = `
SELECT p.id AS performanceId, p.source_key AS key, p.starts_at AS startsAt, p.hall, p.capacity,
       s.id AS showId, s.title, s.discipline, s.sibil_domain AS sibilDomain
FROM performances p JOIN shows s ON s.id = p.show_id
WHERE p.starts_at >= @from AND p.starts_at < @until
ORDER BY p.starts_at, p.id`;

// The CASE order is the rule: free first (price 0 or free kind), then the tariff's kind.
const TALLY_SQL = `
SELECT performanceId, SUM(seats) AS total, SUM(seats * price) AS revenue,
       SUM(CASE WHEN bucket = 'free' THEN seats ELSE 0 END) AS free,
       SUM(CASE WHEN bucket = 'full' THEN seats ELSE 0 END) AS "full",
       SUM(CASE WHEN bucket = 'full' THEN seats * price ELSE 0 END) AS fullRevenue,
       SUM(CASE WHEN bucket = 'subscription' THEN seats ELSE 0 END) AS subscription,
       SUM(CASE WHEN bucket = 'reduced' THEN seats ELSE 0 END) AS reduced
FROM (
  SELECT t.performance_id AS performanceId, t.valid_seats AS seats, t.unit_price_cents AS price,
         CASE WHEN t.unit_price_cents = 0 OR f.kind = 'free' THEN 'free' ELSE f.kind END AS bucket
  FROM tickets t JOIN tariffs f ON f.id = t.tariff_id
  WHERE t.valid_seats > 0
    AND t.performance_id IN (SELECT id FROM performances WHERE starts_at >= @from AND starts_at < @until)
)
GROUP BY performanceId`;

/** Cents → euros with two decimals, as the ministry's form takes them. */
export const euros = (cents: number): number => Math.round(cents) / 100;
/** An average price in euros, rounded to the cent; null when nothing was sold. */
const averageEuros = (cents: number, tickets: number): number | null => (tickets > 0 ? euros(Math.round(cents / tickets)) : null);

/** « Théâtre municipal — Grande salle »: the venue's name (Paramètres) and the hall, whichever are known. */
function place(venue: string, hall: string | null): string {
  return [venue, hall?.trim()].filter(Boolean).join(' — ');
}

export function declarationLines(sqlite: Database.Database, quarter: Quarter): SibilLine[] {
  const bounds = quarterBounds(quarter);
  const venue = (getSetting(sqlite, 'venueName') ?? '').trim();
  const performances = sqlite.prepare(PERFORMANCES_SQL).all(bounds) as PerformanceRow[];
  const tallies = new Map(
    (sqlite.prepare(TALLY_SQL).all(bounds) as TallyRow[]).map((row) => [row.performanceId, row]),
  );
  return performances.map((p) => {
    const t = tallies.get(p.performanceId);
    const total = t?.total ?? 0;
    const revenue = t?.revenue ?? 0;
    const free = t?.free ?? 0;
    const full = t?.full ?? 0;
    const fullRevenue = t?.fullRevenue ?? 0;
    const chosen = p.sibilDomain as SibilDomain | null;
    const proposed = chosen ? null : proposeDomain(p.discipline);
    return {
      key: p.key,
      spectacle: p.title,
      lieu: place(venue, p.hall),
      dateHeureRepresentation: p.startsAt,
      jauge: p.capacity,
      nbBilletsTarifPlein: full,
      recetteTarifPlein: euros(fullRevenue),
      prixMoyenTarifPlein: averageEuros(fullRevenue, full),
      nbBilletsTarifAbonnementForfait: t?.subscription ?? 0,
      nbBilletsExoneres: free,
      nbBilletsTotalBilletterie: total,
      recetteTotalBilletterie: euros(revenue),
      // Over the paying tickets, as Parterre's average price (DOMAIN.md): exonérés pay nothing.
      prixMoyenTotalBilletterie: averageEuros(revenue, total - free),
      domaine: chosen ?? proposed,
      performanceId: p.performanceId,
      showId: p.showId,
      discipline: p.discipline,
      domaineSource: chosen ? 'user' : proposed ? 'proposed' : null,
      nbBilletsTarifReduit: t?.reduced ?? 0,
    };
  });
}
