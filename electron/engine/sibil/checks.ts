/**
 * What to look at before declaring a quarter (each check names what it concerns; the screen says
 * what to do): a performance without capacity, or with more tickets than its capacity; a tariff
 * sold in the quarter whose kind the user never confirmed (it decides full, subscription, free);
 * a performance with no ticket; a show without a domain; a show whose performances fall in
 * several quarters (each is declared in its own quarter, performance by performance).
 */
import type Database from 'better-sqlite3';
import { quarterBounds, quarterLabel, quarterOf, type Quarter, type SibilCheck, type SibilLine } from '../../../shared/sibil.js';

/** Tariffs sold in the quarter whose kind no user confirmed (`tariffs.kind_confirmed`, set on the Tarifs screen). */
const UNCONFIRMED_TARIFFS_SQL = `
SELECT DISTINCT f.name, f.kind FROM tariffs f
WHERE f.kind_confirmed = 0 AND f.id IN (
  SELECT t.tariff_id FROM tickets t
  WHERE t.valid_seats > 0
    AND t.performance_id IN (SELECT id FROM performances WHERE starts_at >= @from AND starts_at < @until))
ORDER BY f.name, f.kind`;

const OTHER_QUARTERS_SQL = `
SELECT show_id AS showId, starts_at AS startsAt FROM performances
WHERE show_id IN (SELECT show_id FROM performances WHERE starts_at >= @from AND starts_at < @until)
  AND (starts_at < @from OR starts_at >= @until)`;

export function declarationChecks(sqlite: Database.Database, quarter: Quarter, lines: SibilLine[]): SibilCheck[] {
  const checks: SibilCheck[] = [];
  const each = (code: SibilCheck['code'], keep: (line: SibilLine) => boolean) => {
    for (const line of lines.filter(keep)) checks.push({ code, performanceKeys: [line.key], subject: line.spectacle });
  };
  each('noCapacity', (line) => line.jauge === null);
  each('overCapacity', (line) => line.jauge !== null && line.nbBilletsTotalBilletterie > line.jauge);
  each('noTicket', (line) => line.nbBilletsTotalBilletterie === 0);

  const bounds = quarterBounds(quarter);
  // One check for all of them: a first import confirms nothing, and ten lines saying the same would bury the others.
  const tariffs = sqlite.prepare(UNCONFIRMED_TARIFFS_SQL).all(bounds) as { name: string; kind: string }[];
  const names = [...new Set(tariffs.map((tariff) => `« ${tariff.name || '(sans nom)'} »`))];
  if (names.length > 0) checks.push({ code: 'unconfirmedTariff', performanceKeys: [], subject: names.join(', ') });

  const shows = new Map<number, SibilLine[]>();
  for (const line of lines) shows.set(line.showId, [...(shows.get(line.showId) ?? []), line]);
  for (const showLines of shows.values()) {
    if (showLines[0].domaine === null) {
      checks.push({ code: 'noDomain', performanceKeys: showLines.map((l) => l.key), subject: showLines[0].spectacle });
    }
  }

  const others = new Map<number, Set<string>>();
  for (const row of sqlite.prepare(OTHER_QUARTERS_SQL).all(bounds) as { showId: number; startsAt: string }[]) {
    others.set(row.showId, (others.get(row.showId) ?? new Set()).add(quarterLabel(quarterOf(row.startsAt))));
  }
  for (const [showId, quarters] of others) {
    const showLines = shows.get(showId) ?? [];
    checks.push({
      code: 'seriesAcrossQuarters',
      performanceKeys: showLines.map((l) => l.key),
      subject: `${showLines[0]?.spectacle ?? ''} (${[...quarters].sort().join(', ')})`,
    });
  }
  return checks;
}
