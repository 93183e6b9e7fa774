/** A quarter's declaration as the CSV the user keeps and fills the ministry's form from. */
import { decimalComma, excelCsv, frenchDateTime } from './excel-csv.js';
import { SIBIL_DOMAIN_NAMES, SIBIL_FIELDS, type SibilPerformance } from './sibil.js';

const MONEY_FIELDS = new Set(['recetteTarifPlein', 'prixMoyenTarifPlein', 'recetteTotalBilletterie', 'prixMoyenTotalBilletterie']);

function cell(line: SibilPerformance, field: (typeof SIBIL_FIELDS)[number]): string {
  const value = line[field];
  if (field === 'dateHeureRepresentation') return frenchDateTime(line.dateHeureRepresentation);
  if (field === 'domaine') return line.domaine ? SIBIL_DOMAIN_NAMES[line.domaine] : '';
  if (MONEY_FIELDS.has(field)) return decimalComma(value as number | null);
  return value === null ? '' : String(value);
}

export function sibilCsv(lines: readonly SibilPerformance[]): string {
  return excelCsv(SIBIL_FIELDS, lines.map((line) => SIBIL_FIELDS.map((field) => cell(line, field))));
}

/** `parterre-sibil-2024-T4.csv`. */
export function sibilFileName(quarter: string): string {
  return `parterre-sibil-${quarter}.csv`;
}
