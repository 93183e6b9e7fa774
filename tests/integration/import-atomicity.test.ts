/**
 * One transaction per import: a failure in the middle of a file, or a cancellation, leaves every
 * table exactly as it was (compared row by row), and the next import still works.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateExport } from '../fixtures/import/generate-export.js';
import { createImportEnv, dumpDatabase, type ImportEnv } from '../fixtures/import/harness.js';

const HEADER = ['N° billet', 'N° commande', 'Prix', 'N° séance', 'Date représentation', 'Spectacle', 'N° client', 'Nom', 'Email'];
const lines = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => {
    const n = from + i;
    const id = String(n).padStart(4, '0');
    return [`B${id}`, `O${Math.ceil(n / 2)}`, '12,50', `S${n % 7}`, '14/03/2025', 'Cendrillon', `C${n % 40}`, `Nom${n % 40}`, `c${n % 40}@exemple.fr`];
  });

// Both ways of reading a ticket-lines file: on the engine thread, and in a parse worker.
describe.each([
  ['read on the engine thread', Infinity],
  ['read by a parse worker', 0],
])('atomicity, %s', (_way, parseWorkerFromBytes) => {
  let env: ImportEnv;
  beforeEach(async () => {
    env = createImportEnv({ parseWorkerFromBytes });
    // Content to protect: an earlier import.
    await env.ok('imports.run', { files: [{ path: env.csv('avant.csv', [HEADER, ...lines(1, 100)]) }] });
  });
  afterEach(() => env.cleanup());

  it('a failure at line 500 of a file leaves the database identical', async () => {
    const before = dumpDatabase(env.db);
    env.db.sqlite.exec("CREATE TEMP TRIGGER panne BEFORE INSERT ON tickets WHEN NEW.source_key = 'B0500' BEGIN SELECT RAISE(ABORT, 'panne simulée'); END");
    const result = await env.call('imports.run', { files: [{ path: env.csv('gros.csv', [HEADER, ...lines(1, 1000)]) }] });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toContain('panne simulée');
    expect(env.db.sqlite.inTransaction).toBe(false);
    expect(dumpDatabase(env.db)).toBe(before);

    env.db.sqlite.exec('DROP TRIGGER temp.panne');
    const again = await env.ok<{ tickets: { new: number; unchanged: number } }>('imports.run', {
      files: [{ path: join(env.db.dir, 'gros.csv') }],
    });
    expect(again.tickets).toMatchObject({ new: 900, unchanged: 100 });
  });

  it('a row naming a missing parent fails the import at its foreign-key check, and nothing is written', async () => {
    const before = dumpDatabase(env.db);
    // A bug stand-in: a ticket pointing to an order that does not exist.
    env.db.sqlite.exec('CREATE TEMP TRIGGER orpheline AFTER INSERT ON tickets WHEN NEW.source_key = \'B0700\' BEGIN UPDATE tickets SET order_id = 999999 WHERE id = NEW.id; END');
    const result = await env.call('imports.run', { files: [{ path: env.csv('gros.csv', [HEADER, ...lines(1, 1000)]) }] });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(/1 ligne\(s\) de « tickets » renvoient à des « orders » absents/);
    expect(dumpDatabase(env.db)).toBe(before);
    // Enforcement is off during an import only.
    expect(env.db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('a cancellation from a progress event leaves the database identical', async () => {
    const before = dumpDatabase(env.db);
    const path = join(env.db.dir, 'export.csv');
    // ~2 MB: several 1 MB chunks, so the cancel lands between two of them.
    await generateExport(path, 12_000);
    let cancelled: Promise<unknown> | null = null;
    env.onEvent = (event) => {
      if (event.type === 'import.progress' && event.progress.phase === 'reading' && !cancelled) cancelled = env.call('imports.cancel', {});
    };
    const result = await env.call('imports.run', { files: [{ path }] });
    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('CANCELLED');
    expect(dumpDatabase(env.db)).toBe(before);
  });

  it('reports progress while reading and a final event', async () => {
    const path = join(env.db.dir, 'export.csv');
    await generateExport(path, 12_000);
    env.progress.length = 0;
    await env.ok('imports.run', { files: [{ path }] });
    const reading = env.progress.filter((p) => p.phase === 'reading');
    expect(reading.length).toBeGreaterThan(1);
    expect(reading.every((p, i) => i === 0 || p.bytesRead >= reading[i - 1].bytesRead)).toBe(true);
    const last = env.progress[env.progress.length - 1];
    expect(last).toMatchObject({ phase: 'done', percent: 100, linesRead: 12_000 });
  });
});
