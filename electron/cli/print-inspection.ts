/** `parterre inspect` for people: what was detected, each proposed field with its confidence and reason, the amount's meaning, the unused columns. */
import { WEAK_CONFIDENCE } from '../../shared/import-proposal-types.js';
import type { FileInspection } from '../../shared/types.js';
import { formatPercent } from '../../shared/format.js';
import { renderTable } from './table.js';

const AMOUNT_MODES = { unit: "prix d'une place", line: 'montant de la ligne', both: 'prix de la place et montant de la ligne' } as const;

export function printInspection(file: FileInspection): string {
  const lines = [
    `${file.name} — fichier de ${file.kind}, ${file.encoding}, séparateur « ${file.separator === '\t' ? 'tab' : file.separator} », en-tête ligne ${file.headerLine}, dates ${file.dayFirst ? 'jour/mois' : 'mois/jour'}${file.preset ? `, préréglage « ${file.preset} »` : ''}`,
    renderTable(
      ['Champ', 'Colonne', 'Confiance', 'Raison'],
      file.proposals.map((p) => [
        p.field,
        `${p.column + 1}. ${file.headers[p.column] ?? ''}`,
        `${formatPercent(p.confidence, 0)}${p.confidence < WEAK_CONFIDENCE ? ' (faible)' : ''}`,
        p.reason,
      ]),
      'llrl',
    ),
  ];
  if (file.amount) {
    const mode = file.amount.mode === null ? 'indécidable : précisez --amount unit ou --amount line' : AMOUNT_MODES[file.amount.mode];
    lines.push(`Montant : ${mode} — ${file.amount.evidence}`);
  }
  if (file.missingRequired.length > 0) lines.push(`Colonnes obligatoires manquantes : ${file.missingRequired.join(', ')}`);
  for (const column of file.unused) {
    lines.push(`${column.warn ? 'Attention, non utilisée' : 'Non utilisée'} : ${column.index + 1}. « ${column.header} » (${column.description})`);
  }
  return lines.join('\n');
}
