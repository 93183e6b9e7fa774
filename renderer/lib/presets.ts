/**
 * Applies a saved preset to a file whose columns may be in another order: each field follows its
 * header name, not its index. Fields whose header the file lacks stay unmapped.
 */
import type { ColumnMapping, ImportField } from '../../shared/import-fields.js';
import type { Preset } from '../../shared/types.js';

export function mappingFromPreset(preset: Preset, headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [field, index] of Object.entries(preset.mapping) as [ImportField, number][]) {
    const header = preset.headers[index];
    const found = header === undefined ? -1 : headers.indexOf(header);
    if (found >= 0) mapping[field] = found;
  }
  return mapping;
}
