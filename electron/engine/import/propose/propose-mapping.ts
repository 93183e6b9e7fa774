/**
 * The scored mapping proposal (docs/import-rules.md, « Proposing the mapping »): every column's
 * header is matched to the fields' synonyms (header-match.ts), each match weighed by whether the
 * column's values suit the field (field-values.ts); the best pairs are taken first, one field per
 * column and one column per field. Columns whose header names nothing are then proposed from
 * their values alone, with a lower confidence (value-proposals.ts). Each proposal says why.
 */
import type { ColumnMapping, ImportField } from '../../../../shared/import-fields.js';
import type { FieldProposal } from '../../../../shared/import-proposal-types.js';
import { valueFit } from './field-values.js';
import { matchHeader } from './header-match.js';
import { proposeFromValues } from './value-proposals.js';
import { profileColumn, type ColumnStats } from './value-sniff.js';

/** Header scores below this propose nothing. */
const MIN_HEADER_SCORE = 0.45;
/** Rows profiled: enough to see repeats and forms, cheap on a wide file. */
const PROFILE_ROWS = 500;

export interface Proposal {
  mapping: ColumnMapping;
  proposals: FieldProposal[];
  profiles: ColumnStats[];
}

export function profileColumns(headers: readonly string[], rows: readonly string[][]): ColumnStats[] {
  const sample = rows.slice(0, PROFILE_ROWS);
  return headers.map((header, index) => profileColumn(index, header, sample.map((row) => (row[index] ?? '').trim())));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function proposeFromData(headers: readonly string[], rows: readonly string[][]): Proposal {
  const profiles = profileColumns(headers, rows);
  const candidates: FieldProposal[] = [];
  headers.forEach((header, column) => {
    for (const match of matchHeader(header)) {
      if (match.score < MIN_HEADER_SCORE) continue;
      const fit = valueFit(match.field, profiles[column]);
      const said = match.exact ? `en-tête « ${header} » reconnu` : `en-tête proche de « ${match.synonym} »`;
      candidates.push({
        field: match.field,
        column,
        confidence: round2(match.score * fit.factor),
        reason: fit.note ? `${said}, ${fit.note}` : said,
      });
    }
  });
  // Best first; at equal confidence the left column (files list the main columns first).
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  const mapping: ColumnMapping = {};
  const proposals: FieldProposal[] = [];
  const usedColumns = new Set<number>();
  const take = (p: FieldProposal) => {
    if (mapping[p.field] !== undefined || usedColumns.has(p.column)) return;
    mapping[p.field] = p.column;
    usedColumns.add(p.column);
    proposals.push(p);
  };
  // A header whose values contradict it (a « Date » of amounts) proposes nothing: the column is listed unused.
  for (const candidate of candidates) if (candidate.confidence >= 0.35) take(candidate);
  for (const p of proposeFromValues(profiles, rows, mapping, usedColumns)) take(p);
  return { mapping, proposals: proposals.sort((a, b) => a.column - b.column), profiles };
}

/** The proposal for `field`, or one saying where the mapping came from (a preset, the user). */
export function proposalsForMapping(mapping: ColumnMapping, headers: readonly string[], reason: string): FieldProposal[] {
  return (Object.entries(mapping) as [ImportField, number][])
    .map(([field, column]) => ({ field, column, confidence: 1, reason: `${reason} (colonne « ${headers[column] ?? column + 1} »)` }))
    .sort((a, b) => a.column - b.column);
}
