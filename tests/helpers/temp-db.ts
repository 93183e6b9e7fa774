/** A fresh database in a temporary folder, removed after the test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenDatabase } from '../../db/open.js';

export interface TempDb extends OpenDatabase {
  dir: string;
  cleanup(): void;
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
    cleanup() {
      db.sqlite.close();
      // An import's background checkpoint may still hold the database for a few milliseconds.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}
