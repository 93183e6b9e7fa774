/**
 * Rows that move between imports take their tickets along: an order that changes customer, a
 * performance that changes season (a ticket's customer is its order's, its season its
 * performance's). The tickets themselves count as unchanged (their own columns did not change). A large import (more
 * lines than the table held, and more than 50,000) drops the secondary indexes of the tickets and
 * orders while it reads, and recreates them as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/types.js';
import { createImportEnv, ticketRow, type ImportEnv } from '../fixtures/import/harness.js';

const HEADER = ['N° billet', 'N° commande', 'Prix', 'N° séance', 'Date représentation', 'Heure', 'Spectacle', 'N° client', 'Nom', 'Prénom'];
type Row = (string | number)[];
const line = (ticket: string, order: string, perf: string, date: string, customer: string): Row => [
  ticket, order, '10,00', perf, date, '20:30', 'Le Misanthrope', customer, `Nom ${customer}`, 'Anne',
];

let env: ImportEnv;
beforeEach(() => {
  env = createImportEnv();
});
afterEach(() => env.cleanup());

const run = (name: string, rows: Row[]) => env.ok<ImportSummary>('imports.run', { files: [{ path: env.csv(name, [HEADER, ...rows]) }] });
const ticket = (key: string) => ticketRow(env.db, key);
const idOf = (table: string, key: string) => (env.db.sqlite.prepare(`SELECT id FROM ${table} WHERE source_key = ?`).get(key) as { id: number }).id;
const indexesOf = (table: string) => env.db.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name").all(table);
const ticketIndexes = () => indexesOf('tickets');
const orderIndexes = () => indexesOf('orders');

describe('rows that move take their tickets along', () => {
  it('an order that changes customer', async () => {
    await run('v1.csv', [line('B1', 'O1', 'S1', '12/10/2024', 'C1'), line('B2', 'O1', 'S1', '12/10/2024', 'C1'), line('B3', 'O2', 'S1', '12/10/2024', 'C1')]);
    const summary = await run('v2.csv', [line('B1', 'O1', 'S1', '12/10/2024', 'C2'), line('B2', 'O1', 'S1', '12/10/2024', 'C2'), line('B3', 'O2', 'S1', '12/10/2024', 'C1')]);
    expect(summary.orders).toEqual({ new: 0, updated: 1, unchanged: 1 });
    expect(summary.tickets).toEqual({ new: 0, updated: 0, unchanged: 3 });
    expect(ticket('B1').customer_id).toBe(idOf('customers', 'C2'));
    expect(ticket('B2').customer_id).toBe(idOf('customers', 'C2'));
    expect(ticket('B3').customer_id).toBe(idOf('customers', 'C1'));
  });

  it('an order whose first line is an anonymous sale and a later line names the customer', async () => {
    const anonymous: Row = ['B1', 'O1', '10,00', 'S1', '12/10/2024', '20:30', 'Le Misanthrope', '', 'Anonyme', ''];
    const summary = await run('v1.csv', [anonymous, line('B2', 'O1', 'S1', '12/10/2024', 'C1')]);
    expect(summary.tickets.new).toBe(2);
    expect(ticket('B1').customer_id).toBe(idOf('customers', 'C1'));
    expect(ticket('B2').customer_id).toBe(idOf('customers', 'C1'));
  });

  it('a performance that changes season', async () => {
    await run('v1.csv', [line('B1', 'O1', 'S1', '12/10/2024', 'C1'), line('B2', 'O2', 'S2', '12/10/2024', 'C1')]);
    const summary = await run('v2.csv', [line('B1', 'O1', 'S1', '12/10/2025', 'C1'), line('B2', 'O2', 'S2', '12/10/2024', 'C1')]);
    expect(summary.performances).toEqual({ new: 0, updated: 1, unchanged: 1 });
    expect(summary.tickets).toEqual({ new: 0, updated: 0, unchanged: 2 });
    expect(ticket('B1').season_year).toBe(2025);
    expect(ticket('B2').season_year).toBe(2024);
  });

  it('in a large import, whose indexes come back as they were', async () => {
    const before = ticketIndexes();
    const ordersBefore = orderIndexes();
    const customersBefore = indexesOf('customers');
    const rows: Row[] = [];
    for (let i = 1; i <= 60_000; i++) rows.push(line(`B${i}`, `O${Math.ceil(i / 2)}`, `S${i % 7}`, '12/10/2024', `C${i % 500}`));
    // After the first 50,000 lines: an order changes customer, a performance changes season.
    rows.push(line('B59999', 'O30000', 'S2', '12/10/2024', 'C777'));
    rows.push(line('B60001', 'O30001', 'S5', '12/10/2025', 'C1'));
    const summary = await run('gros.csv', rows);
    expect(summary.tickets.new).toBe(60_001);
    expect(ticketIndexes()).toEqual(before);
    expect(orderIndexes()).toEqual(ordersBefore);
    expect(indexesOf('customers')).toEqual(customersBefore);
    expect(customersBefore).toHaveLength(1);
    expect(ticket('B59999').customer_id).toBe(idOf('customers', 'C777'));
    expect(ticket('B60000').customer_id).toBe(idOf('customers', 'C777'));
    const s5 = idOf('performances', 'S5');
    expect(env.db.sqlite.prepare('SELECT season_year FROM performances WHERE id = ?').pluck().get(s5)).toBe(2025);
    const ticketsOf2024 = 'SELECT count(*) FROM tickets t JOIN performances p ON p.id = t.performance_id WHERE p.season_year = 2024';
    expect(env.db.sqlite.prepare(ticketsOf2024).pluck().get()).toBe(60_001 - 8_572);
  });
});
