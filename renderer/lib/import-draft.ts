/** A file the user is about to import: what was detected, and the choices they made over it. */
import { KIND_FIELDS, missingFields, type ColumnMapping, type FileKind, type ImportField } from '../../shared/import-fields.js';
import type { FileInspection } from '../../shared/types.js';

export interface FileDraft {
  inspection: FileInspection;
  kind: FileKind;
  mapping: ColumnMapping;
  dayFirst: boolean;
  /** The user said what the amount column holds (asked when the data cannot tell). */
  amountChosen?: boolean;
}

export function draftOf(inspection: FileInspection): FileDraft {
  return { inspection, kind: inspection.kind, mapping: { ...inspection.mapping }, dayFirst: inspection.dayFirst };
}

/** Required fields of the draft's kind that no column feeds: the import refuses until they do. */
export function missingRequired(draft: FileDraft): ImportField[] {
  return missingFields(draft.mapping, draft.kind);
}

/** Keeps only the fields the kind allows (a kind change must not smuggle others in). */
export function withKind(draft: FileDraft, kind: FileKind): FileDraft {
  const allowed = new Set<ImportField>(KIND_FIELDS[kind].allowed);
  const mapping = Object.fromEntries(Object.entries(draft.mapping).filter(([field]) => allowed.has(field as ImportField)));
  return { ...draft, kind, mapping };
}

/** Maps `field` to `column` (or nothing); a column feeds one field at most. */
export function withColumn(draft: FileDraft, field: ImportField, column: number | null): FileDraft {
  const mapping: ColumnMapping = {};
  for (const [other, index] of Object.entries(draft.mapping) as [ImportField, number][]) {
    if (other !== field && index !== column) mapping[other] = index;
  }
  if (column !== null) mapping[field] = column;
  return { ...draft, mapping };
}

/** What `imports.run` receives for this file. */
export function runInput(draft: FileDraft) {
  return {
    path: draft.inspection.path,
    name: draft.inspection.name,
    kind: draft.kind,
    mapping: draft.mapping,
    dayFirst: draft.dayFirst,
  };
}

/** The one amount column's field: `unitPrice` for the price of a seat, `lineAmount` for the line's total. */
export function withAmountMode(draft: FileDraft, mode: 'unit' | 'line'): FileDraft {
  const column = draft.mapping.unitPrice ?? draft.mapping.lineAmount ?? draft.inspection.amount?.column ?? null;
  if (column === null || (draft.mapping.unitPrice !== undefined && draft.mapping.lineAmount !== undefined)) return draft;
  const { unitPrice: _unit, lineAmount: _line, ...rest } = draft.mapping;
  return { ...draft, amountChosen: true, mapping: { ...rest, [mode === 'unit' ? 'unitPrice' : 'lineAmount']: column } };
}

/** The data could not tell a seat's price from a line's total and the user has not said yet. */
export function needsAmountChoice(draft: FileDraft): boolean {
  return draft.kind === 'tickets' && draft.inspection.amount?.mode === null && !draft.amountChosen;
}
