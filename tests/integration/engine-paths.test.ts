/**
 * Engine calls that take a path, through the real worker client: a caller can make the engine read
 * only the data folder and what the transport granted, and demo.generate never replaces a file.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineClient } from '../../electron/engine/client.js';
import { tempDir } from '../helpers/temp-db.js';

let root: string;
let dataDir: string;
let outside: string;
let engine: EngineClient;
const CSV = 'N° billet;N° commande;Date représentation;Spectacle;Tarif;Prix\n1;10;14/03/2025 20:30;Phèdre;Plein;25,00\n';

beforeAll(async () => {
  root = tempDir('parterre-engine-paths-');
  dataDir = join(root, 'donnees');
  outside = join(root, 'cle-usb');
  mkdirSync(dataDir);
  mkdirSync(outside);
  engine = startEngine({ dbPath: join(dataDir, 'parterre.sqlite'), dataDir });
  await engine.ready;
});

afterAll(async () => {
  await engine.close();
  rmSync(root, { recursive: true, force: true });
});

describe('engine calls that carry paths', () => {
  it('refuse to read a file outside the data folder that no one granted, then read it once granted', async () => {
    const file = join(outside, 'billets.csv');
    writeFileSync(file, CSV);
    for (const result of [
      await engine.call('imports.inspect', { paths: [file] }),
      await engine.call('imports.run', { files: [{ path: file }], dryRun: true }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    engine.grant([file]);
    const inspected = await engine.call('imports.inspect', { paths: [file] });
    expect(inspected.ok).toBe(true);
    if (inspected.ok) expect(inspected.value.files[0]).toMatchObject({ path: file, name: 'billets.csv' });
  });

  it('demo.generate refuses to replace an existing file and leaves it untouched', async () => {
    const precious = join(dataDir, 'mon-export.csv');
    writeFileSync(precious, 'à garder');
    const result = await engine.call('demo.generate', { path: precious, lines: 100 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(readFileSync(precious, 'utf8')).toBe('à garder');
  });

  it('demo.generate refuses a path outside the data folder, even one granted for reading only', async () => {
    const target = join(outside, 'demo.csv');
    expect(await engine.call('demo.generate', { path: target, lines: 100 })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(existsSync(target)).toBe(false);
    const existing = join(outside, 'granted.csv');
    writeFileSync(existing, 'à garder');
    engine.grant([existing], 'read');
    expect(await engine.call('demo.generate', { path: existing, lines: 100 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(readFileSync(existing, 'utf8')).toBe('à garder');
  });

  it('demo.generate writes a new file in the data folder, and will not write it twice', async () => {
    const target = join(dataDir, 'demo', 'essai.csv');
    const first = await engine.call('demo.generate', { path: target, lines: 100 });
    expect(first).toMatchObject({ ok: true, value: { path: target } });
    const size = readFileSync(target).length;
    expect(size).toBeGreaterThan(0);
    expect(await engine.call('demo.generate', { path: target, lines: 200, seed: 9 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(readFileSync(target).length).toBe(size);
    expect(existsSync(`${target}.part`)).toBe(false);
  });
});
