/**
 * From a header row to a column mapping: synonyms (shared/import-fields.ts) propose a field per
 * column, the mapped fields tell the kind of file, and the kind keeps only the fields it allows.
 */
import {
  FIELD_SYNONYMS,
  IMPORT_FIELDS,
  KIND_FIELDS,
  normaliseHeader,
  type ColumnMapping,
  type FileKind,
  type ImportField,
} from '../../../../shared/import-fields.js';

const SYNONYM_INDEX: ReadonlyMap<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  // The field list's order settles a synonym two fields share: the first field keeps it.
  for (const field of IMPORT_FIELDS) {
    for (const synonym of FIELD_SYNONYMS[field]) {
      const key = normaliseHeader(synonym);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
})();

/** The field a header names, if any. */
export function fieldOfHeader(header: string): ImportField | undefined {
  return SYNONYM_INDEX.get(normaliseHeader(header));
}

/** How many cells of a row name a field: what tells the header row from a title or data row. */
export function headerScore(cells: readonly string[]): number {
  let score = 0;
  for (const cell of cells) if (cell.length < 80 && fieldOfHeader(cell)) score++;
  return score;
}

/** Each column to the field its header names; a field goes to the first column naming it. */
export function proposeMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, column) => {
    const field = fieldOfHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = column;
  });
  return mapping;
}

/** An amount → tickets; a capacity or a performance date (no amount) → performances; else customers. */
export function detectKind(mapping: ColumnMapping): FileKind {
  if (mapping.amount !== undefined) return 'tickets';
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
  return KIND_FIELDS[kind].required.filter((field) => mapping[field] === undefined);
}

/** Normalised header names joined by `|`: how a returning layout is recognised. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}

/** French names of the fields, for messages (« colonne « Date de représentation » manquante »). */
export const FIELD_LABELS: Partial<Record<ImportField, string>> = {
  performanceDate: 'Date de représentation',
  performanceTime: 'Heure de représentation',
  amount: 'Montant',
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
