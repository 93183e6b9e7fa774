import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rejectsCsv } from '../../renderer/lib/rejects-csv.js';
import type { ImportReject } from '../../shared/types.js';

const headers = { file: 'Fichier', line: 'Ligne', column: 'Colonne', reason: 'Motif', raw: 'Contenu' };
const reject = (over: Partial<ImportReject>): ImportReject => ({
  file: 'export.csv',
  line: 12,
  column: 3,
  reason: 'Montant illisible',
  raw: 'a;b;c',
  ...over,
});

describe('rejectsCsv', () => {
  it('starts with a BOM and separates cells with semicolons', () => {
    const csv = rejectsCsv([reject({})], headers);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Fichier;Ligne;Colonne;Motif;Contenu');
  });

  it('round-trips every cell, quoting the ones that hold separators, quotes or newlines', () => {
    const rows = [
      reject({ raw: '1;"Dupont";12,50', reason: 'Date illisible : « 32/13/2024 »' }),
      reject({ line: 40, column: null, raw: 'ligne\nsur deux', file: 'clients été.csv' }),
    ];
    const parsed = Papa.parse<string[]>(rejectsCsv(rows, headers).slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed.slice(1)).toEqual([
      ['export.csv', '12', '3', 'Date illisible : « 32/13/2024 »', '1;"Dupont";12,50'],
      ['clients été.csv', '40', '', 'Montant illisible', 'ligne\nsur deux'],
    ]);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const csv = rejectsCsv(
      [reject({ raw: '=HYPERLINK("http://x")', reason: '+33 6', file: '-x.csv' }), reject({ raw: '@SUM(A1)' })],
      headers,
    );
    const cells = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data.slice(1).flat();
    for (const dangerous of ['=', '+', '-', '@']) {
      expect(cells.filter((cell) => cell.startsWith(dangerous))).toEqual([]);
    }
    expect(cells).toContain(`'=HYPERLINK("http://x")`);
    expect(cells).toContain(`'@SUM(A1)`);
  });
});
