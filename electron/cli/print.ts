/** What the command line prints for people (the --json output is the engine's own objects). */
import type { CustomerSummary, ImportSummary, Quartiles, RowCounts, SeasonIndicators } from '../../shared/types.js';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../shared/format.js';
import { renderTable } from './table.js';

const dash = '—';
const orDash = <T>(value: T | null, format: (v: T) => string) => (value === null ? dash : format(value));

function counts(c: RowCounts): string {
  return `${formatNumber(c.new)} nouveaux, ${formatNumber(c.updated)} modifiés, ${formatNumber(c.unchanged)} inchangés`;
}

export function printImportSummary(summary: ImportSummary): string {
  const lines = [
    summary.dryRun ? 'Simulation terminée : rien n’a été écrit.' : `Import n° ${summary.importId} terminé.`,
    ...summary.files.map(
      (f) => `  ${f.name} — ${f.kind}, ${f.encoding}, séparateur « ${f.separator === '\t' ? 'tab' : f.separator} », ${formatNumber(f.lines)} lignes`,
    ),
    `  Lignes lues        ${formatNumber(summary.linesRead)}`,
    `  Places vendues     ${formatNumber(summary.seats)}`,
    `  Billets            ${counts(summary.tickets)}`,
    `  Commandes          ${counts(summary.orders)}`,
    `  Spectateurs        ${counts(summary.customers)}`,
    `  Représentations    ${counts(summary.performances)}`,
    `  Spectacles         ${counts(summary.shows)}`,
    `  Annulations        ${formatNumber(summary.reversals.matched)} rapprochées, ${formatNumber(summary.reversals.unmatched)} sans vente correspondante`,
    `  Lignes rejetées    ${formatNumber(summary.rejected)}`,
  ];
  if (summary.archivedLines) lines.push(`  Lignes archivées   ${formatNumber(summary.archivedLines)} (saisons déjà dans une archive : pas réécrites)`);
  for (const reject of summary.rejects.slice(0, 20)) {
    const where = reject.column ? `ligne ${reject.line}, colonne ${reject.column}` : `ligne ${reject.line}`;
    lines.push(`    ${reject.file}, ${where} : ${reject.reason}`);
  }
  if (summary.rejected > 20) lines.push(`    … et ${formatNumber(summary.rejected - 20)} autres (parterre import --json pour tout voir)`);
  for (const warning of summary.warnings ?? []) lines.push(`  Attention : ${warning}`);
  return lines.join('\n');
}

export function printSeasons(seasons: SeasonIndicators[]): string {
  if (seasons.length === 0) return 'Aucune saison : importez un export d’abord (parterre import FICHIER, ou parterre demo).';
  return renderTable(
    ['Saison', 'Billets', 'Payants', 'Exonérés', 'Recettes', 'Commandes', 'Spectateurs', 'Nouveaux', 'Fidèles', 'Réactivés', 'Rétention', 'Abonnés', 'Remplissage'],
    seasons.map((s) => [
      s.label,
      formatNumber(s.tickets),
      formatNumber(s.ticketsPaid),
      formatNumber(s.ticketsFree),
      formatMoney(s.revenueCents),
      formatNumber(s.orders),
      formatNumber(s.spectators),
      formatNumber(s.newSpectators),
      formatNumber(s.returning),
      formatNumber(s.reactivated),
      orDash(s.retentionRate, formatPercent),
      formatNumber(s.subscribers),
      orDash(s.fillRate, formatPercent),
    ]),
    `l${'r'.repeat(12)}`,
  );
}

export function printCustomers(rows: CustomerSummary[], total: number): string {
  const table = renderTable(
    ['Spectateur', 'Clé', 'Code postal', 'Valeur', 'Commandes', 'Billets', 'Dernier achat', 'Valeur (quartile)'],
    rows.map((c) => [
      c.name,
      c.key,
      c.postalCode ?? '',
      formatMoney(c.lifetimeValueCents),
      formatNumber(c.orders),
      formatNumber(c.tickets),
      orDash(c.lastPurchase, formatDate),
      c.bands?.lifetimeValueCents ?? dash,
    ]),
    'lllrrrll',
  );
  return `${table}\n${formatNumber(rows.length)} sur ${formatNumber(total)} spectateurs`;
}

export function printQuartiles(q: Quartiles): string {
  const row = (label: string, cuts: [number, number, number] | null, format: (v: number) => string) => [
    label,
    ...(cuts ? cuts.map((cut) => format(cut)) : [dash, dash, dash]),
  ];
  const decimal = (v: number) => formatNumber(v, 2);
  return renderTable(
    ['Indicateur', 'Q1', 'Q2 (médiane)', 'Q3'],
    [
      row('Commandes par saison', q.ordersPerSeason, decimal),
      row('Valeur client', q.lifetimeValueCents, formatMoney),
      row('Panier moyen', q.averageBasketCents, formatMoney),
      row('Billets par commande', q.ticketsPerOrder, decimal),
    ],
    'lrrr',
  );
}
