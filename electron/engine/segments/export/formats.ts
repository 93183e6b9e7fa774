/**
 * The files each mailing tool imports. Each format: its columns (header and how a row fills
 * them), its separator, and whether the file starts with a byte-order mark. Every file ends its
 * lines with CRLF and every cell goes through escapeFormula (shared/excel-csv.ts, the app's one writer).
 * - Mailchimp: UTF-8, `,`, « Email Address », « First Name », « Last Name » (its import's names).
 * - Brevo: `;`, EMAIL, FIRSTNAME, LASTNAME, SMS (the number in international form).
 * - Sarbacane: `;`, « Email », « Prénom », « Nom »… (its French column names).
 * - Generic CSV for Excel: `;`, UTF-8 with BOM (Excel otherwise reads it as Windows-1252), decimal comma.
 */
import type { ExportFormat } from '../../../../shared/segments-types.js';
import { csvLines, escapeFormula, euros, frenchDate, type CsvDelimiter } from '../../../../shared/excel-csv.js';
import type { ContactRow } from './consent.js';
import { internationalPhone } from './phone.js';

type Column = [header: string, cell: (row: ContactRow) => string | number | null];

export interface FormatSpec {
  delimiter: CsvDelimiter;
  bom: boolean;
  extension: string;
  columns: Column[];
}

const phone = (row: ContactRow) => internationalPhone(row.phone) ?? '';

export const FORMATS: Record<ExportFormat, FormatSpec> = {
  mailchimp: {
    delimiter: ',',
    bom: false,
    extension: 'csv',
    columns: [
      ['Email Address', (r) => r.email?.trim() ?? ''],
      ['First Name', (r) => r.firstName],
      ['Last Name', (r) => r.lastName],
      ['Phone Number', phone],
      ['Address', (r) => [r.address1, r.address2, r.address3].filter(Boolean).join(', ')],
      ['Zip', (r) => r.postalCode],
      ['City', (r) => r.city],
    ],
  },
  brevo: {
    delimiter: ';',
    bom: false,
    extension: 'csv',
    columns: [
      ['EMAIL', (r) => r.email?.trim() ?? ''],
      ['FIRSTNAME', (r) => r.firstName],
      ['LASTNAME', (r) => r.lastName],
      ['SMS', phone],
    ],
  },
  sarbacane: {
    delimiter: ';',
    bom: false,
    extension: 'csv',
    columns: [
      ['Email', (r) => r.email?.trim() ?? ''],
      ['Prénom', (r) => r.firstName],
      ['Nom', (r) => r.lastName],
      ['Mobile', phone],
      ['Civilité', (r) => r.title],
      ['Adresse', (r) => [r.address1, r.address2, r.address3].filter(Boolean).join(', ')],
      ['Code postal', (r) => r.postalCode],
      ['Ville', (r) => r.city],
    ],
  },
  csv: {
    delimiter: ';',
    bom: true,
    extension: 'csv',
    columns: [
      ['N° client', (r) => r.key],
      ['Civilité', (r) => r.title],
      ['Nom', (r) => r.lastName],
      ['Prénom', (r) => r.firstName],
      ['E-mail', (r) => r.email],
      ['Téléphone', (r) => r.phone],
      ['Adresse 1', (r) => r.address1],
      ['Adresse 2', (r) => r.address2],
      ['Adresse 3', (r) => r.address3],
      ['Code postal', (r) => r.postalCode],
      ['Ville', (r) => r.city],
      ['Pays', (r) => r.country],
      ['Valeur vie (€)', (r) => euros(r.lifetimeValueCents ?? 0)],
      ['Commandes', (r) => r.orders ?? 0],
      ['Dernier achat', (r) => frenchDate(r.lastPurchase)],
    ],
  },
};

/** The file's text (without the BOM: the caller adds it to the bytes). */
export function renderFile(format: ExportFormat, rows: ContactRow[]): string {
  const spec = FORMATS[format];
  const cell = (value: string | number | null) => escapeFormula(value === null || value === undefined ? '' : String(value));
  const lines = [spec.columns.map(([header]) => cell(header))];
  for (const row of rows) lines.push(spec.columns.map(([, read]) => cell(read(row))));
  return csvLines(lines, spec.delimiter);
}
