import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundCheckpointsSettled, commitThenCheckpointInBackground } from '../../../electron/engine/background-checkpoint.js';
import { openTempDb, type TempDb } from '../../helpers/temp-db.js';

let db: TempDb;
afterEach(() => db.cleanup());

describe('commitThenCheckpointInBackground', () => {
  it('commits, then copies the whole log into the database file from another thread', async () => {
    db = openTempDb();
    const { sqlite } = db;
    sqlite.exec('CREATE TABLE filler (text TEXT)');
    sqlite.exec('BEGIN');
    const insert = sqlite.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 60_000; i++) insert.run(`ligne ${i} `.repeat(10));
    let automaticDuringCommit: unknown;
    const result = await commitThenCheckpointInBackground(sqlite, () => {
      automaticDuringCommit = sqlite.pragma('wal_autocheckpoint', { simple: true });
      sqlite.exec('COMMIT');
    });

    // The COMMIT ran without SQLite's automatic checkpoint, though the log is past its 1,000 pages.
    expect(automaticDuringCommit).toBe(0);
    expect(result!.log).toBeGreaterThan(1_000);
    expect(result!.checkpointed).toBe(result!.log);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // Committed: another connection sees every row.
    const other = new Database(sqlite.name, { readonly: true });
    expect(other.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(60_000);
    other.close();
  });

  it('lets whoever removes the database file wait for the checkpoints still running', async () => {
    db = openTempDb();
    const { sqlite } = db;
    sqlite.exec('CREATE TABLE filler (text TEXT)');
    sqlite.exec('BEGIN');
    sqlite.prepare('INSERT INTO filler VALUES (?)').run('une ligne');
    let ended = false;
    void commitThenCheckpointInBackground(sqlite, () => sqlite.exec('COMMIT')).then(() => (ended = true));
    await backgroundCheckpointsSettled();
    expect(ended).toBe(true);
  });

  it('gives the automatic checkpoint back even when the commit fails', async () => {
    db = openTempDb();
    const { sqlite } = db;
    expect(() => commitThenCheckpointInBackground(sqlite, () => sqlite.exec('COMMIT'))).toThrow(/no transaction/);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
