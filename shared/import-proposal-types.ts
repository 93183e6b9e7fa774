/**
 * What the mapping proposal tells the user about each column (docs/import-rules.md, « Proposing
 * the mapping »): what its values look like, the field proposed for it with a confidence and a
 * reason in French, the amount's meaning (price of a seat or line total) with its evidence, and
 * the columns left unused.
 */
import type { ImportField } from './import-fields.js';

/** What most of a column's sampled values are. */
export type ValueKind =
  | 'empty'
  | 'date'
  | 'datetime'
  | 'time'
  | 'amount'
  | 'integer'
  | 'email'
  | 'postalCode'
  | 'phone'
  | 'yesNo'
  | 'identifier'
  | 'text';

export interface ColumnProfile {
  index: number;
  header: string;
  kind: ValueKind;
  /** In French: « dates et heures », « identifiants répétés sur les lignes voisines »… */
  description: string;
  /** Sampled rows whose cell is not empty. */
  filled: number;
  /** Distinct values / filled cells. */
  distinctRatio: number;
  /** Share of rows whose cell equals the row just above (an order number repeats, a ticket number does not). */
  adjacentRepeat: number;
}

/** Below this confidence a proposal is shown as weak: the user should look at it. */
export const WEAK_CONFIDENCE = 0.6;

export interface FieldProposal {
  field: ImportField;
  column: number;
  /** 0 to 1. */
  confidence: number;
  /** In French: « en-tête proche de "Date de commande", valeurs : dates et heures ». */
  reason: string;
}

/**
 * What the one amount column means. `both`: a unit price and a line total, checked against each
 * other. `null` mode: the data cannot tell (the user must choose).
 */
export interface AmountDecision {
  mode: 'unit' | 'line' | 'both' | null;
  /** The column holding the amount (the line total's column for `both`). */
  column: number | null;
  /** How it was decided: from the values, a single seat per line, the header, the user's mapping or a preset. */
  source: 'data' | 'single-seat' | 'header' | 'both-columns' | 'user' | 'preset' | 'undecided';
  /** In French, with examples from the file. */
  evidence: string;
}

export interface UnusedColumn {
  index: number;
  header: string;
  description: string;
  /** It looks like an identifier, a date or an amount: the summary warns about it. */
  warn: boolean;
}

/** What a file inspection adds to the detection (see FileInspection). */
export interface MappingProposal {
  proposals: FieldProposal[];
  columns: ColumnProfile[];
  unused: UnusedColumn[];
  amount: AmountDecision | null;
  /** The decimal mark the amounts show, when they show one. */
  decimalMark: 'auto' | '.' | ',';
  /** The currency the amounts are written in (ISO code), when a sign or code says it. */
  currency: string | null;
}
