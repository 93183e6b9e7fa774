/**
 * The season report's tables as CSV files a French Excel opens as they are, written by the app's
 * one CSV writer (shared/excel-csv.ts: `;`-separated, UTF-8 with a BOM so the accents survive):
 * numbers with a decimal comma and no thousands separator (so they stay numbers), dates
 * `dd/mm/yyyy`, and text cells that a spreadsheet would run as a formula (= + - @, tab, carriage
 * return first) escaped with a leading apostrophe. Only the text cells: a figure is ours, and a
 * negative one must stay a number.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLines, escapeFormula, euros, frenchDate } from '../../shared/excel-csv.js';
import type { SeasonReport } from '../../shared/report-types.js';
import type { SeasonIndicators } from '../../shared/types.js';

type Cell = string | number | null;

/** A text cell, escaped when a spreadsheet would read it as a formula. */
export function textCell(value: string | null): string {
  return value === null ? '' : escapeFormula(value);
}

/** A number with a decimal comma, at most `digits` decimals, no thousands separator. */
export function numberCell(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '';
  return (Math.round(value * 10 ** digits) / 10 ** digits).toString().replace('.', ',');
}

export const percent = (ratio: number | null) => numberCell(ratio === null ? null : ratio * 100, 2);

/** The file: a BOM, then the header and rows as they are (the cells are escaped above, by kind). */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `\ufeff${csvLines([header, ...rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))], ';')}`;
}

const INDICATORS: [keyof SeasonIndicators, string, (value: number | null) => string][] = [
  ['performances', 'Représentations', (v) => numberCell(v)],
  ['spectators', 'Spectateurs', (v) => numberCell(v)],
  ['newSpectators', 'Nouveaux spectateurs', (v) => numberCell(v)],
  ['returning', 'Spectateurs fidèles', (v) => numberCell(v)],
  ['reactivated', 'Spectateurs réactivés', (v) => numberCell(v)],
  ['retentionRate', 'Taux de fidélisation (%)', percent],
  ['tickets', 'Billets', (v) => numberCell(v)],
  ['ticketsPaid', 'Billets payants', (v) => numberCell(v)],
  ['ticketsFree', 'Billets gratuits', (v) => numberCell(v)],
  ['revenueCents', 'Recette TTC (€)', euros],
  ['revenueExclTaxCents', 'Recette HT (€)', euros],
  ['averagePriceCents', 'Prix moyen (€)', euros],
  ['averageBasketCents', 'Panier moyen (€)', euros],
  ['orders', 'Commandes', (v) => numberCell(v)],
  ['subscribers', 'Abonnés', (v) => numberCell(v)],
  ['fillRate', 'Taux de remplissage (%)', percent],
];

/** Every table of the report, by file name. */
export function reportCsvFiles(report: SeasonReport): Record<string, string> {
  const { season, previous } = report;
  const value = (s: SeasonIndicators | null, key: keyof SeasonIndicators) => (s ? (s[key] as number | null) : null);
  return {
    'indicateurs.csv': toCsv(
      ['Indicateur', `Saison ${season.label}`, previous ? `Saison ${previous.label}` : 'Saison précédente'],
      INDICATORS.map(([key, label, format]) => [label, format(value(season, key)), format(value(previous, key))]),
    ),
    'representations.csv': toCsv(
      ['Numéro', 'Date', 'Heure', 'Spectacle', 'Discipline', 'Salle', 'Jauge', 'Billets', 'Billets payants', 'Billets gratuits', 'Recette TTC (€)', 'Taux de remplissage (%)'],
      report.performances.map((p) => [
        textCell(p.key),
        frenchDate(p.date),
        p.date.slice(11, 16),
        textCell(p.show),
        textCell(p.discipline),
        textCell(p.hall),
        numberCell(p.capacity),
        numberCell(p.tickets),
        numberCell(p.ticketsPaid),
        numberCell(p.ticketsFree),
        euros(p.revenueCents),
        percent(p.fillRate),
      ]),
    ),
    'disciplines.csv': toCsv(
      ['Discipline', 'Billets', 'Recette TTC (€)', 'Spectateurs'],
      report.disciplines.map((d) => [textCell(d.discipline ?? 'Sans discipline'), numberCell(d.tickets), euros(d.revenueCents), numberCell(d.spectators)]),
    ),
    'departements.csv': toCsv(
      ['Code', 'Département', 'Spectateurs', 'Billets'],
      report.departements.map((d) => [textCell(d.code), textCell(d.name), numberCell(d.spectators), numberCell(d.tickets)]),
    ),
    'communes.csv': toCsv(
      ['Code postal', 'Commune', 'Département', 'Spectateurs', 'Billets'],
      report.communes.map((c) => [textCell(c.postalCode), textCell(c.commune), textCell(c.departement), numberCell(c.spectators), numberCell(c.tickets)]),
    ),
    'ventes-par-mois.csv': toCsv(
      ['Mois', 'Billets', 'Recette TTC (€)'],
      report.salesByMonth.map((m) => [m.month ? `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}` : 'Sans date', numberCell(m.tickets), euros(m.revenueCents)]),
    ),
    'rythme-de-reservation.csv': toCsv(
      ['Jours avant la représentation', `Billets cumulés ${season.label}`, previous ? `Billets cumulés ${previous.label}` : 'Saison précédente'],
      report.bookingPace.points.map((p) => [numberCell(p.daysBefore), numberCell(p.tickets), numberCell(p.previousTickets)]),
    ),
    'echelle-de-frequentation.csv': toCsv(
      ['Représentations vues', 'Spectateurs', 'Dont nouveaux'],
      report.ladder.map((l) => [l.band === '>10' ? 'plus de 10' : l.band === '4-10' ? '4 à 10' : l.band, numberCell(l.spectators), numberCell(l.newSpectators)]),
    ),
  };
}

export function writeReportCsv(dir: string, report: SeasonReport): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(reportCsvFiles(report)).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
