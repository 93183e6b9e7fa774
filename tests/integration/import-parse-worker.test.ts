/**
 * A large ticket-lines file is read by a parse worker (electron/engine/import/parse-worker.ts) and
 * written by the engine thread batch by batch; a small one is read on the engine thread by the
 * same reader. Both ways must give the same database, and the reader's shortcuts (a customer or
 * a performance read once and named again later) must keep « the last line wins ».
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ParseWorker } from '../../electron/engine/import/read/parse-client.js';
import { generateDemoExport } from '../../resources/demo/generate.js';
import { createImportEnv, dumpDatabase, encodeCsv, type ImportEnv } from '../fixtures/import/harness.js';
import type { TempDb } from '../helpers/temp-db.js';

const WAYS = [
  ['on the engine thread', Infinity],
  ['by a parse worker', 0],
] as const;

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Montant', 'Tarif', 'N° séance', 'Date séance', 'Spectacle', 'Discipline', 'Salle', 'N° client', 'Nom', 'Prénom', 'Email', 'Ville'];

/**
 * Customer 100 comes back with other cells (B: Paris), then with the very cells of its first line
 * (A: Lyon) — which the reader has sent already — then A again. Performance P1 moves to another
 * hall on line 5 and back on line 6. Show « Le Cid » is given another discipline by line 8
 * (performance P5) and its own back by line 9 (P4, unchanged meanwhile). Line 10 cannot be read;
 * line 11 is an anonymous counter sale.
 */
const P1 = ['P1', '05/10/2024 20:30', 'Hamlet', 'Théâtre', 'Grande salle'];
const P4 = ['P4', '08/10/2024 20:30', 'Le Cid', 'Théâtre', 'Studio'];
const TRICKY_ROWS = [
  HEADER,
  ['1', '10', '01/10/2024', '20,00', 'Plein tarif', ...P1, '100', 'Dupont', 'Marie', 'marie@exemple.fr', 'Lyon'],
  ['2', '11', '02/10/2024', '15,00', 'Tarif réduit', 'P2', '06/10/2024 20:30', 'Phèdre', 'Théâtre', 'Studio', '100', 'Dupont', 'Marie', 'marie@exemple.fr', 'Paris'],
  ['3', '12', '03/10/2024', '20,00', 'Plein tarif', ...P1, '100', 'Dupont', 'Marie', 'marie@exemple.fr', 'Lyon'],
  ['4', '13', '04/10/2024', '20,00', 'Plein tarif', 'P1', '05/10/2024 20:30', 'Hamlet', 'Théâtre', 'Petite salle', '200', 'Martin', 'Paul', '', 'Dijon'],
  ['5', '17', '04/10/2024', '20,00', 'Plein tarif', ...P1, '200', 'Martin', 'Paul', '', 'Dijon'],
  ['6', '18', '04/10/2024', '20,00', 'Plein tarif', ...P4, '200', 'Martin', 'Paul', '', 'Dijon'],
  ['7', '19', '04/10/2024', '20,00', 'Plein tarif', 'P5', '09/10/2024 20:30', 'Le Cid', 'Danse', 'Studio', '200', 'Martin', 'Paul', '', 'Dijon'],
  ['8', '14', '05/10/2024', '20,00', 'Plein tarif', ...P4, '100', 'Dupont', 'Marie', 'marie@exemple.fr', 'Lyon'],
  ['9', '15', '05/10/2024', 'vingt', 'Plein tarif', ...P1, '100', 'Dupont', 'Marie', 'marie@exemple.fr', 'Nice'],
  ['10', '16', '05/10/2024', '12,00', 'Plein tarif', 'P2', '06/10/2024 20:30', 'Phèdre', 'Théâtre', 'Studio', '', 'Vente guichet', '', '', ''],
];

let dir: string;
let demoPath: string;
const envs: ImportEnv[] = [];

/** The database without the import log's clock readings, which differ from one run to the next. */
function content(db: TempDb): string {
  const summaries = db.sqlite.prepare('SELECT summary FROM imports ORDER BY id').pluck().all() as string[];
  const withoutClock = summaries.map((s) => ({ ...JSON.parse(s), durationMs: 0 }));
  db.sqlite.exec("UPDATE imports SET started_at = '', finished_at = '', summary = ''");
  return JSON.stringify(withoutClock) + dumpDatabase(db);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parterre-parse-worker-'));
  // About 3 MB: several chunks, so several batches cross from the worker.
  demoPath = (await generateDemoExport({ path: join(dir, 'demo.csv'), seed: 11, lines: 12_000 })).path;
});
afterAll(async () => {
  for (const env of envs) await env.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function importBoth(path: string): Promise<ImportEnv[]> {
  const both = WAYS.map(([, parseWorkerFromBytes]) => createImportEnv({ parseWorkerFromBytes }));
  envs.push(...both);
  for (const env of both) await env.ok('imports.run', { files: [{ path }] });
  return both;
}

describe('a ticket-lines file read by a parse worker', () => {
  it('gives the database that reading it on the engine thread gives', async () => {
    const [inThread, inWorker] = await importBoth(demoPath);
    expect(inWorker.db.sqlite.prepare('SELECT count(*) FROM tickets').pluck().get()).toBeGreaterThan(10_000);
    expect(content(inWorker.db)).toBe(content(inThread.db));
  });

  it('a re-import through the worker changes nothing', async () => {
    const env = createImportEnv({ parseWorkerFromBytes: 0 });
    envs.push(env);
    await env.ok('imports.run', { files: [{ path: demoPath }] });
    const again = await env.ok<{ tickets: object; orders: object; customers: object }>('imports.run', { files: [{ path: demoPath }] });
    expect(again.tickets).toMatchObject({ new: 0, updated: 0 });
    expect(again.orders).toMatchObject({ new: 0, updated: 0 });
    expect(again.customers).toMatchObject({ new: 0, updated: 0 });
  });
});

describe.each(WAYS)('lines whose customer or performance comes back, read %s', (_way, parseWorkerFromBytes) => {
  let env: ImportEnv;
  beforeAll(async () => {
    env = createImportEnv({ parseWorkerFromBytes });
    envs.push(env);
    const path = join(dir, `tricky-${parseWorkerFromBytes}.csv`);
    writeFileSync(path, encodeCsv(TRICKY_ROWS));
    await env.ok('imports.run', { files: [{ path }] });
  });

  it('keeps the values of the last line that names the customer', () => {
    const customers = env.db.sqlite.prepare('SELECT source_key, last_name, city FROM customers ORDER BY source_key').all();
    // Line 9 (Lyon) is the last readable line of customer 100; line 10 (Nice) is rejected.
    expect(customers).toEqual([
      { source_key: '100', last_name: 'Dupont', city: 'Lyon' },
      { source_key: '200', last_name: 'Martin', city: 'Dijon' },
    ]);
  });

  it('keeps the values of the last line that names the performance, and its show', () => {
    const hall = env.db.sqlite.prepare("SELECT hall FROM performances WHERE source_key = 'P1'").pluck().get();
    expect(hall).toBe('Grande salle');
    const discipline = env.db.sqlite.prepare("SELECT discipline FROM shows WHERE title = 'Le Cid'").pluck().get();
    expect(discipline).toBe('Théâtre');
  });

  it('links every order to its customer, and the counter sale to none', () => {
    const orders = env.db.sqlite
      .prepare('SELECT o.source_key AS orderKey, c.source_key AS customer FROM orders o LEFT JOIN customers c ON c.id = o.customer_id ORDER BY o.source_key')
      .all();
    expect(orders).toEqual([
      { orderKey: '10', customer: '100' },
      { orderKey: '11', customer: '100' },
      { orderKey: '12', customer: '100' },
      { orderKey: '13', customer: '200' },
      { orderKey: '14', customer: '100' },
      { orderKey: '16', customer: null },
      { orderKey: '17', customer: '200' },
      { orderKey: '18', customer: '200' },
      { orderKey: '19', customer: '200' },
    ]);
    const rejects = env.db.sqlite.prepare('SELECT line, "column" FROM import_rejects').all();
    expect(rejects).toEqual([{ line: 10, column: 4 }]);
  });
});

describe('a file the parse worker cannot read', () => {
  it('names the file and the line, and writes nothing', async () => {
    const env = createImportEnv({ parseWorkerFromBytes: 0 });
    envs.push(env);
    const before = dumpDatabase(env.db);
    // A NUL byte past the first megabyte, which the inspection samples: only the reading meets it.
    const rows = [HEADER, ...Array.from({ length: 12_000 }, (_, i) => [String(i + 1), String(i + 1), '01/10/2024', '20,00', 'Plein tarif', 'P1', '05/10/2024', 'Hamlet', 'Grande salle', String(i % 50), 'Nom', 'Prénom', '', 'Lyon'])];
    const path = join(dir, 'nul.csv');
    writeFileSync(path, Buffer.concat([encodeCsv(rows), Buffer.from([0x00]), encodeCsv([HEADER])]));
    const result = await env.call('imports.run', { files: [{ path }] });
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ code: 'BAD_FILE', details: { file: 'nul.csv' } });
    expect(result.error?.message).toMatch(/nul\.csv.*octet nul/);
    expect(dumpDatabase(env.db)).toBe(before);
    // The import shrinks SQLite's page cache while it runs; a failed one gives it back too.
    expect(env.db.sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
  });
});

describe('the parse worker started before the files are inspected', () => {
  afterEach(() => vi.restoreAllMocks());

  /** An import environment whose every file goes to a parse worker, and spies on the workers' reads and stops. */
  function watched() {
    const read = vi.spyOn(ParseWorker.prototype, 'read');
    const stop = vi.spyOn(ParseWorker.prototype, 'stop');
    const env = createImportEnv({ parseWorkerFromBytes: 0 });
    envs.push(env);
    return { read, stop, env };
  }

  it('reads the first large ticket-lines file, and is stopped once', async () => {
    const { read, stop, env } = watched();
    const path = join(dir, 'early.csv');
    writeFileSync(path, encodeCsv(TRICKY_ROWS));
    await env.ok('imports.run', { files: [{ path }] });
    expect(read).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('is stopped when no file takes it (here, a file that cannot be inspected)', async () => {
    const { read, stop, env } = watched();
    const empty = join(dir, 'vide.csv');
    writeFileSync(empty, '');
    const result = await env.call('imports.run', { files: [{ path: empty }] });
    expect(result.ok).toBe(false);
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
    expect(read).not.toHaveBeenCalled();
  });
});
