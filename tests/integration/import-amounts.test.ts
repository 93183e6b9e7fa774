/**
 * The two amount fields through the real import: a line total divided by the seats, a unit
 * price and a line total checked against each other (a mismatch rejects the line, naming its
 * column), `amountMode` overriding the data, a preset remembering it, and a file whose amount
 * header is unknown still read as ticket lines.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileInspection, ImportSummary } from '../../shared/types.js';
import { countRows, createImportEnv, ticketRow, type ImportEnv } from '../fixtures/import/harness.js';

let env: ImportEnv;
beforeEach(() => {
  env = createImportEnv();
});
afterEach(() => env.cleanup());

const inspect = async (path: string) => (await env.ok<{ files: FileInspection[] }>('imports.inspect', { paths: [path] })).files[0];

describe('amounts', () => {
  it('divides a line total by its seats, and checks it against a unit price when both are given', async () => {
    const path = env.csv('both.csv', [
      ['N° billet', 'Date séance', 'Tarif', 'Places', 'Prix unitaire', 'Montant total'],
      ['B1', '14/03/2025', 'Plein', '3', '10,80', '32,40'],
      ['B2', '14/03/2025', 'Plein', '2', '10,80', '21,60'],
      ['B3', '14/03/2025', 'Plein', '2', '10,80', '25,00'],
      ['B4', '14/03/2025', 'Plein', '1', '10,80', '10,80'],
    ]);
    expect((await inspect(path)).amount).toMatchObject({ mode: 'both' });
    const summary = await env.ok<ImportSummary>('imports.run', { files: [{ path }] });
    expect(summary.rejected).toBe(1);
    expect(summary.rejects[0]).toMatchObject({ line: 4, column: 6 });
    expect(summary.rejects[0].reason).toBe('Montant de la ligne 25,00 différent du prix × places (10,80 × 2 = 21,60)');
    expect(ticketRow(env.db, 'B1').unit_price_cents).toBe(1080);
  });

  it('reads one amount column as the data says, or as the user says', async () => {
    const rows = [
      ['N° billet', 'Date séance', 'Tarif', 'Places', 'Montant'],
      ['B1', '14/03/2025', 'Plein', '3', '32,40'],
      ['B2', '14/03/2025', 'Plein', '1', '10,80'],
    ];
    const path = env.csv('line.csv', rows);
    const inspection = await inspect(path);
    expect(inspection.amount).toMatchObject({ mode: 'line', source: 'data' });
    expect(inspection.mapping.lineAmount).toBe(4);
    await env.ok('imports.run', { files: [{ path }], savePreset: 'Guichet' });
    expect(ticketRow(env.db, 'B1').unit_price_cents).toBe(1080);
    // The preset remembers the column as a line total.
    const again = await inspect(env.csv('line-2.csv', rows));
    expect(again).toMatchObject({ preset: 'Guichet', amount: { mode: 'line', source: 'preset' } });
    // The user's word wins over the data.
    await env.ok('presets.delete', { name: 'Guichet' });
    await env.ok('imports.run', { files: [{ path, amountMode: 'unit' }] });
    expect(ticketRow(env.db, 'B1').unit_price_cents).toBe(3240);
  });

  it('warns when the data cannot tell, and reads the column as its header says', async () => {
    const path = env.csv('undecided.csv', [
      ['N° billet', 'Date séance', 'Tarif', 'Places', 'Montant'],
      ['B1', '14/03/2025', 'Plein', '3', '32,40'],
      ['B2', '15/03/2025', 'Réduit', '2', '16,00'],
    ]);
    expect((await inspect(path)).amount).toMatchObject({ mode: null, source: 'undecided' });
    const summary = await env.ok<ImportSummary>('imports.run', { files: [{ path }] });
    expect(summary.warnings!.join('\n')).toContain("« Montant » est lue comme le prix d'une place d'après son en-tête");
  });
});

describe('file kinds', () => {
  it('keeps a ticket file whose amount header is unknown a ticket file, and names the column that could hold it', async () => {
    const path = env.csv('billets.csv', [
      ['N° billet', 'N° commande', 'Date séance', 'Valeur', 'Nom'],
      ['B1', 'O1', '14/03/2025', 'gratuit', 'Martin'],
      ['B2', 'O1', '14/03/2025', 'gratuit', 'Martin'],
    ]);
    const inspection = await inspect(path);
    expect(inspection.kind).toBe('tickets');
    const result = await env.call('imports.run', { files: [{ path }] });
    expect(result.ok).toBe(false);
    expect(result.error!.message).toContain('« Prix de la place »');
    expect(result.error!.message).toContain('« Valeur »');
    // Never re-read as a performances file: nothing was written.
    expect(countRows(env.db, 'performances')).toBe(0);
  });

  it('warns in the summary about an unused column that looks like a date, an identifier or an amount', async () => {
    const path = env.csv('extra.csv', [
      ['N° billet', 'Date séance', 'Prix', 'Référence interne', 'Remarque'],
      ['B1', '14/03/2025', '10,00', 'X-000123', 'ok'],
      ['B2', '14/03/2025', '10,00', 'X-000124', 'ok'],
    ]);
    const summary = await env.ok<ImportSummary>('imports.run', { files: [{ path }] });
    expect(summary.warnings).toEqual(["« extra.csv » : la colonne « Référence interne » (identifiants uniques) n'est pas importée."]);
  });
});

describe('the currency', () => {
  it('is set by the first file whose amounts name one, and a file in another is refused', async () => {
    const dollars = env.csv('usd.csv', [
      ['Ticket ID', 'Event Date', 'Price'],
      ['T1', '03/14/2025', '$1,180.00'],
      ['T2', '03/15/2025', '$12.50'],
    ]);
    const inspection = await inspect(dollars);
    expect(inspection).toMatchObject({ currency: 'USD', decimalMark: '.' });
    await env.ok('imports.run', { files: [{ path: dollars }] });
    expect(ticketRow(env.db, 'T1').unit_price_cents).toBe(118000);
    expect(env.db.sqlite.prepare("SELECT value FROM settings WHERE key = 'currency'").get()).toEqual({ value: 'USD' });
    const euros = env.csv('eur.csv', [['N° billet', 'Date séance', 'Prix'], ['B1', '14/03/2025', '12,50 €']]);
    const refused = await env.call('imports.run', { files: [{ path: euros }] });
    expect(refused.error!.message).toContain('ses montants sont en EUR, ceux de la base en USD');
  });
});
