/** `parterre report`: the JSON the issue fixes, and a short summary for people. */
import { formatDateTime, formatMoney, formatNumber, formatPercent } from '../../shared/format.js';
import type { SeasonReport } from '../../shared/report-types.js';
import { printSeasons } from './print.js';
import { renderTable } from './table.js';

/** `{ season, previous, performances, disciplines, departements, salesByMonth, bookingPace, ladder }`. */
export function reportJson(report: SeasonReport) {
  const { season, previous, performances, disciplines, departements, salesByMonth, bookingPace, ladder } = report;
  return { season, previous, performances, disciplines, departements, salesByMonth, bookingPace, ladder };
}

export function printReport(report: SeasonReport): string {
  const title = `Rapport de la saison ${report.season.label}${report.venueName ? ` — ${report.venueName}` : ''}`;
  const seasons = printSeasons(report.previous ? [report.previous, report.season] : [report.season]);
  const performances = renderTable(
    ['Date', 'Spectacle', 'Jauge', 'Billets', 'Recette', 'Remplissage'],
    report.performances.map((p) => [
      formatDateTime(p.date),
      p.show,
      p.capacity === null ? '—' : formatNumber(p.capacity),
      formatNumber(p.tickets),
      formatMoney(p.revenueCents),
      formatPercent(p.fillRate),
    ]),
    'llrrrr',
  );
  const disciplines = renderTable(
    ['Discipline', 'Billets', 'Recette', 'Spectateurs'],
    report.disciplines.map((d) => [d.discipline ?? 'Sans discipline', formatNumber(d.tickets), formatMoney(d.revenueCents), formatNumber(d.spectators)]),
    'lrrr',
  );
  return [title, '', seasons, '', performances, '', disciplines, '', '(--json, --csv DOSSIER ou --pdf FICHIER pour le rapport complet)'].join('\n');
}
