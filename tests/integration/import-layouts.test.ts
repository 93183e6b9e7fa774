/**
 * Seven export layouts written from ONE set of transactions (tests/fixtures/layouts), each imported
 * with no mapping given: the season and customer figures the engine serves must equal the figures
 * computed straight from the transactions (truth.ts), layout by layout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/contract.js';
import type { CustomerSummary, FileInspection, ImportSummary, SeasonIndicators } from '../../shared/types.js';
import { createDispatcher, type Dispatcher } from '../../electron/engine/dispatcher.js';
import { handlers } from '../../electron/engine/handlers/index.js';
import { LAYOUTS, writeLayout } from '../fixtures/layouts/layouts.js';
import { generateTransactions } from '../fixtures/layouts/transactions.js';
import { truthOf } from '../fixtures/layouts/truth.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

const orders = generateTransactions();
const truth = truthOf(orders);

describe.each(LAYOUTS.map((layout) => [layout.name, layout] as const))('the layout %s, imported with no mapping', (_name, layout) => {
  let db: TempDb;
  let engine: Dispatcher;
  let inspection: FileInspection;
  let summary: ImportSummary;
  const call = async <T>(name: CallName, input: unknown): Promise<T> => {
    const result = await engine.dispatch(name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(async () => {
    db = openTempDb();
    engine = createDispatcher({ db, dataDir: db.dir, handlers, emit: () => undefined });
    const path = join(db.dir, `${layout.name}.csv`);
    writeFileSync(path, writeLayout(layout, orders));
    [inspection] = (await call<{ files: FileInspection[] }>('imports.inspect', { paths: [path] })).files;
    summary = await call<ImportSummary>('imports.run', { files: [{ path }] });
  });
  afterAll(() => db.cleanup());

  it('reads every line', () => {
    expect(inspection.kind).toBe('tickets');
    expect(summary.rejected).toBe(0);
  });

  it('gives the true figures of each season', async () => {
    const seasons = await call<SeasonIndicators[]>('seasons.list', {});
    const got = seasons
      .map((s) => ({ label: s.label, tickets: s.tickets, revenueCents: s.revenueCents, orders: s.orders, spectators: s.spectators, subscribers: s.subscribers }))
      .sort((a, b) => a.label.localeCompare(b.label));
    expect(got).toEqual(truth.seasons);
  });

  it('dates each order at its moment of sale, to the second (date and time in one column or two)', () => {
    const stored = new Map(db.sqlite.prepare('SELECT source_key, ordered_at FROM orders').raw().all() as [string, string][]);
    expect(stored.size).toBe(orders.length);
    for (const order of orders) expect([order.id, stored.get(order.id)]).toEqual([order.id, order.orderedAt]);
  });

  it("gives each customer's true lifetime value, orders, tickets, first and last purchase", async () => {
    const { rows } = await call<{ rows: CustomerSummary[] }>('customers.list', { sort: 'ltv', limit: 1_000_000 });
    const got = new Map(rows.map((r) => [r.email, r]));
    expect(got.size).toBe(truth.customers.size);
    for (const [email, expected] of truth.customers) {
      const r = got.get(email);
      expect({ email, ltv: r?.lifetimeValueCents, orders: r?.orders, tickets: r?.tickets, first: r?.firstPurchase, last: r?.lastPurchase }).toEqual({
        email,
        ltv: expected.lifetimeValueCents,
        orders: expected.orders,
        tickets: expected.tickets,
        first: expected.firstPurchase,
        last: expected.lastPurchase,
      });
    }
  });
});
