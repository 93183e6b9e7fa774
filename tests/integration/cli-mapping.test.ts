/**
 * `parterre inspect --json` and the explicit mapping of `parterre import`: `--map FIELD=COLUMN`
 * (a header name or a number from 1), `--mapping FILE.json` and `--amount unit|line`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { openDatabase } from '../../db/open.js';
import { encodeCsv } from '../fixtures/import/harness.js';
import { tempDir } from '../helpers/temp-db.js';

// « Quand » (the sale date) and « Somme » (a line total) have headers no list names.
const ROWS = [
  ['Billet', 'Quand', 'Séance le', 'Tarif', 'Places', 'Somme', 'Code'],
  ['B1', '01/02/2025 10:00', '14/03/2025', 'Plein', '3', '30,00', 'Z1'],
  ['B2', '01/02/2025 10:00', '14/03/2025', 'Plein', '1', '10,00', 'Z2'],
];

const unitPrices = (db: string) => {
  const open = openDatabase(db);
  try {
    return open.sqlite.prepare('SELECT unit_price_cents AS p FROM tickets ORDER BY source_key').all().map((r) => (r as { p: number }).p);
  } finally {
    open.sqlite.close();
  }
};

describe('the command line and the mapping', () => {
  const dir = tempDir('parterre-cli-map-');
  const file = join(dir, 'export.csv');
  writeFileSync(file, encodeCsv(ROWS));

  it('prints the detection and each proposal with its confidence and reason', async () => {
    const run = await cli('inspect', file, '--db', join(dir, 'a.sqlite'), '--json');
    expect(run.code).toBe(0);
    const [inspection] = run.json();
    expect(inspection.kind).toBe('tickets');
    const performanceDate = inspection.proposals.find((p: { field: string }) => p.field === 'performanceDate');
    expect(performanceDate).toMatchObject({ column: 2 });
    expect(performanceDate.reason).toContain('valeurs : dates');
    expect(inspection.unused.map((u: { header: string }) => u.header)).toContain('Code');
    expect(inspection.amount).toMatchObject({ mode: 'line', source: 'data' });
    const human = await cli('inspect', file, '--db', join(dir, 'a.sqlite'));
    expect(human.stdout).toContain('Montant : montant de la ligne');
  });

  it('lines up the human table: reasons and column names on the left, confidences on the right', async () => {
    const [inspection] = (await cli('inspect', file, '--db', join(dir, 'a.sqlite'), '--json')).json();
    const lines = (await cli('inspect', file, '--db', join(dir, 'a.sqlite'))).stdout.split('\n');
    const header = lines.find((line) => line.startsWith('Champ'))!;
    const reasonAt = header.indexOf('Raison');
    const columnAt = header.indexOf('Colonne');
    const confidenceEnd = header.indexOf('Confiance') + 'Confiance'.length;
    const reasons: string[] = inspection.proposals.map((p: { reason: string }) => p.reason);
    expect(new Set(reasons.map((r) => r.length)).size).toBeGreaterThan(1); // else right and left would look alike
    for (const proposal of inspection.proposals as { field: string; column: number; reason: string }[]) {
      const row = lines.find((line) => line.startsWith(`${proposal.field} `))!;
      expect(row.slice(reasonAt)).toBe(proposal.reason);
      expect(row.slice(columnAt)).toMatch(new RegExp(`^${proposal.column + 1}\\. `));
      expect(row.slice(0, confidenceEnd)).toMatch(/\d\s%( \(faible\))?$/);
    }
  });

  it('takes --map by header name or by number, and --amount', async () => {
    const db = join(dir, 'b.sqlite');
    const run = await cli('import', file, '--db', db, '--json', '--map', 'orderDate=Quand', '--map', 'ticketId=1', '--amount', 'unit');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(unitPrices(db)).toEqual([3000, 1000]);
    const line = join(dir, 'c.sqlite');
    expect((await cli('import', file, '--db', line, '--json', '--amount', 'line')).code).toBe(0);
    expect(unitPrices(line)).toEqual([1000, 1000]);
  });

  it('takes a whole mapping from a JSON file, and says what is wrong with a bad one', async () => {
    const mappingFile = join(dir, 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify({ ticketId: 'Billet', performanceDate: 3, lineAmount: 'Somme', seats: 'Places' }));
    const db = join(dir, 'd.sqlite');
    const run = await cli('import', file, '--db', db, '--json', '--mapping', mappingFile);
    expect(run.stderr).toBe('');
    expect(unitPrices(db)).toEqual([1000, 1000]);
    const bad = await cli('import', file, '--db', db, '--map', 'orderDate=Hier');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("n'a pas de colonne « Hier »");
    expect((await cli('import', file, '--db', db, '--map', 'couleur=1')).stderr).toContain('Champ inconnu : « couleur »');
    expect((await cli('import', file, '--db', db, '--amount', 'total')).code).toBe(2);
  });
});
