/**
 * The import's foreign-key check, by set: a range test where the parent's ids have no gap, a
 * lookup otherwise. Each case is checked against SQLite's own `PRAGMA foreign_key_check`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkForeignKeys } from '../../../electron/engine/import/write/bulk-foreign-keys.js';
import { openTempDb, type TempDb } from '../../helpers/temp-db.js';

let db: TempDb;
beforeEach(() => {
  db = openTempDb();
  db.sqlite.pragma('foreign_keys = OFF');
  db.sqlite.exec(`
    INSERT INTO customers (id, source_key) VALUES (1, 'C1'), (2, 'C2'), (3, 'C3');
    INSERT INTO orders (id, source_key, customer_id) VALUES (1, 'O1', 1), (2, 'O2', NULL), (3, 'O3', 3);`);
});
afterEach(() => db.cleanup());

/** What SQLite itself finds broken, by child table. */
const sqliteSays = () => (db.sqlite.pragma('foreign_key_check') as { table: string }[]).map((row) => row.table);
const check = () => () => checkForeignKeys(db.sqlite);

describe('checkForeignKeys', () => {
  it('passes rows whose parents exist, and NULL ones', () => {
    expect(sqliteSays()).toEqual([]);
    expect(check()).not.toThrow();
  });

  it('finds an id past the last parent (ids without gap: the range test)', () => {
    db.sqlite.exec("INSERT INTO orders (id, source_key, customer_id) VALUES (4, 'O4', 9)");
    expect(sqliteSays()).toEqual(['orders']);
    expect(check()).toThrow(/1 ligne\(s\) de « orders » renvoient à des « customers » absents/);
  });

  it('finds an id in a gap of the parents (the lookup)', () => {
    db.sqlite.exec('DELETE FROM customers WHERE id = 3; INSERT INTO customers (id, source_key) VALUES (5, \'C5\')');
    expect(sqliteSays()).toEqual(['orders']);
    expect(check()).toThrow(/1 ligne\(s\) de « orders »/);
    db.sqlite.exec('UPDATE orders SET customer_id = 5 WHERE id = 3');
    expect(sqliteSays()).toEqual([]);
    expect(check()).not.toThrow();
  });

  it('finds an id below the first parent, and any id when there is no parent at all', () => {
    db.sqlite.exec('DELETE FROM customers WHERE id = 1');
    expect(check()).toThrow(/1 ligne\(s\) de « orders »/);
    db.sqlite.exec('DELETE FROM customers');
    expect(sqliteSays()).toEqual(['orders', 'orders']);
    expect(check()).toThrow(/2 ligne\(s\) de « orders »/);
  });
});
