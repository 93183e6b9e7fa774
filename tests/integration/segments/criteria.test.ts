/**
 * Each criterion on the six customers of fixture.ts, against answers counted by hand there
 * (never against the engine's own output), then nested AND / OR / NOT, and hostile strings that
 * must travel as parameters only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaSchema, type Criteria } from '../../../shared/segments-criteria.js';
import { compileNow, customerIds } from '../../../electron/engine/segments/query.js';
import { openTempDb, type TempDb } from '../../helpers/temp-db.js';
import { buildSegmentFixture, type Fixture } from './fixture.js';

let db: TempDb;
let f: Fixture;
beforeAll(() => {
  db = openTempDb();
  f = buildSegmentFixture(db.sqlite);
});
afterAll(() => db.cleanup());

type Name = keyof Fixture['ids'];
/** The names of the customers the criteria select, sorted. */
function who(criteria: unknown): Name[] {
  const parsed = criteriaSchema.parse(criteria);
  const byId = new Map(Object.entries(f.ids).map(([name, id]) => [id, name as Name]));
  return customerIds(db.sqlite, parsed).map((id) => byId.get(id)!).sort();
}

describe('each criterion, counted by hand', () => {
  it('saw a discipline, a show, a company: in seasons, at least N performances', () => {
    expect(who({ field: 'discipline', values: ['Danse'] })).toEqual(['ann', 'bob', 'cat', 'fay']);
    expect(who({ field: 'discipline', values: ['Danse'], seasons: ['2023-2024'] })).toEqual(['ann', 'bob', 'fay']);
    expect(who({ field: 'discipline', values: ['Danse'], minPerformances: 2 })).toEqual(['ann', 'fay']);
    expect(who({ field: 'discipline', values: ['Danse'], minPerformances: 3 })).toEqual(['fay']);
    expect(who({ field: 'discipline', values: ['Cirque'] })).toEqual([]); // dan's only ticket is cancelled
    expect(who({ field: 'discipline', values: ['Cirque', 'Théâtre'] })).toEqual(['ann', 'cat']);
    expect(who({ field: 'show', values: ['Hamlet'] })).toEqual(['ann', 'cat']);
    expect(who({ field: 'show', values: ['Hamlet'], seasons: ['2024-2025'] })).toEqual(['cat']);
    expect(who({ field: 'company', values: ['Ballet B'], seasons: ['2024-2025'] })).toEqual(['ann', 'cat', 'fay']);
  });

  it('bought in seasons, first purchase, subscriber', () => {
    expect(who({ field: 'bought' })).toEqual(['ann', 'bob', 'cat', 'fay']);
    expect(who({ field: 'bought', seasons: ['2024-2025'] })).toEqual(['ann', 'cat', 'fay']);
    expect(who({ and: [{ field: 'bought', seasons: ['2023-2024'] }, { not: { field: 'bought', seasons: ['2024-2025'] } }] })).toEqual(['bob']);
    expect(who({ field: 'firstPurchase', seasons: ['2024-2025'] })).toEqual(['cat']);
    expect(who({ field: 'firstPurchase', seasons: ['2023-2024'] })).toEqual(['ann', 'bob', 'fay']);
    expect(who({ field: 'subscriber', seasons: ['2023-2024'] })).toEqual(['bob']);
    expect(who({ field: 'subscriber', seasons: ['2024-2025'] })).toEqual(['fay']);
    expect(who({ field: 'subscriber' })).toEqual(['bob', 'fay']);
  });

  it('bands of an indicator (Q1 1875, Q2 4650, Q3 7350 over 1500, 2000, 7300, 7500)', () => {
    expect(who({ field: 'band', indicator: 'lifetimeValueCents', values: ['Haut'] })).toEqual(['ann']);
    expect(who({ field: 'band', indicator: 'lifetimeValueCents', values: ['Bas', 'Haut'] })).toEqual(['ann', 'bob']);
    expect(who({ field: 'band', indicator: 'lifetimeValueCents', values: ['Moyenne basse'] })).toEqual(['cat']);
    expect(who({ field: 'band', indicator: 'lifetimeValueCents', values: ['Moyenne haute'] })).toEqual(['fay']);
    // Orders per season: ann 2/2 = 1, bob 1/1 = 1, cat 2/1 = 2, fay 3/2 = 1.5 → Q1 1, Q2 1.25, Q3 1.625;
    // ann and bob have equal values and share a band.
    expect(who({ field: 'band', indicator: 'ordersPerSeason', values: ['Bas'] })).toEqual(['ann', 'bob']);
    expect(who({ field: 'band', indicator: 'ordersPerSeason', values: ['Moyenne haute'] })).toEqual(['fay']);
    expect(who({ field: 'band', indicator: 'ordersPerSeason', values: ['Haut'] })).toEqual(['cat']);
    expect(who({ field: 'band', indicator: 'ordersPerSeason', values: ['Moyenne basse'] })).toEqual([]);
  });

  it('ranges of value, orders, basket, tickets per order, recency, performances; last purchase months ago', () => {
    expect(who({ field: 'range', indicator: 'lifetimeValueCents', min: 2000, max: 7300 })).toEqual(['cat', 'fay']);
    expect(who({ field: 'range', indicator: 'orders', min: 2, max: 2 })).toEqual(['ann', 'cat']);
    expect(who({ field: 'range', indicator: 'orders', max: 0 })).toEqual(['dan', 'eve']);
    expect(who({ field: 'range', indicator: 'averageBasketCents', min: 2000 })).toEqual(['ann', 'fay']); // 3750, 2433
    expect(who({ field: 'range', indicator: 'averageBasketCents', min: 2433, max: 2433 })).toEqual(['fay']); // 7300 / 3 rounded
    expect(who({ field: 'range', indicator: 'ticketsPerOrder', min: 1.5 })).toEqual(['ann']);
    expect(who({ field: 'range', indicator: 'recencyDays', max: 10 })).toEqual(['cat', 'fay']); // 5 and 0 days
    expect(who({ field: 'range', indicator: 'recencyDays', min: 79, max: 79 })).toEqual(['ann']); // 2024-09-02 → 2024-11-20
    expect(who({ field: 'range', indicator: 'recencyDays', min: 442 })).toEqual(['bob']); // 2023-09-05 → 2024-11-20
    expect(who({ field: 'range', indicator: 'activeSeasons', min: 2 })).toEqual(['ann', 'fay']);
    expect(who({ field: 'range', indicator: 'performances', min: 3 })).toEqual(['ann', 'fay']);
    expect(who({ field: 'range', indicator: 'performances', max: 0 })).toEqual(['dan', 'eve']);
    // The last 12 months before 2024-11-20: H2, G2 (B1 is on 2024-12-01, after it).
    expect(who({ field: 'range', indicator: 'performances', min: 1, max: 1, withinMonths: 12 })).toEqual(['ann', 'cat', 'fay']);
    expect(who({ field: 'range', indicator: 'performances', min: 1, seasons: ['2023-2024'] })).toEqual(['ann', 'bob', 'fay']);
    expect(who({ field: 'lastPurchase', minMonthsAgo: 12 })).toEqual(['bob']); // on or before 2023-11-20
    expect(who({ field: 'lastPurchase', maxMonthsAgo: 3 })).toEqual(['ann', 'cat', 'fay']); // on or after 2024-08-20
  });

  it('place, channel, tariff kind', () => {
    expect(who({ field: 'departement', values: ['75'] })).toEqual(['ann', 'fay']);
    expect(who({ field: 'departement', values: ['2A'] })).toEqual(['cat']);
    expect(who({ field: 'departement', values: ['2b', '971'] })).toEqual(['dan', 'eve']);
    expect(who({ field: 'postalCode', values: ['750'] })).toEqual(['ann', 'fay']);
    expect(who({ field: 'postalCode', values: ['75001', '69'] })).toEqual(['ann', 'bob']);
    expect(who({ field: 'city', values: ['paris'] })).toEqual(['ann', 'fay']); // « PARIS » too
    expect(who({ field: 'city', values: ['Pointe-a-Pitre'] })).toEqual(['eve']);
    expect(who({ field: 'channel', values: ['Internet'] })).toEqual(['ann', 'cat', 'fay']); // dan's order has no valid seat
    expect(who({ field: 'channel', values: ['Téléphone'] })).toEqual(['cat']);
    expect(who({ field: 'channel', values: ['Guichet'], seasons: ['2024-2025'] })).toEqual(['ann', 'fay']);
    expect(who({ field: 'tariffKind', values: ['subscription'] })).toEqual(['bob', 'fay']);
    expect(who({ field: 'tariffKind', values: ['free'] })).toEqual(['cat']); // price 0 is free whatever the tariff says
  });

  it('consent and contact details', () => {
    expect(who({ field: 'consent', channel: 'email' })).toEqual(['ann', 'fay']);
    expect(who({ field: 'consent', channel: 'sms' })).toEqual([]);
    expect(who({ field: 'hasEmail' })).toEqual(['ann', 'bob', 'eve', 'fay']);
    expect(who({ field: 'hasPhone' })).toEqual(['ann', 'cat']);
    expect(who({ field: 'hasAddress' })).toEqual(['ann', 'cat', 'fay']);
  });
});

describe('nested AND / OR / NOT', () => {
  it('combines to any depth, NOT being exactly the complement', () => {
    const everyone = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay'];
    const danceNotNow: Criteria = { and: [{ field: 'discipline', values: ['Danse'] }, { not: { field: 'bought', seasons: ['2024-2025'] } }] };
    expect(who({ or: [danceNotNow, { field: 'departement', values: ['2A'] }] })).toEqual(['bob', 'cat']);
    expect(who({ not: { or: [{ field: 'hasEmail' }, { field: 'discipline', values: ['Danse'] }] } })).toEqual(['dan']);
    // Customers without indicators (dan, eve) are in the complement of a range, not lost to NULL.
    expect(who({ not: { field: 'range', indicator: 'recencyDays', max: 10 } })).toEqual(['ann', 'bob', 'dan', 'eve']);
    expect(who({ not: { field: 'band', indicator: 'lifetimeValueCents', values: ['Haut'] } })).toEqual(['bob', 'cat', 'dan', 'eve', 'fay']);
    expect(who({ and: [{ or: [{ not: { not: { field: 'consent', channel: 'email' } } }, { field: 'hasPhone' }] }, { not: { field: 'show', values: ['Hamlet'] } }] })).toEqual(['fay']);
    expect(who({ and: [] })).toEqual(everyone);
    expect(who({ or: [] })).toEqual([]);
  });

  it('reads the JSON form of the issue as it is written', () => {
    const json = `{"and": [{"field": "discipline", "values": ["Danse"], "seasons": ["2023-2024"], "minPerformances": 1},
      {"not": {"field": "bought", "seasons": ["2024-2025"]}}, {"field": "consent", "channel": "email"}]}`;
    expect(who(JSON.parse(json))).toEqual([]); // bob: Danse in 2023-2024, not in 2024-2025, but refused e-mail
    expect(criteriaSchema.safeParse({ field: 'discipline', value: 'Danse' }).success).toBe(false);
    expect(criteriaSchema.safeParse({ field: 'range', indicator: 'orders' }).success).toBe(false);
    expect(criteriaSchema.safeParse({ field: 'bought', seasons: ['2024/2025'] }).success).toBe(false);
  });
});

describe('user values only ever as parameters', () => {
  const hostile = ["O'Neil", '"; DROP TABLE customers; --', '%', '_', '--', "') OR 1=1 --", 'x'.repeat(10_000), '\\', '\u0000'];

  it('matches hostile strings literally, never as SQL or as LIKE wildcards', () => {
    const fields = ['show', 'company', 'discipline', 'city', 'postalCode', 'departement', 'channel', 'tariffKind'] as const;
    for (const field of fields) {
      const criteria = criteriaSchema.parse({ field, values: hostile });
      const { sql, params } = compileNow(db.sqlite, criteria);
      for (const value of hostile) expect(sql).not.toContain(value === '_' || value === '--' || value === '\\' ? `'${value}'` : value);
      expect(params.length).toBeGreaterThan(0);
      expect(who(criteria)).toEqual([]);
    }
    expect(who({ field: 'show', values: ['%'] })).toEqual([]);
    expect(who({ field: 'postalCode', values: ['7500_', '75%'] })).toEqual([]);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(6);
  });

  it('finds a title made of quotes, %, _ and -- exactly, and no look-alike', () => {
    const title = `L'"été" à 100 % _vrai_ -- ou pas`;
    const show = Number(db.sqlite.prepare("INSERT INTO shows (source_key, title, discipline) VALUES ('S-HOSTILE', ?, 'Danse')").run(title).lastInsertRowid);
    expect(who({ field: 'show', values: [title] })).toEqual([]); // nobody bought it yet
    expect(who({ field: 'show', values: [title.replace('%', 'x')] })).toEqual([]);
    db.sqlite.prepare('DELETE FROM shows WHERE id = ?').run(show);
  });
});
