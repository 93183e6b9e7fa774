import { afterEach, describe, expect, it } from 'vitest';
import { contract, type CallName, type CallOutput, type CallInput } from '../../shared/contract.js';
import type { EngineContext } from '../../electron/engine/context.js';
import { customerHandlers } from '../../electron/engine/handlers/customers.js';
import { rebuildAggregates } from '../../electron/engine/kpi/aggregates.js';
import { DbBuilder } from '../helpers/build-db.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
afterEach(() => db?.cleanup());

type CustomerCall = keyof typeof customerHandlers;
/** Calls a handler the way the dispatcher does: input parsed by the contract (defaults applied). */
async function call<N extends CustomerCall & CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const parsed = contract[name].input.parse(input) as never;
  const handler = customerHandlers[name] as (input: never, ctx: EngineContext) => CallOutput<N>;
  return handler(parsed, { db } as unknown as EngineContext);
}

describe('customer indicators', () => {
  it('computes value, orders, seasons, ratios, dates, recency and disciplines by hand', async () => {
    db = openTempDb();
    const b = new DbBuilder(db.sqlite);
    const play = b.show('Phèdre', 'Théâtre');
    const dance = b.show('Boléro', 'Danse');
    const p23 = b.performance({ show: play, startsAt: '2024-05-10T20:00:00' }); // season 2023
    const p24a = b.performance({ show: play, startsAt: '2024-10-10T20:00:00' }); // season 2024
    const p24b = b.performance({ show: dance, startsAt: '2024-11-10T20:00:00' });
    const x = b.customer({ key: 'X', lastName: 'Durand', firstName: 'Léa' });
    // One order spanning two seasons: one order, two active seasons.
    const o1 = b.order(x, '2024-04-01T10:00:00');
    b.ticket({ order: o1, performance: p23, price: 2000, seats: 2 });
    b.ticket({ order: o1, performance: p24a, price: 1000 });
    const o2 = b.order(x, '2024-10-01T10:00:00');
    b.ticket({ order: o2, performance: p24b, price: 1333 });
    b.ticket({ order: o2, performance: p24a, price: 1000, cancelledSeats: 1 }); // cancelled: counts nothing
    const o3 = b.order(x, '2024-12-24T10:00:00');
    b.ticket({ order: o3, performance: p24b, price: 1000, cancelledSeats: 1 }); // an order with no valid seat
    b.buy(null, p24b, 2500, '2024-11-10T19:00:00'); // the newest order in the data is anonymous
    rebuildAggregates(db.sqlite);

    const r = await call('customers.get', { key: 'X' });
    const ltv = 2 * 2000 + 1000 + 1333;
    expect(r).toMatchObject({
      name: 'Durand Léa',
      lifetimeValueCents: ltv,
      orders: 2,
      tickets: 4,
      activeSeasons: 2,
      ordersPerSeason: 1,
      averageBasketCents: Math.round(ltv / 2), // 3166.5 → 3167
      ticketsPerOrder: 2,
      firstPurchase: '2024-04-01',
      lastPurchase: '2024-10-01',
      recencyDays: 40, // 1 October → 10 November
    });
    expect(r.averageBasketCents).toBe(3167);
    expect(r.disciplines).toEqual([
      { discipline: 'Théâtre', performances: 2, tickets: 3 },
      { discipline: 'Danse', performances: 1, tickets: 1 },
    ]);
    const customerSeasons = db.sqlite.prepare('SELECT season_year, tickets, revenue_cents, orders FROM customer_seasons ORDER BY 1').raw().all();
    expect(customerSeasons).toEqual([
      [2023, 2, 4000, 1],
      [2024, 2, 2333, 2],
    ]);
  });

  it('bands each customer against quartiles computed by hand', async () => {
    db = openTempDb();
    const b = new DbBuilder(db.sqlite);
    const p = b.performance({ show: b.show(), startsAt: '2024-10-10T20:00:00' });
    // Five customers with one order each of 1..5 seats at 10 €: value 10, 20, 30, 40, 50 €.
    const ids = [1, 2, 3, 4, 5].map((n) => {
      const c = b.customer({ key: `K${n}`, lastName: `Client ${n}` });
      b.buy(c, p, 1000, '2024-09-01T10:00:00', n);
      return c;
    });
    b.customer({ key: 'NONE', lastName: 'Sans achat' });
    rebuildAggregates(db.sqlite);

    const q = await call('customers.quartiles', {});
    // Values 1000..5000 cents: positions 1, 2, 3 → 2000, 3000, 4000; all order once per season.
    expect(q.lifetimeValueCents).toEqual([2000, 3000, 4000]);
    expect(q.averageBasketCents).toEqual([2000, 3000, 4000]);
    expect(q.ticketsPerOrder).toEqual([2, 3, 4]);
    expect(q.ordersPerSeason).toEqual([1, 1, 1]);

    const { rows } = await call('customers.list', { sort: 'name', limit: 10 });
    const band = (key: string) => rows.find((r) => r.key === key)!.bands;
    expect(band('K1')!.lifetimeValueCents).toBe('Bas');
    expect(band('K2')!.lifetimeValueCents).toBe('Bas'); // exactly Q1
    expect(band('K3')!.lifetimeValueCents).toBe('Moyenne basse'); // exactly Q2
    expect(band('K4')!.lifetimeValueCents).toBe('Moyenne haute'); // exactly Q3
    expect(band('K5')!.lifetimeValueCents).toBe('Haut');
    expect(band('K5')!.ordersPerSeason).toBe('Bas'); // everyone ties at 1
    expect(band('NONE')).toBeNull();
    expect(ids).toHaveLength(5);
  });
});

describe('customer list', () => {
  async function fixture() {
    db = openTempDb();
    const b = new DbBuilder(db.sqlite);
    const p = b.performance({ show: b.show(), startsAt: '2024-10-10T20:00:00' });
    const people = [
      { key: 'A', lastName: 'Éluard', firstName: 'Paul', email: 'paul@poesie.fr', postalCode: '75005', city: 'Paris', spend: [3000], day: '2024-09-10' },
      { key: 'B', lastName: 'Lefèvre', firstName: 'Hélène', email: 'h.lefevre@exemple.fr', postalCode: '69003', city: 'Lyon', spend: [1000, 1000, 1000], day: '2024-09-20' },
      { key: 'C', lastName: 'Martin', firstName: 'Hélène', email: null, postalCode: '75011', city: 'Paris', spend: [5000], day: '2024-09-01' },
      { key: 'D', lastName: 'Dupont', firstName: 'Jean', email: 'jean@dupont.fr', postalCode: '13001', city: 'Marseille', spend: [], day: '' },
    ];
    for (const person of people) {
      const c = b.customer(person);
      person.spend.forEach((price, i) => b.buy(c, p, price, `${person.day}T1${i}:00:00`));
    }
    rebuildAggregates(db.sqlite);
  }
  const keys = (result: { rows: { key: string }[] }) => result.rows.map((r) => r.key);

  it('searches accent- and case-insensitively over name, e-mail, postal code and city', async () => {
    await fixture();
    expect(keys(await call('customers.list', { search: 'HELENE' }))).toEqual(['C', 'B']); // by value
    expect(keys(await call('customers.list', { search: 'helene lyon' }))).toEqual(['B']);
    expect(keys(await call('customers.list', { search: 'eluard' }))).toEqual(['A']);
    expect(keys(await call('customers.list', { search: '75' }))).toEqual(['C', 'A']);
    expect(keys(await call('customers.list', { search: 'dupont.fr' }))).toEqual(['D']);
    expect(keys(await call('customers.list', { search: '%' }))).toEqual([]); // a literal, not a wildcard
    expect((await call('customers.list', { search: 'paris' })).total).toBe(2);
  });

  it('sorts by value, orders, recency and name, either way, one page at a time', async () => {
    await fixture();
    expect(keys(await call('customers.list', {}))).toEqual(['C', 'A', 'B', 'D']); // 50, 30 and 30 (the older id first), 0
    expect(keys(await call('customers.list', { sort: 'orders' }))).toEqual(['B', 'A', 'C', 'D']);
    expect(keys(await call('customers.list', { sort: 'recency' }))).toEqual(['B', 'A', 'C', 'D']);
    expect(keys(await call('customers.list', { sort: 'name' }))).toEqual(['D', 'A', 'B', 'C']); // Éluard with the E
    expect(keys(await call('customers.list', { sort: 'name', reverse: true }))).toEqual(['C', 'B', 'A', 'D']);
    const page = await call('customers.list', { sort: 'name', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(keys(page)).toEqual(['A', 'B']);
    const b = (await call('customers.list', { search: 'lefevre' })).rows[0];
    expect(b).toMatchObject({ orders: 3, lifetimeValueCents: 3000, averageBasketCents: 1000, recencyDays: 0 });
    const c = (await call('customers.list', { search: 'martin' })).rows[0];
    expect(c.recencyDays).toBe(19); // 1 → 20 September
  });
});

describe('customer record', () => {
  it('groups the history by season, order and ticket, flagging cancellations', async () => {
    db = openTempDb();
    const b = new DbBuilder(db.sqlite);
    const show = b.show('Tartuffe', 'Théâtre');
    const p23 = b.performance({ show, startsAt: '2023-10-10T20:00:00', hall: 'Grande salle' });
    const p24 = b.performance({ show, startsAt: '2024-10-10T20:00:00' });
    const c = b.customer({
      key: 'R1', lastName: 'Roux', firstName: 'Ana', address1: '1 rue Haute', address2: '', address3: 'Bât. B',
      consentEmail: 1, consentEmailAt: '2024-01-02', consentEmailSource: 'billetterie',
    });
    const old = b.order(c, '2023-09-01T10:00:00', { key: 'CMD-1' });
    b.ticket({ order: old, performance: p23, price: 2000, seats: 2, key: 'T-1' });
    const recent = b.order(c, '2024-09-01T10:00:00', { key: 'CMD-2', channel: 'web' });
    const sale = b.ticket({ order: recent, performance: p24, price: 1500, cancelledSeats: 1, key: 'T-2' });
    b.ticket({ order: recent, performance: p24, price: -1500, seats: -1, reversal: true, reverses: sale, key: 'T-2:A' });
    b.ticket({ order: recent, performance: p24, price: 1800, kind: 'subscription', tariff: 'Abo 3', key: 'T-3' });
    b.ticket({ order: recent, performance: p24, price: -900, seats: -1, reversal: true, key: 'T-9:A' }); // matches nothing
    rebuildAggregates(db.sqlite);

    const byId = await call('customers.get', { id: c });
    const byKey = await call('customers.get', { key: 'R1' });
    expect(byId).toEqual(byKey);
    expect(byId.address).toEqual(['1 rue Haute', 'Bât. B']);
    expect(byId.consent.email).toEqual({ granted: true, at: '2024-01-02', source: 'billetterie' });
    expect(byId.consent.sms).toEqual({ granted: null, at: null, source: null });
    expect(byId.subscriptions).toEqual([{ seasonYear: 2024, label: '2024-2025', formula: 'Abo 3', tickets: 1 }]);

    const shape = byId.history.map((s) => ({
      season: s.label,
      tickets: s.tickets,
      revenue: s.revenueCents,
      orders: s.orders.map((o) => ({ key: o.key, total: o.totalCents, lines: o.tickets.map((t) => [t.key, t.validSeats, t.cancelled]) })),
    }));
    expect(shape).toEqual([
      {
        season: '2024-2025',
        tickets: 1,
        revenue: 1800,
        orders: [{ key: 'CMD-2', total: 1800, lines: [['T-2', 0, true], ['T-3', 1, false], ['T-9:A', 0, true]] }],
      },
      { season: '2023-2024', tickets: 2, revenue: 4000, orders: [{ key: 'CMD-1', total: 4000, lines: [['T-1', 2, false]] }] },
    ]);
    expect(byId.history[1].orders[0].tickets[0]).toMatchObject({ show: 'Tartuffe', hall: 'Grande salle', seats: 2 });
  });

  it('says in French when the customer does not exist', async () => {
    db = openTempDb();
    await expect(call('customers.get', { key: 'inconnu' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Aucun client') });
  });
});
