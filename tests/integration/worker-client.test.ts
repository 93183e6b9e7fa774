import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.js';
import { startEngine } from '../../electron/engine/client.js';
import { tempDir } from '../helpers/temp-db.js';

describe('the engine in its worker thread', () => {
  it('opens the database and answers calls through the contract', async () => {
    const dir = tempDir();
    const engine = startEngine({ dbPath: join(dir, 'parterre.sqlite'), dataDir: dir });
    try {
      expect(await engine.ready).toBeGreaterThan(0);
      const info = await engine.call('app.info', {});
      expect(info.ok && info.value.counts).toEqual({ customers: 0, tickets: 0, orders: 0, performances: 0, shows: 0, imports: 0 });
      expect(await engine.call('settings.set', { seasonStartMonth: 8 })).toEqual({ ok: true, value: { seasonStartMonth: 8, venueName: '' } });
      expect(await engine.call('settings.get', {})).toEqual({ ok: true, value: { seasonStartMonth: 8, venueName: '' } });
      expect(await engine.callRaw('settings.set', { seasonStartMonth: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await engine.callRaw('nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    } finally {
      await engine.close();
    }
  });

  it('answers every call with the reason when the database is newer than the app', async () => {
    const dir = tempDir();
    const path = join(dir, 'parterre.sqlite');
    const db = openDatabase(path);
    db.sqlite.pragma('user_version = 999');
    db.sqlite.close();
    const engine = startEngine({ dbPath: path, dataDir: dir });
    try {
      expect(await engine.ready).toBe(-1);
      const result = await engine.call('app.info', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'SCHEMA_TOO_NEW' } });
    } finally {
      await engine.close();
    }
  });
});
