/**
 * From a header row to a column mapping: the scored proposal (propose-mapping.ts) proposes a field
 * per column, the mapped fields tell the kind of file, and the kind keeps only the fields it allows.
 */
import {
  FIELD_SYNONYMS,
  KIND_FIELDS,
  missingFields,
  normaliseHeader,
  type ColumnMapping,
  type FileKind,
  type ImportField,
} from '../../../../shared/import-fields.js';
import { fieldOfHeader } from './header-match.js';
import { proposeFromData } from './propose-mapping.js';

export { fieldOfHeader };

/** How many cells of a row name a field without doubt: what tells the header row from a title or data row. */
export function headerScore(cells: readonly string[]): number {
  let score = 0;
  for (const cell of cells) if (cell.length < 80 && fieldOfHeader(cell)) score++;
  return score;
}

/** The proposal from the headers alone (no values yet): see proposeFromData. */
export function proposeMapping(headers: readonly string[]): ColumnMapping {
  return proposeFromData(headers, []).mapping;
}

/** Fields only a ticket-lines file carries: a file with one of them is never a customers or performances file. */
const TICKET_ONLY: readonly ImportField[] = ['ticketId', 'orderId', 'orderDate', 'unitPrice', 'lineAmount', 'seats', 'tariff', 'tariffCategory', 'state', 'subscription'];

/**
 * Ticket-like or order-like columns (or amounts among the values) → tickets; else a capacity or a
 * performance date → performances; else customer columns → customers.
 */
export function detectKind(mapping: ColumnMapping, hasAmountValues = false): FileKind {
  if (TICKET_ONLY.some((field) => mapping[field] !== undefined) || hasAmountValues) return 'tickets';
  if (mapping.capacity !== undefined || mapping.performanceDate !== undefined) return 'performances';
  const customerFields = KIND_FIELDS.customers.allowed;
  if (customerFields.some((field) => mapping[field] !== undefined)) return 'customers';
  return 'tickets';
}

/** The mapping without the fields `kind` does not carry, and without columns out of range. */
export function restrictMapping(mapping: ColumnMapping, kind: FileKind, columns: number): ColumnMapping {
  const allowed = new Set<ImportField>(KIND_FIELDS[kind].allowed);
  const kept: ColumnMapping = {};
  for (const [field, column] of Object.entries(mapping) as [ImportField, number][]) {
    if (allowed.has(field) && column < columns) kept[field] = column;
  }
  return kept;
}

export function missingRequired(mapping: ColumnMapping, kind: FileKind): ImportField[] {
  return missingFields(mapping, kind);
}

/** Normalised header names joined by `|`: how a returning layout is recognised. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}

/** French names of the fields, for messages (« colonne « Date de représentation » manquante »). */
export const FIELD_LABELS: Partial<Record<ImportField, string>> = {
  performanceDate: 'Date de représentation',
  performanceTime: 'Heure de représentation',
  unitPrice: 'Prix de la place',
  lineAmount: 'Montant de la ligne',
  ticketId: 'N° billet',
  orderId: 'N° commande',
  customerId: 'N° client',
  email: 'E-mail',
  seats: 'Nombre de places',
  orderDate: 'Date de commande',
  orderTime: 'Heure de commande',
  capacity: 'Jauge',
  vatRate: 'Taux de TVA',
  consentEmailDate: 'Date de consentement e-mail',
  consentSmsDate: 'Date de consentement SMS',
  consentPostDate: 'Date de consentement courrier',
  consentDate: 'Date de consentement',
};

export function fieldLabel(field: ImportField): string {
  return FIELD_LABELS[field] ?? FIELD_SYNONYMS[field][0];
}
