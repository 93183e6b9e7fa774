import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrderStore } from '../../../electron/engine/import/write/order-store.js';
import { openTempDb, type TempDb } from '../../helpers/temp-db.js';

let db: TempDb;
beforeEach(() => {
  db = openTempDb();
  db.sqlite.exec("INSERT INTO customers (id, source_key) VALUES (1, 'C1'), (2, 'C2')");
  db.sqlite.exec("INSERT INTO orders (id, source_key, customer_id, ordered_at, channel) VALUES (7, 'O7', 1, '2024-01-01 10:00', 'Guichet')");
});
afterEach(() => db.cleanup());

const row = (id: number) => db.sqlite.prepare('SELECT source_key, customer_id, ordered_at, channel FROM orders WHERE id = ?').get(id);

describe('OrderStore', () => {
  it('inserts a new order, an empty channel as NULL, and counts it new once', () => {
    const store = new OrderStore(db.sqlite);
    const id = store.upsert('O8', 2, '2024-02-01 09:00', '');
    store.finish();
    expect(row(id)).toEqual({ source_key: 'O8', customer_id: 2, ordered_at: '2024-02-01 09:00', channel: null });
    expect(store.upsert('O8', 2, '2024-02-01 09:00', '')).toBe(id);
    expect(store.counts).toEqual({ new: 1, updated: 0, unchanged: 0 });
  });

  it('knows the orders stored before, and keeps what a line leaves empty', () => {
    const store = new OrderStore(db.sqlite);
    expect(store.upsert('O7', null, null, '')).toBe(7);
    expect(row(7)).toEqual({ source_key: 'O7', customer_id: 1, ordered_at: '2024-01-01 10:00', channel: 'Guichet' });
    expect(store.counts).toEqual({ new: 0, updated: 0, unchanged: 1 });
  });

  it('overwrites with a different non-empty value and counts the order updated', () => {
    const store = new OrderStore(db.sqlite);
    store.upsert('O7', 2, null, 'Internet');
    expect(row(7)).toEqual({ source_key: 'O7', customer_id: 2, ordered_at: '2024-01-01 10:00', channel: 'Internet' });
    expect(store.counts).toEqual({ new: 0, updated: 1, unchanged: 0 });
  });

  it('inserts new orders 32 at a time with the ids it gave, and merges one still waiting', () => {
    const store = new OrderStore(db.sqlite);
    const ids = Array.from({ length: 100 }, (_, i) => store.upsert(`N${i}`, 1 + (i % 2), `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00`, 'Internet'));
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => 8 + i));
    // N97 waits for its INSERT (96 were written): the merge reads it back, so writes it first.
    expect(store.upsert('N97', null, null, 'Guichet')).toBe(105);
    expect(row(105)).toEqual({ source_key: 'N97', customer_id: 2, ordered_at: '2024-03-14 10:00', channel: 'Guichet' });
    store.upsert('N99', 1, null, '');
    store.finish();
    const stored = db.sqlite.prepare("SELECT id, source_key, customer_id FROM orders WHERE source_key LIKE 'N%' ORDER BY id").raw().all();
    expect(stored).toEqual(Array.from({ length: 100 }, (_, i) => [8 + i, `N${i}`, i === 99 ? 1 : 1 + (i % 2)]));
    expect(store.counts).toEqual({ new: 100, updated: 0, unchanged: 0 });
  });

  it('counts unchanged an order whose lines disagree but end as it was', () => {
    const store = new OrderStore(db.sqlite);
    store.upsert('O7', null, null, 'Internet');
    store.upsert('O7', null, null, 'Guichet');
    expect(store.counts).toEqual({ new: 0, updated: 0, unchanged: 1 });
  });
});
