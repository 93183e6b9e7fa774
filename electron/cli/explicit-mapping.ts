/**
 * `--map FIELD=COLUMN` and `--mapping FILE.json` made into a file's column mapping: a column is
 * named by its header (accents, case and spacing ignored) or by its number counted from 1; a field
 * by its name (`orderDate`, `lineAmount`...; `amount` is read as `unitPrice`). `--mapping` gives
 * the whole mapping; each `--map` then overrides one field, on top of it or of the proposal.
 */
import { readFileSync } from 'node:fs';
import { IMPORT_FIELDS, LEGACY_FIELDS, normaliseHeader, type ColumnMapping, type ImportField } from '../../shared/import-fields.js';
import { UsageError } from './args.js';

function fieldOf(name: string): ImportField {
  const field = (LEGACY_FIELDS[name] ?? name) as ImportField;
  if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
    throw new UsageError(`Champ inconnu : « ${name} ». Champs possibles : ${IMPORT_FIELDS.join(', ')}.`);
  }
  return field;
}

function columnOf(spec: string | number, headers: readonly string[], file: string): number {
  const text = String(spec).trim();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n < 1 || n > headers.length) throw new UsageError(`« ${file} » n'a pas de colonne ${n} (il en a ${headers.length}, numérotées à partir de 1).`);
    return n - 1;
  }
  const wanted = normaliseHeader(text);
  const index = headers.findIndex((h) => normaliseHeader(h) === wanted);
  if (index < 0) throw new UsageError(`« ${file} » n'a pas de colonne « ${text} » (colonnes : ${headers.map((h) => `« ${h} »`).join(', ')}).`);
  return index;
}

/** A column feeds one field at most: giving it to `field` takes it from any other. */
function assign(mapping: ColumnMapping, field: ImportField, column: number): void {
  for (const [other, index] of Object.entries(mapping) as [ImportField, number][]) if (index === column) delete mapping[other];
  mapping[field] = column;
}

export function readMappingFile(path: string): Record<string, string | number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--mapping : « ${path} » illisible (${(error as Error).message}).`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`--mapping : « ${path} » doit contenir un objet {"champ": "en-tête" ou numéro}.`);
  }
  return parsed as Record<string, string | number>;
}

/** The mapping to send for one file, or undefined when nothing explicit was given (the proposal stands). */
export function explicitMapping(
  file: string,
  headers: readonly string[],
  proposed: ColumnMapping,
  whole: Record<string, string | number> | undefined,
  overrides: readonly string[],
): ColumnMapping | undefined {
  if (!whole && overrides.length === 0) return undefined;
  const mapping: ColumnMapping = {};
  if (whole) for (const [name, spec] of Object.entries(whole)) assign(mapping, fieldOf(name), columnOf(spec, headers, file));
  else Object.assign(mapping, proposed);
  for (const spec of overrides) {
    const at = spec.indexOf('=');
    const field = fieldOf(spec.slice(0, at).trim());
    delete mapping[field];
    assign(mapping, field, columnOf(spec.slice(at + 1), headers, file));
  }
  return mapping;
}
