/**
 * The demonstration never mixes with a venue's own data: demo.load opens a database of its own,
 * an import made meanwhile goes to whichever database is open, leaving the demo returns to the
 * venue's base untouched, and each base's counts and quartiles are its own. And database.empty
 * leaves a backup that opens with the old counts, and an empty base.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { createDispatcher, type Dispatcher } from '../../electron/engine/dispatcher.js';
import { demoDatabasePath } from '../../electron/engine/databases.js';
import { demoPath } from '../../electron/engine/handlers/demo.js';
import { handlers } from '../../electron/engine/handlers/index.js';
import { generateDemoExport } from '../../resources/demo/generate.js';
import { encodeCsv } from '../fixtures/import/harness.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
let engine: Dispatcher;
afterEach(async () => {
  await engine?.databases.leaveDemo();
  await db?.cleanup();
});

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await engine.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as CallOutput<N>;
}

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Montant', 'nbPlaces', 'Tarif', 'N° séance', 'Date séance', 'Spectacle', 'N° client', 'Nom', 'Email'];
/** A venue's own small export: 3 tickets, 2 orders, 2 customers, 1 performance, 1 show. */
function writeOwnExport(dir: string): string {
  const path = join(dir, 'mes-billets.csv');
  writeFileSync(
    path,
    encodeCsv([
      HEADER,
      ['V1', 'W1', '01/09/2024 10:00', '20,00', '1', 'Plein tarif', 'R1', '12/10/2024 20:30', 'Bérénice', 'VEN-1', 'Lambert', 'lambert@exemple.fr'],
      ['V2', 'W1', '01/09/2024 10:00', '12,00', '1', 'Étudiant', 'R1', '12/10/2024 20:30', 'Bérénice', 'VEN-1', 'Lambert', 'lambert@exemple.fr'],
      ['V3', 'W2', '02/09/2024 10:00', '20,00', '1', 'Plein tarif', 'R1', '12/10/2024 20:30', 'Bérénice', 'VEN-2', 'Roux', 'roux@exemple.fr'],
    ]),
  );
  return path;
}
const OWN = { customers: 2, tickets: 3, orders: 2, performances: 1, shows: 1 };

/** Counts read straight from a file, by a connection of the test's own. */
function countsOf(path: string) {
  const file = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const n = (table: string) => file.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { customers: n('customers'), tickets: n('tickets'), orders: n('orders'), performances: n('performances'), shows: n('shows') };
  } finally {
    file.close();
  }
}

async function start() {
  db = openTempDb();
  engine = createDispatcher({ db, dataDir: db.dir, handlers, emit: () => undefined });
  // A small demo export where demo.load looks for it (it generates the full one only when absent).
  mkdirSync(join(db.dir, 'demo'));
  await generateDemoExport({ path: demoPath({ dataDir: db.dir }), lines: 1500, seed: 7 });
}

describe('the demonstration database', () => {
  it('is a database of its own, never the venue’s, and the app says which is open', async () => {
    await start();
    const ownPath = db.path;
    expect((await call('app.info', {})).database).toEqual({ kind: 'own', path: ownPath });

    const loaded = await call('demo.load', {});
    const demoFile = demoDatabasePath(db.dir);
    expect(loaded.database).toMatchObject({ kind: 'demo', path: demoFile, ownPath });
    expect(loaded.summary!.rejected).toBe(0);
    const info = await call('app.info', {});
    expect(info.database).toEqual({ kind: 'demo', path: demoFile });
    expect(info.dbPath).toBe(demoFile);
    const demoCounts = countsOf(demoFile);
    expect(demoCounts.tickets).toBeGreaterThan(1000);
    expect(info.counts.customers).toBe(demoCounts.customers);
    // The venue's own file was not written.
    expect(countsOf(ownPath)).toEqual({ customers: 0, tickets: 0, orders: 0, performances: 0, shows: 0 });
    const demoQuartiles = await call('customers.quartiles', {});

    // Back to the own base, and a real import there.
    expect(await call('demo.leave', {})).toMatchObject({ kind: 'own', path: ownPath, counts: { tickets: 0 } });
    await call('imports.run', { files: [{ path: writeOwnExport(db.dir) }] });
    expect(countsOf(ownPath)).toEqual(OWN);
    expect(countsOf(demoFile)).toEqual(demoCounts);
    const ownInfo = await call('app.info', {});
    expect(ownInfo.database.kind).toBe('own');
    expect(ownInfo.counts).toMatchObject(OWN);
    // Quartiles over the two own customers only: values 32 € and 20 € → Q1 = 20 + 0.25 × 12 = 23 €.
    expect((await call('customers.quartiles', {})).lifetimeValueCents).toEqual([2300, 2600, 2900]);
    const ownCustomers = await call('customers.list', { limit: 100 });
    expect(ownCustomers.rows.map((r) => r.key).sort()).toEqual(['VEN-1', 'VEN-2']);

    // The demo again: reopened as it was, nothing imported, its own figures unchanged.
    const again = await call('demo.load', {});
    expect(again.summary).toBeNull();
    expect(again.database.counts).toMatchObject({ customers: demoCounts.customers, tickets: demoCounts.tickets });
    expect(await call('customers.quartiles', {})).toEqual(demoQuartiles);
    expect((await call('customers.list', { search: 'Lambert', limit: 10 })).rows.map((r) => r.key)).not.toContain('VEN-1');
    await call('demo.leave', {});
    expect(countsOf(ownPath)).toEqual(OWN);
  });

  it('takes an import made while it is open, leaving the venue’s base alone', async () => {
    await start();
    await call('demo.load', {});
    const before = countsOf(demoDatabasePath(db.dir));
    await call('imports.run', { files: [{ path: writeOwnExport(db.dir) }] });
    expect(countsOf(db.path).tickets).toBe(0);
    expect(countsOf(demoDatabasePath(db.dir)).tickets).toBe(before.tickets + OWN.tickets);
  });
});

describe('database.empty', () => {
  it('backs the base up into backups/, then empties it; the backup opens with the old counts', async () => {
    await start();
    await call('imports.run', { files: [{ path: writeOwnExport(db.dir) }] });
    const tariffsBefore = (await call('tariffs.list', {})).length;
    const { backupPath, database } = await call('database.empty', {});
    expect(dirname(backupPath)).toBe(join(db.dir, 'backups'));
    expect(backupPath).toMatch(/parterre-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite$/);
    expect(existsSync(backupPath)).toBe(true);
    expect(countsOf(backupPath)).toEqual(OWN);
    const backup = new Database(backupPath, { readonly: true });
    expect(backup.prepare('SELECT count(*) FROM tariffs').pluck().get()).toBe(tariffsBefore);
    expect(backup.prepare('SELECT count(*) FROM season_stats').pluck().get()).toBe(1);
    backup.close();

    expect(database).toMatchObject({ kind: 'own', counts: { customers: 0, tickets: 0, orders: 0, performances: 0, shows: 0, tariffs: 0, imports: 0 } });
    expect(countsOf(db.path)).toEqual({ customers: 0, tickets: 0, orders: 0, performances: 0, shows: 0 });
    expect(await call('seasons.list', {})).toEqual([]);
    expect(await call('customers.quartiles', {})).toEqual({ ordersPerSeason: null, lifetimeValueCents: null, averageBasketCents: null, ticketsPerOrder: null });
    // The emptied base takes a new import as a fresh one.
    const summary = await call('imports.run', { files: [{ path: writeOwnExport(db.dir) }] });
    expect(summary.tickets.new).toBe(OWN.tickets);
  });

  it('empties the demonstration base when it is the one open, and only it', async () => {
    await start();
    await call('imports.run', { files: [{ path: writeOwnExport(db.dir) }] });
    await call('demo.load', {});
    const { backupPath, database } = await call('database.empty', {});
    expect(database).toMatchObject({ kind: 'demo', counts: { tickets: 0 } });
    expect(backupPath).toMatch(/parterre-demo-.*\.sqlite$/);
    expect(countsOf(backupPath).tickets).toBeGreaterThan(1000);
    await call('demo.leave', {});
    expect(countsOf(db.path)).toEqual(OWN);
  });
});
