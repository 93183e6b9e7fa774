/**
 * Connections to archive and backup files load the native build the app was started with
 * (PARTERRE_SQLITE_BINDING: Electron's ABI in the desktop app), not the default Node build.
 */
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteFile } from '../../../db/sqlite-file.js';

const before = process.env.PARTERRE_SQLITE_BINDING;
afterEach(() => {
  if (before === undefined) delete process.env.PARTERRE_SQLITE_BINDING;
  else process.env.PARTERRE_SQLITE_BINDING = before;
});

describe('openSqliteFile', () => {
  it('loads the binding PARTERRE_SQLITE_BINDING names', () => {
    process.env.PARTERRE_SQLITE_BINDING = '/nowhere/better_sqlite3.node';
    expect(() => openSqliteFile(':memory:')).toThrow(/nowhere/);
  });

  it('opens with the named build when it exists, and the options still apply', () => {
    process.env.PARTERRE_SQLITE_BINDING = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    const db = openSqliteFile(':memory:', { readonly: false });
    expect(db.prepare('SELECT 6 * 7').pluck().get()).toBe(42);
    db.close();
  });
});
