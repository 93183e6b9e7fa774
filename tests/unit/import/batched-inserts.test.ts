import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchedInserts } from '../../../electron/engine/import/write/batched-inserts.js';
import { openTempDb, type TempDb } from '../../helpers/temp-db.js';

let db: TempDb;
beforeEach(() => {
  db = openTempDb();
  db.sqlite.exec("INSERT INTO shows (id, source_key, title) VALUES (5, 'S5', 'Avant')");
});
afterEach(() => db.cleanup());

const titles = () => db.sqlite.prepare('SELECT id, title FROM shows ORDER BY id').raw().all();

describe('BatchedInserts', () => {
  it('gives each row the next id, writes 32 at a time, and the rest on flush', () => {
    const inserts = new BatchedInserts(db.sqlite, 'shows', ['source_key', 'title'], 'Spectacles');
    const row: string[] = [];
    const ids = Array.from({ length: 40 }, (_, i) => {
      row[0] = `N${i}`;
      row[1] = `Titre ${i}`;
      return inserts.add(row);
    });
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => 6 + i));
    expect(titles()).toHaveLength(1 + 32);
    expect(inserts.isPending(37)).toBe(false);
    expect(inserts.isPending(38)).toBe(true);
    inserts.flush();
    expect(inserts.isPending(45)).toBe(false);
    expect(titles()).toEqual([[5, 'Avant'], ...Array.from({ length: 40 }, (_, i) => [6 + i, `Titre ${i}`])]);
  });

  it('fails rather than let a row get another id than the one it was given', () => {
    const inserts = new BatchedInserts(db.sqlite, 'shows', ['source_key', 'title'], 'Spectacles');
    expect(inserts.add(['S6', 'Six'])).toBe(6);
    db.sqlite.exec("INSERT INTO shows (id, source_key, title) VALUES (6, 'X', 'Intrus')");
    expect(() => inserts.flush()).toThrow(/Spectacles : identifiant/);
  });
});
