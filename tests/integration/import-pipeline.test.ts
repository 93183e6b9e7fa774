/**
 * The import end to end on a real database: Windows-1252 files written by the test, idempotent
 * re-import, a later export, reversals, nbPlaces, anonymous sales, separate customers and
 * performances files, presets and dry runs. Expected figures are counted by hand from the rows below.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/types.js';
import { countRows, createImportEnv, ticketRow, type ImportEnv } from '../fixtures/import/harness.js';

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Etat', 'Prix', 'nbPlaces', 'Tarif', 'N° séance', 'Date représentation', 'Heure', 'Spectacle', 'Salle', 'N° client', 'Nom', 'Prénom', 'Email', 'Code postal'];
type Row = (string | number)[];
const sale = (ticket: string, order: string, price: string, seats: string, tariff: string, perf: string, date: string, customer: Row): Row => [
  ticket, order, '01/09/2024 10:00', 'V', price, seats, tariff, perf, date, '20:30', 'Le Misanthrope', 'Grande salle', ...customer,
];
const HELENE: Row = ['C1', 'Lefèvre', 'Hélène', 'helene@exemple.fr', '75001'];
const JEROME: Row = ['C2', 'Garçon', 'Jérôme', 'jerome@exemple.fr', '69002'];
const ANONYME: Row = ['', 'Anonyme', '', '', ''];

const BASE: Row[] = [
  sale('B1', 'O1', '25,00', '1', 'Plein tarif', 'S1', '12/10/2024', HELENE),
  sale('B2', 'O1', '18,50', '3', 'Tarif réduit', 'S1', '12/10/2024', HELENE),
  sale('B3', 'O2', '0', '1', 'Invitation', 'S2', '15/03/2025', JEROME),
  sale('B4', 'O3', '25,00', '2', 'Plein tarif', 'S2', '15/03/2025', ANONYME),
];

let env: ImportEnv;
beforeEach(() => {
  env = createImportEnv();
});
afterEach(() => env.cleanup());

const run = (files: unknown[], extra: Record<string, unknown> = {}) => env.ok<ImportSummary>('imports.run', { files, ...extra });
const tableCounts = () => Object.fromEntries(['customers', 'shows', 'performances', 'orders', 'tickets'].map((t) => [t, countRows(env.db, t)]));
const ticket = (key: string) => ticketRow(env.db, key);

describe('a flat ticket-lines file', () => {
  it('is read in Windows-1252 with its accents, seats, tariff kinds and seasons', async () => {
    const path = env.csv('billets.csv', [HEADER, ...BASE]);
    const summary = await run([{ path }]);
    expect(summary.linesRead).toBe(4);
    expect(summary.rejected).toBe(0);
    expect(summary.files[0].encoding).toBe('windows-1252');
    expect(summary.tickets).toEqual({ new: 4, updated: 0, unchanged: 0 });
    // 1 + 3 + 1 + 2 seats on the sale lines.
    expect(summary.seats).toBe(7);
    expect(summary.customers.new).toBe(2);
    expect(summary.orders.new).toBe(3);
    expect(summary.performances.new).toBe(2);
    expect(summary.shows.new).toBe(1);

    const helene = env.db.sqlite.prepare("SELECT * FROM customers WHERE source_key = 'C1'").get() as Record<string, unknown>;
    expect(helene.last_name).toBe('Lefèvre');
    expect(helene.first_name).toBe('Hélène');
    expect(ticket('B2')).toMatchObject({ seats: 3, valid_seats: 3, unit_price_cents: 1850, tariff_kind: 'reduced', season_year: 2024 });
    expect(ticket('B3')).toMatchObject({ tariff_kind: 'free', unit_price_cents: 0, season_year: 2024 });
    expect(ticket('B1')).toMatchObject({ tariff: 'Plein tarif', tariff_kind: 'full' });
    const perf = env.db.sqlite.prepare("SELECT * FROM performances WHERE source_key = 'S1'").get() as Record<string, unknown>;
    expect(perf.starts_at).toBe('2024-10-12T20:30:00');
  });

  it('records an anonymous counter sale with no customer, its tickets still counted', async () => {
    const path = env.csv('billets.csv', [HEADER, ...BASE]);
    await run([{ path }]);
    const b4 = ticket('B4');
    expect(b4.customer_id).toBeNull();
    expect(b4.valid_seats).toBe(2);
    const order = env.db.sqlite.prepare("SELECT customer_id FROM orders WHERE source_key = 'O3'").get() as { customer_id: number | null };
    expect(order.customer_id).toBeNull();
    expect(countRows(env.db, 'customers')).toBe(2);
  });

  it('keeps a ticket\'s tariff name when a later export leaves it empty, and takes a new name or kind', async () => {
    await run([{ path: env.csv('billets.csv', [HEADER, ...BASE]) }]);
    const later = [
      sale('B1', 'O1', '25,00', '1', '', 'S1', '12/10/2024', HELENE), // no name: Plein tarif kept
      sale('B2', 'O1', '0', '3', '', 'S1', '12/10/2024', HELENE), // no name, now free: Tarif réduit, free
      sale('B4', 'O3', '25,00', '2', 'Tarif groupe', 'S2', '15/03/2025', ANONYME), // a new name (a group rate: reduced)
    ];
    const summary = await run([{ path: env.csv('billets-2.csv', [HEADER, ...later]) }]);
    expect(summary.tickets).toEqual({ new: 0, updated: 2, unchanged: 1 });
    expect(ticket('B1')).toMatchObject({ tariff: 'Plein tarif', tariff_kind: 'full' });
    expect(ticket('B2')).toMatchObject({ tariff: 'Tarif réduit', tariff_kind: 'free', unit_price_cents: 0 });
    expect(ticket('B4')).toMatchObject({ tariff: 'Tarif groupe', tariff_kind: 'reduced' });
  });

  it('changes nothing when the same file comes back', async () => {
    const path = env.csv('billets.csv', [HEADER, ...BASE]);
    await run([{ path }]);
    const before = tableCounts();
    const second = await run([{ path }]);
    expect(tableCounts()).toEqual(before);
    for (const counts of [second.tickets, second.orders, second.customers, second.performances, second.shows]) {
      expect(counts.new).toBe(0);
      expect(counts.updated).toBe(0);
    }
    expect(second.tickets.unchanged).toBe(4);
    expect(second.customers.unchanged).toBe(2);
    expect(second.orders.unchanged).toBe(3);
    expect(countRows(env.db, 'imports')).toBe(2);
  });

  it('keeps one ticket for a number met twice in a first import, with the last line', async () => {
    // B1 comes back soon after (its first line may not be written yet) and B2 after 100 other lines.
    const others = Array.from({ length: 100 }, (_, i) => sale(`X${i}`, `OX${i}`, '10,00', '1', 'Plein tarif', 'S1', '12/10/2024', JEROME));
    const rows = [
      sale('B1', 'O1', '25,00', '1', 'Plein tarif', 'S1', '12/10/2024', HELENE),
      sale('B2', 'O1', '18,50', '1', 'Plein tarif', 'S1', '12/10/2024', HELENE),
      sale('B1', 'O1', '22,00', '1', 'Plein tarif', 'S1', '12/10/2024', HELENE),
      ...others,
      sale('B2', 'O1', '15,00', '2', 'Tarif réduit', 'S1', '12/10/2024', HELENE),
    ];
    const summary = await run([{ path: env.csv('doublons.csv', [HEADER, ...rows]) }]);
    expect(summary.tickets).toEqual({ new: 102, updated: 0, unchanged: 0 });
    expect(countRows(env.db, 'tickets')).toBe(102);
    expect(ticket('B1')).toMatchObject({ unit_price_cents: 2200, seats: 1 });
    expect(ticket('B2')).toMatchObject({ unit_price_cents: 1500, seats: 2, tariff: 'Tarif réduit', tariff_kind: 'reduced' });
  });

  it('reads a customer again when the line differs from the one before in its last character only', async () => {
    const rows = [
      sale('B1', 'O1', '25,00', '1', 'Plein tarif', 'S1', '12/10/2024', HELENE),
      sale('B2', 'O2', '25,00', '1', 'Plein tarif', 'S1', '12/10/2024', ['C1', 'Lefèvre', 'Hélène', 'helene@exemple.fr', '75002']),
    ];
    await run([{ path: env.csv('dernier-caractere.csv', [HEADER, ...rows]) }]);
    expect(env.db.sqlite.prepare("SELECT postal_code FROM customers WHERE source_key = 'C1'").pluck().get()).toBe('75002');
  });

  it('updates a changed customer and adds a new ticket from a later export', async () => {
    await run([{ path: env.csv('v1.csv', [HEADER, ...BASE]) }]);
    const searchTextOf = (key: string) => env.db.sqlite.prepare('SELECT search_text FROM customers WHERE source_key = ?').pluck().get(key);
    // Written with the new rows (lower case, accents removed: « Garçon » is found as « garcon »).
    expect(searchTextOf('C2')).toBe('garcon jerome jerome@exemple.fr 69002');
    const later = [
      ...BASE.slice(0, 2),
      sale('B3', 'O2', '0', '1', 'Invitation', 'S2', '15/03/2025', ['C2', 'Garçon', 'Jérôme', 'j.garcon@exemple.fr', '69002']),
      BASE[3],
      sale('B5', 'O4', '25,00', '1', 'Plein tarif', 'S2', '15/03/2025', HELENE),
    ];
    const summary = await run([{ path: env.csv('v2.csv', [HEADER, ...later]) }]);
    expect(summary.tickets).toEqual({ new: 1, updated: 0, unchanged: 4 });
    expect(summary.customers).toEqual({ new: 0, updated: 1, unchanged: 1 });
    expect(summary.orders).toEqual({ new: 1, updated: 0, unchanged: 3 });
    const jerome = env.db.sqlite.prepare("SELECT email, search_text FROM customers WHERE source_key = 'C2'").get() as Record<string, string>;
    expect(jerome.email).toBe('j.garcon@exemple.fr');
    expect(jerome.search_text).toBe('garcon jerome j.garcon@exemple.fr 69002');
    expect(countRows(env.db, 'tickets')).toBe(5);
  });

  it('identifies customers without a number by e-mail, then by name + first name + postal code', async () => {
    const rows: Row[] = [
      sale('B1', 'O1', '10', '1', 'Plein', 'S1', '12/10/2024', ['', 'Martin', 'Anne', 'Anne@Exemple.fr', '']),
      sale('B2', 'O2', '10', '1', 'Plein', 'S1', '12/10/2024', ['', 'MARTIN', 'anne', ' anne@exemple.fr ', '']),
      sale('B3', 'O3', '10', '1', 'Plein', 'S1', '12/10/2024', ['', 'Dupré', 'Léa', '', '44000']),
      sale('B4', 'O4', '10', '1', 'Plein', 'S1', '12/10/2024', ['', 'DUPRE', 'Lea', '', '44000']),
    ];
    const summary = await run([{ path: env.csv('sans-numero.csv', [HEADER, ...rows]) }]);
    expect(summary.customers.new).toBe(2);
    const keys = (env.db.sqlite.prepare('SELECT source_key FROM customers ORDER BY source_key').all() as { source_key: string }[]).map((r) => r.source_key);
    expect(keys).toEqual(['email:anne@exemple.fr', 'name:dupre|lea|44000']);
  });
});

describe('reversals', () => {
  it('cancel the sale with the same ticket number', async () => {
    const rows: Row[] = [
      sale('B1', 'O1', '25,00', '2', 'Plein tarif', 'S1', '12/10/2024', HELENE),
      [...sale('B1', 'O1', '-25,00', '-2', 'Plein tarif', 'S1', '12/10/2024', HELENE).slice(0, 3), 'A', ...sale('B1', 'O1', '-25,00', '-2', 'Plein tarif', 'S1', '12/10/2024', HELENE).slice(4)],
    ];
    const summary = await run([{ path: env.csv('annulation.csv', [HEADER, ...rows]) }]);
    expect(summary.reversals).toEqual({ matched: 1, unmatched: 0 });
    expect(summary.seats).toBe(2);
    const saleRow = ticket('B1');
    const reversal = ticket('B1:A');
    expect(saleRow).toMatchObject({ seats: 2, cancelled_seats: 2, valid_seats: 0, is_reversal: 0 });
    expect(reversal).toMatchObject({ is_reversal: 1, valid_seats: 0, reverses_ticket_id: saleRow.id, unit_price_cents: -2500 });
  });

  it('cancel an uncancelled sale of the same order, performance and price, seat by seat, and stay idempotent', async () => {
    const cancel = sale('R9', 'O1', '-18,50', '1', 'Tarif réduit', 'S1', '12/10/2024', HELENE);
    const stray = sale('R10', 'O9', '-30,00', '1', 'Plein tarif', 'S1', '12/10/2024', HELENE);
    const path = env.csv('annulation.csv', [HEADER, ...BASE, cancel, stray]);
    const first = await run([{ path }]);
    expect(first.reversals).toEqual({ matched: 1, unmatched: 1 });
    // B2 had 3 seats at 18,50 in order O1 at S1: one is cancelled.
    expect(ticket('B2')).toMatchObject({ cancelled_seats: 1, valid_seats: 2 });
    expect(ticket('B1')).toMatchObject({ cancelled_seats: 0, valid_seats: 1 });
    expect(ticket('R10:A')).toMatchObject({ is_reversal: 1, reverses_ticket_id: null, valid_seats: 0 });
    const second = await run([{ path }]);
    expect(second.tickets.unchanged).toBe(6);
    expect(ticket('B2')).toMatchObject({ cancelled_seats: 1, valid_seats: 2 });
    expect(ticket('R9:A').reverses_ticket_id).toBe(ticket('B2').id);
  });
});

describe('separate customers and performances files', () => {
  it('are read before the ticket lines, with consent per channel, capacity, hall and VAT', async () => {
    const customers = env.csv('clients.csv', [
      ['N° client', 'Nom', 'Prénom', 'Email', 'Optin email', 'Date optin email', 'Optin SMS', 'Optin courrier', 'Source consentement'],
      ['C1', 'Lefèvre', 'Hélène', 'helene@exemple.fr', 'oui', '03/02/2024', 'non', '', 'Formulaire web'],
      ['C2', 'Garçon', 'Jérôme', 'jerome@exemple.fr', 'x', '', '0', 'yes', ''],
    ]);
    const performances = env.csv('seances.csv', [
      ['N° séance', 'Date séance', 'Heure', 'Spectacle', 'Salle', 'Jauge', 'TVA'],
      ['S1', '12/10/2024', '20:30', 'Le Misanthrope', 'Grande salle', '1 200', '5,5'],
      ['S2', '2025-03-15', '19h', 'Cendrillon', 'Studio', '80', '2,1 %'],
    ]);
    const tickets = env.csv('billets.csv', [
      ['N° billet', 'N° commande', 'Prix', 'N° séance', 'Date séance', 'N° client'],
      ['B1', 'O1', '25', 'S1', '12/10/2024', 'C1'],
      ['B2', 'O2', '12,5', 'S2', '15/03/2025', 'C2'],
    ]);
    // Given tickets first: the import still reads customers, then performances, then tickets.
    const summary = await run([{ path: tickets }, { path: performances }, { path: customers }]);
    expect(summary.files.map((f) => f.kind)).toEqual(['customers', 'performances', 'tickets']);
    // Rows first met in the customers and performances files count once, as new.
    expect(summary.customers).toEqual({ new: 2, updated: 0, unchanged: 0 });
    expect(summary.performances).toEqual({ new: 2, updated: 0, unchanged: 0 });

    const c1 = env.db.sqlite.prepare("SELECT * FROM customers WHERE source_key = 'C1'").get() as Record<string, unknown>;
    expect(c1).toMatchObject({ consent_email: 1, consent_email_at: '2024-02-03T00:00:00', consent_email_source: 'Formulaire web', consent_sms: 0, consent_post: null });
    const c2 = env.db.sqlite.prepare("SELECT * FROM customers WHERE source_key = 'C2'").get() as Record<string, unknown>;
    expect(c2).toMatchObject({ consent_email: 1, consent_sms: 0, consent_post: 1, consent_email_source: 'clients.csv' });
    const s1 = env.db.sqlite.prepare("SELECT * FROM performances WHERE source_key = 'S1'").get() as Record<string, unknown>;
    expect(s1).toMatchObject({ capacity: 1200, vat_rate_bp: 550, hall: 'Grande salle', starts_at: '2024-10-12T20:30:00' });
    const s2 = env.db.sqlite.prepare("SELECT * FROM performances WHERE source_key = 'S2'").get() as Record<string, unknown>;
    expect(s2).toMatchObject({ capacity: 80, vat_rate_bp: 210, starts_at: '2025-03-15T19:00:00' });
    expect(ticket('B1').customer_id).toBe(c1.id);
    expect(ticket('B2')).toMatchObject({ performance_id: s2.id, unit_price_cents: 1250 });
    expect(countRows(env.db, 'shows')).toBe(2);
  });
});

describe('settings, presets and dry runs', () => {
  it('derives the season from the performance date and the start month given with the import', async () => {
    const path = env.csv('billets.csv', [HEADER, ...BASE]);
    await run([{ path }], { seasonStartMonth: 1 });
    // With seasons starting in January, 12/10/2024 is season 2024 and 15/03/2025 season 2025.
    expect(ticket('B1').season_year).toBe(2024);
    expect(ticket('B3').season_year).toBe(2025);
    const setting = env.db.sqlite.prepare("SELECT value FROM settings WHERE key = 'seasonStartMonth'").get() as { value: string };
    expect(setting.value).toBe('1');
  });

  it('saves a preset with an import and applies it when the same header comes back', async () => {
    const headers = ['Ref', 'Quand', 'Combien'];
    const path = env.csv('maison.csv', [headers, ['X1', '12/10/2024', '10'], ['X2', '13/10/2024', '12']]);
    const [inspection] = (await env.ok<{ files: { mapping: Record<string, number>; missingRequired: string[]; preset: string | null }[] }>('imports.inspect', { paths: [path] })).files;
    // None of these headers is a synonym: only the dates are proposed, from their values (a weak
    // proposal), and the import needs a mapping for the rest.
    expect(inspection.mapping).toEqual({ performanceDate: 1 });
    const mapping = { ticketId: 0, performanceDate: 1, unitPrice: 2 };
    const first = await run([{ path, kind: 'tickets', mapping }], { savePreset: 'Export maison' });
    expect(first.tickets.new).toBe(2);

    const later = env.csv('maison-2.csv', [['REF', 'quand', 'combien'], ['X3', '14/10/2024', '9']]);
    const again = (await env.ok<{ files: { mapping: Record<string, number>; preset: string | null; kind: string }[] }>('imports.inspect', { paths: [later] })).files[0];
    expect(again.preset).toBe('Export maison');
    expect(again.mapping).toEqual(mapping);
    expect(again.kind).toBe('tickets');
    const second = await run([{ path: later }]);
    expect(second.tickets.new).toBe(1);
    expect(ticket('X3').unit_price_cents).toBe(900);

    const presets = await env.ok<{ name: string; headers: string[]; mapping: Record<string, number> }[]>('presets.list', {});
    expect(presets).toEqual([expect.objectContaining({ name: 'Export maison', headers, mapping })]);
    expect(await env.ok('presets.delete', { name: 'Export maison' })).toEqual({ deleted: true });
    expect(await env.ok('presets.list', {})).toEqual([]);
  });

  it('saves a preset with presets.save, by header name', async () => {
    const saved = await env.ok<{ mapping: Record<string, number> }>('presets.save', {
      name: 'Billetterie',
      kind: 'tickets',
      headers: ['Montant', 'Jour'],
      // Written with the field name of earlier versions: `amount` is the price of a seat.
      mapping: { amount: 0, performanceDate: 1 },
    });
    expect(saved.mapping).toEqual({ unitPrice: 0, performanceDate: 1 });
    const path = env.csv('b.csv', [['Montant', 'Jour'], ['10', '12/10/2024']]);
    const inspection = (await env.ok<{ files: { preset: string; mapping: Record<string, number> }[] }>('imports.inspect', { paths: [path] })).files[0];
    expect(inspection.preset).toBe('Billetterie');
    expect(inspection.mapping).toEqual({ unitPrice: 0, performanceDate: 1 });
  });

  it('reports a dry run and writes nothing', async () => {
    const path = env.csv('billets.csv', [HEADER, ...BASE]);
    const summary = await run([{ path }], { dryRun: true });
    expect(summary.importId).toBeNull();
    expect(summary.dryRun).toBe(true);
    expect(summary.tickets.new).toBe(4);
    for (const table of ['tickets', 'customers', 'orders', 'imports', 'performances']) expect(countRows(env.db, table)).toBe(0);
  });

  it('lists imports and their rejects', async () => {
    const path = env.csv('billets.csv', [HEADER, ...BASE, sale('B9', 'O9', 'douze', '1', 'Plein', 'S1', '12/10/2024', HELENE)]);
    const summary = await run([{ path }]);
    const list = await env.ok<{ id: number; linesRead: number; rejected: number }[]>('imports.list', {});
    expect(list).toEqual([expect.objectContaining({ id: summary.importId, linesRead: 5, rejected: 1 })]);
    const rejects = await env.ok<{ total: number; rows: { line: number; column: number; raw: string }[] }>('imports.rejects', { importId: summary.importId });
    expect(rejects.total).toBe(1);
    expect(rejects.rows[0]).toMatchObject({ line: 6, column: 5 });
    expect(rejects.rows[0].raw.startsWith('B9;O9;')).toBe(true);
  });
});
