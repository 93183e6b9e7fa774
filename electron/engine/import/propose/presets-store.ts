/**
 * Saved mappings (`import_presets`). A preset stores its mapping by header name (field → header
 * text), so that it still applies when a column moves; it is recognised by its header signature.
 * The original header texts are kept in `options.headers` to show them back to the user.
 */
import { desc, eq } from 'drizzle-orm';
import type { Orm } from '../../../../db/open.js';
import { importPresets } from '../../../../db/schema.js';
import { normaliseHeader, upgradeMapping, type ColumnMapping, type FileKind, type ImportField } from '../../../../shared/import-fields.js';
import type { Preset } from '../../../../shared/types.js';
import { EngineError } from '../../errors.js';
import { headerSignature } from './mapping.js';

type PresetRow = typeof importPresets.$inferSelect;

/** Field → column index in `headers` of each field's saved header name. */
export function mappingForHeaders(byName: Record<string, string>, headers: readonly string[]): ColumnMapping {
  const normalised = headers.map(normaliseHeader);
  const mapping: ColumnMapping = {};
  // A preset saved before the two amount fields maps `amount`: the price of a seat (unitPrice).
  for (const [field, header] of Object.entries(upgradeMapping(byName))) {
    const column = normalised.indexOf(normaliseHeader(header));
    if (column >= 0) mapping[field as ImportField] = column;
  }
  return mapping;
}

function toPreset(row: PresetRow): Preset {
  const options = JSON.parse(row.options) as { headers?: string[] };
  const headers = options.headers ?? row.headerSignature.split('|');
  return {
    name: row.name,
    kind: row.kind,
    headers,
    mapping: mappingForHeaders(JSON.parse(row.mapping) as Record<string, string>, headers),
    updatedAt: row.updatedAt,
  };
}

export function listPresets(orm: Orm): Preset[] {
  return orm.select().from(importPresets).orderBy(importPresets.name).all().map(toPreset);
}

export function findPresetByName(orm: Orm, name: string): Preset | null {
  const row = orm.select().from(importPresets).where(eq(importPresets.name, name)).get();
  return row ? toPreset(row) : null;
}

/** The most recently saved preset for this header, if any. */
export function findPresetForHeaders(orm: Orm, headers: readonly string[]): Preset | null {
  const row = orm
    .select()
    .from(importPresets)
    .where(eq(importPresets.headerSignature, headerSignature(headers)))
    .orderBy(desc(importPresets.updatedAt), desc(importPresets.id))
    .get();
  return row ? toPreset(row) : null;
}

/** Every saved header signature: a header a preset knows is a header even without synonyms. */
export function presetSignatures(orm: Orm): Set<string> {
  return new Set(orm.select({ s: importPresets.headerSignature }).from(importPresets).all().map((r) => r.s));
}

export function presetMatches(preset: Preset, headers: readonly string[]): boolean {
  return headerSignature(preset.headers) === headerSignature(headers);
}

export function savePreset(
  orm: Orm,
  input: { name: string; kind: FileKind; headers: string[]; mapping: ColumnMapping },
  updatedAt: string,
): Preset {
  const byName: Record<string, string> = {};
  for (const [field, column] of Object.entries(input.mapping) as [ImportField, number][]) {
    if (column >= input.headers.length) {
      throw new EngineError('VALIDATION', `Préréglage « ${input.name} » : la colonne ${column + 1} n'existe pas (${input.headers.length} colonnes).`);
    }
    byName[field] = input.headers[column];
  }
  const values = {
    name: input.name,
    kind: input.kind,
    headerSignature: headerSignature(input.headers),
    mapping: JSON.stringify(byName),
    options: JSON.stringify({ headers: input.headers }),
    updatedAt,
  };
  orm
    .insert(importPresets)
    .values(values)
    .onConflictDoUpdate({ target: importPresets.name, set: values })
    .run();
  return findPresetByName(orm, input.name)!;
}

export function deletePreset(orm: Orm, name: string): boolean {
  return orm.delete(importPresets).where(eq(importPresets.name, name)).run().changes > 0;
}
