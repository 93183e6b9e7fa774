/**
 * The migrations' journal: drizzle's record of what a database has run is the `when` of the last
 * migration applied, and a migration whose `when` is not after it is taken as applied. So every
 * `when` must grow with the migration's number, and a released migration's `when` never change
 * (a database migrated by an earlier Parterre would skip every later migration).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER } from '../../../db/open.js';

const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; tag: string; when: number }[];
};

describe('the migrations journal', () => {
  it('lists every SQL file once, in the order of their numbers', () => {
    const files = readdirSync(DEFAULT_MIGRATIONS_FOLDER).filter((name) => name.endsWith('.sql')).sort();
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toEqual(files);
    expect(journal.entries.map((entry) => entry.idx)).toEqual(files.map((_, i) => i));
  });

  it('gives each migration a later `when` than the one before', () => {
    for (let i = 1; i < journal.entries.length; i++) expect(journal.entries[i].when, journal.entries[i].tag).toBeGreaterThan(journal.entries[i - 1].when);
  });

  it('keeps the `when` of the migrations released before (0000–0003)', () => {
    expect(journal.entries.slice(0, 4).map((entry) => entry.when)).toEqual([1795458974253, 1795463715403, 1795475503857, 1795478996783]);
  });
});
