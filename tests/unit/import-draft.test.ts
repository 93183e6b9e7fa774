import { describe, expect, it } from 'vitest';
import { draftOf, missingRequired, withColumn, withKind } from '../../renderer/lib/import-draft.js';
import { mappingFromPreset } from '../../renderer/lib/presets.js';
import type { FileInspection, Preset } from '../../shared/types.js';

const inspection: FileInspection = {
  path: '/tmp/x.csv',
  name: 'x.csv',
  sizeBytes: 10,
  encoding: 'utf-8',
  separator: ';',
  lineEnding: 'lf',
  headerLine: 1,
  headers: ['Date séance', 'Montant', 'Nom', 'Jauge'],
  sampleRows: [],
  kind: 'tickets',
  mapping: { performanceDate: 0, unitPrice: 1, lastName: 2, capacity: 3 },
  missingRequired: [],
  preset: null,
  dayFirst: true,
  proposals: [],
  columns: [],
  unused: [],
  amount: null,
  decimalMark: 'auto',
  currency: null,
};

describe('the wizard draft of a file', () => {
  it('gives a column to one field only: moving it unmaps the other', () => {
    const draft = withColumn(draftOf(inspection), 'firstName', 2);
    expect(draft.mapping).toEqual({ performanceDate: 0, unitPrice: 1, firstName: 2, capacity: 3 });
  });

  it('reports the required fields left without a column', () => {
    const draft = withColumn(draftOf(inspection), 'unitPrice', null);
    expect(missingRequired(draft)).toEqual(['unitPrice']);
  });

  it('drops the fields a new kind does not allow', () => {
    const draft = withKind(draftOf(inspection), 'performances');
    expect(draft.mapping).toEqual({ performanceDate: 0, capacity: 3 });
    expect(missingRequired(draft)).toEqual([]);
  });

  it('does not share the inspection mapping it started from', () => {
    const draft = draftOf(inspection);
    withColumn(draft, 'unitPrice', null);
    draft.mapping.email = 9;
    expect(inspection.mapping).toEqual({ performanceDate: 0, unitPrice: 1, lastName: 2, capacity: 3 });
  });
});

describe('mappingFromPreset', () => {
  it('follows each header by name when the columns come in another order', () => {
    const preset: Preset = {
      name: 'Sirius',
      kind: 'tickets',
      headers: ['Montant', 'Date séance', 'Ville'],
      // A preset saved before the two amount fields says `amount`: read as the price of a seat.
    mapping: { unitPrice: 0, performanceDate: 1, city: 2 },
      updatedAt: '2025-01-01T00:00:00',
    };
    // "Ville" is not in this file: city stays unmapped.
    expect(mappingFromPreset(preset, ['Nom', 'Date séance', 'Montant'])).toEqual({ performanceDate: 1, unitPrice: 2 });
  });
});
