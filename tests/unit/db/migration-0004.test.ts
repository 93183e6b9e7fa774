/** Migration 0004: the proposed kind kept apart from the kind every figure counts, and kind_confirmed. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../../../db/open.js';
import { tempDir } from '../../helpers/temp-db.js';

function firstMigrations(dir: string, count: number): string {
  const folder = join(dir, 'migrations');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0004', () => {
  it('keeps every tariff, proposes the kind it had, confirms none, and keys tariffs by name and proposed kind', () => {
    const dir = tempDir();
    const path = join(dir, 'parterre.sqlite');
    const before = openDatabase(path, { migrationsFolder: firstMigrations(dir, 4) });
    before.sqlite.exec(`INSERT INTO tariffs (name, kind) VALUES ('Plein tarif', 'full'), ('Plein tarif', 'free'), ('Moins de 26 ans', 'full')`);
    before.sqlite.close();

    const after = openDatabase(path);
    expect(after.sqlite.prepare('SELECT name, kind, proposed_kind, kind_confirmed FROM tariffs ORDER BY id').raw().all()).toEqual([
      ['Plein tarif', 'full', 'full', 0],
      ['Plein tarif', 'free', 'free', 0],
      ['Moins de 26 ans', 'full', 'full', 0],
    ]);
    // The user's kind may now equal another row's: the key is the proposed kind.
    after.sqlite.exec(`UPDATE tariffs SET kind = 'free', kind_confirmed = 1 WHERE name = 'Plein tarif' AND proposed_kind = 'full'`);
    expect(() => after.sqlite.exec(`INSERT INTO tariffs (name, kind, proposed_kind) VALUES ('Plein tarif', 'reduced', 'free')`)).toThrow(/UNIQUE/);
    // A writer that gives no proposal (an older tool) gets its kind as the proposal.
    after.sqlite.exec(`INSERT INTO tariffs (name, kind) VALUES ('Étudiant', 'reduced')`);
    expect(after.sqlite.prepare(`SELECT proposed_kind FROM tariffs WHERE name = 'Étudiant'`).pluck().get()).toBe('reduced');
    after.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
