/** A fresh database in a temporary folder, removed after the test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenDatabase } from '../../db/open.js';
import { backgroundCheckpointsSettled } from '../../electron/engine/background-checkpoint.js';

export interface TempDb extends OpenDatabase {
  dir: string;
  cleanup(): Promise<void>;
}

export function tempDir(prefix = 'parterre-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function openTempDb(): TempDb {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'parterre.sqlite'));
  return {
    ...db,
    dir,
    async cleanup() {
      db.sqlite.close();
      // An import's background checkpoint may still hold the database (and write its -wal and
      // -shm files back) after the import has returned.
      await backgroundCheckpointsSettled();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
