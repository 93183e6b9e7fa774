/**
 * Engine calls that take a path, through the real worker client: a caller can make the engine read
 * only the data folder and what the transport granted, and demo.generate never replaces a file.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

describe('archives and backups carry paths too', () => {
  it('« Sauvegarder vers… » writes only into the data folder or a folder the user chose as a destination', async () => {
    const stick = join(outside, 'sauvegardes');
    mkdirSync(stick);
    expect(await engine.call('backups.save', { out: stick })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(readdirSync(stick)).toEqual([]);
    // Read access (a file chosen to import) is not a destination.
    engine.grant([stick], 'read');
    expect(await engine.call('backups.save', { out: stick })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    engine.grant([stick], 'write');
    const saved = await engine.call('backups.save', { out: stick });
    expect(saved.ok).toBe(true);
    expect(readdirSync(stick)).toHaveLength(1);
  });

  it('« Restaurer… » and « Ouvrir une archive… » read only what the user chose', async () => {
    const folder = join(outside, 'une-sauvegarde');
    mkdirSync(folder);
    writeFileSync(join(folder, 'parterre-sauvegarde.json'), '{}');
    const file = join(outside, 'archive.sqlite');
    writeFileSync(file, 'pas une base');
    expect(await engine.call('backups.restore', { folder })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await engine.call('archives.open', { path: file })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await engine.call('archives.attach', { path: file })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    // Granted, they are read — and refused for what they are, not for where they are.
    engine.grant([folder, file]);
    expect(await engine.call('backups.restore', { folder })).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect(await engine.call('archives.open', { path: file })).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
  });
});
