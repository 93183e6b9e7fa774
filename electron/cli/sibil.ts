/** `parterre sibil`: what it prints for people, and the quarter it declares when none is given. */
import { formatDate, formatDateTime, formatNumber } from '../../shared/format.js';
import { quarterLabel, quarterToDeclare, SIBIL_DOMAIN_NAMES, type SibilCheck, type SibilDeclaration } from '../../shared/sibil.js';
import { renderTable } from './table.js';

/** Without --quarter: the quarter just ended while its deadline runs, else the current one. */
export function defaultQuarter(today = new Date().toISOString().slice(0, 10)): string {
  return quarterLabel(quarterToDeclare(today).quarter);
}

const CHECK_SENTENCES: Record<SibilCheck['code'], (subject: string, keys: string) => string> = {
  noCapacity: (s, k) => `${s} (${k}) : jauge inconnue — saisissez-la dans Saisons avant de déclarer.`,
  overCapacity: (s, k) => `${s} (${k}) : plus de billets que de places — vérifiez la jauge ou les billets.`,
  unconfirmedTariff: (s) => `Tarifs jamais confirmés : ${s} — leur catégorie décide des colonnes, vérifiez-la (parterre tariffs).`,
  noTicket: (s, k) => `${s} (${k}) : aucun billet — représentation annulée, gratuite sans billetterie, ou export incomplet ?`,
  noDomain: (s) => `${s} : aucun domaine SIBIL — choisissez-le dans l’écran Déclaration SIBIL.`,
  seriesAcrossQuarters: (s) => `${s} : la série couvre plusieurs trimestres — chaque représentation est déclarée dans le sien.`,
};

export function checkSentence(check: SibilCheck): string {
  return CHECK_SENTENCES[check.code](check.subject, check.performanceKeys.join(', '));
}

const euros = (value: number | null) => (value === null ? '—' : `${formatNumber(value, 2)} €`);

export function printSibil(declaration: SibilDeclaration): string {
  if (declaration.lines.length === 0) return `Aucune représentation au trimestre ${declaration.quarter}.`;
  const table = renderTable(
    ['Représentation', 'Spectacle', 'Jauge', 'Plein', 'Recette plein', 'Abo.', 'Exonérés', 'Total', 'Recette totale', 'Prix moyen', 'Domaine'],
    declaration.lines.map((l) => [
      `${formatDateTime(l.dateHeureRepresentation)} (${l.key})`,
      l.spectacle,
      l.jauge === null ? '—' : formatNumber(l.jauge),
      formatNumber(l.nbBilletsTarifPlein),
      euros(l.recetteTarifPlein),
      formatNumber(l.nbBilletsTarifAbonnementForfait),
      formatNumber(l.nbBilletsExoneres),
      formatNumber(l.nbBilletsTotalBilletterie),
      euros(l.recetteTotalBilletterie),
      euros(l.prixMoyenTotalBilletterie),
      l.domaine ? SIBIL_DOMAIN_NAMES[l.domaine] : '—',
    ]),
    `ll${'r'.repeat(8)}l`,
  );
  const lines = [`Déclaration SIBIL ${declaration.quarter} — à transmettre avant le ${formatDate(declaration.deadline)}`, '', table];
  if (declaration.checks.length > 0) lines.push('', 'À vérifier avant de déclarer :', ...declaration.checks.map((c) => `  - ${checkSentence(c)}`));
  if (declaration.declared) lines.push('', `Déclaré le ${formatDateTime(declaration.declared.at)}${declaration.declared.file ? ` (${declaration.declared.file})` : ''}.`);
  return lines.join('\n');
}
