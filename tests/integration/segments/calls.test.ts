/**
 * The segment calls through the contract (inputs parsed as the dispatcher does): save, rename,
 * duplicate, delete; count with its sample; the waterfall; the overlap; the affinities with
 * their lift worked out by hand; the customer list restricted to a segment and searched by
 * customer number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallInput, type CallName, type CallOutput } from '../../../shared/contract.js';
import type { EngineContext } from '../../../electron/engine/context.js';
import { handlers } from '../../../electron/engine/handlers/index.js';
import { openTempDb, type TempDb } from '../../helpers/temp-db.js';
import { buildSegmentFixture } from './fixture.js';

let db: TempDb;
beforeAll(() => {
  db = openTempDb();
  buildSegmentFixture(db.sqlite);
});
afterAll(() => db.cleanup());

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const parsed = contract[name].input.parse(input) as never;
  const handler = handlers[name] as (input: never, ctx: EngineContext) => CallOutput<N> | Promise<CallOutput<N>>;
  return handler(parsed, { db } as unknown as EngineContext);
}

const dance = { field: 'discipline' as const, values: ['Danse'] };

describe('saved segments', () => {
  it('saves, renames, duplicates and deletes; names are unique', async () => {
    const saved = await call('segments.save', { name: 'Danse', criteria: dance });
    expect(saved.criteria).toEqual(dance);
    await expect(call('segments.save', { name: 'Danse', criteria: dance })).rejects.toThrow(/déjà/);
    const renamed = await call('segments.save', { id: saved.id, name: 'Public danse' });
    expect(renamed).toMatchObject({ id: saved.id, name: 'Public danse', criteria: dance });
    const copy = await call('segments.duplicate', { id: saved.id });
    expect(copy.name).toBe('Public danse (copie)');
    expect((await call('segments.duplicate', { id: saved.id })).name).toBe('Public danse (copie 2)');
    expect((await call('segments.list', {})).map((s) => s.name).sort()).toEqual(['Public danse', 'Public danse (copie 2)', 'Public danse (copie)']);
    expect(await call('segments.delete', { id: copy.id })).toEqual({ deleted: true });
    expect((await call('segments.count', { id: saved.id })).count).toBe(4);
  });

  it('counts with a sample, highest value first, and refuses id and criteria together', async () => {
    const result = await call('segments.count', { criteria: dance, sample: 2 });
    expect(result.count).toBe(4);
    expect(result.total).toBe(6);
    expect(result.sample.map((c) => c.key)).toEqual(['K-ANN', 'K-FAY']); // 7500, 7300
    expect(() => contract['segments.count'].input.parse({ id: 1, criteria: dance })).toThrow();
  });

  it('opens a segment in the customer list, searchable by customer number', async () => {
    const { id } = await call('segments.save', { name: 'Danse 2023', criteria: { ...dance, seasons: ['2023-2024'] } });
    const list = await call('customers.list', { segmentId: id });
    expect(list.total).toBe(3);
    expect(list.rows.map((r) => r.key)).toEqual(['K-ANN', 'K-FAY', 'K-BOB']); // by value: 7500, 7300, 1500
    expect((await call('customers.list', { segmentId: id, search: 'k-bob' })).rows.map((r) => r.key)).toEqual(['K-BOB']);
    expect((await call('customers.list', { search: 'K-CAT' })).rows.map((r) => r.key)).toEqual(['K-CAT']);
    expect((await call('customers.list', { segmentId: id, search: 'K-CAT' })).total).toBe(0);
    expect((await call('customers.list', { segmentId: id, reverse: true, offset: 1, limit: 1 })).rows.map((r) => r.key)).toEqual(['K-FAY']);
  });
});

describe('waterfall, overlap, affinities', () => {
  it('shows what each criterion of an AND keeps', async () => {
    const steps = await call('segments.waterfall', {
      criteria: { and: [dance, { not: { field: 'bought', seasons: ['2024-2025'] } }, { field: 'hasEmail' }] },
    });
    expect(steps.map((s) => s.count)).toEqual([6, 4, 1, 1]); // everyone, ann bob cat fay, bob, bob (has an e-mail)
  });

  it('counts every region of the overlap of shows and segments', async () => {
    const o = await call('segments.overlap', { sets: [{ show: 'Hamlet' }, { show: 'Giselle' }, { show: 'Boléro' }] });
    // Hamlet: ann, cat. Giselle: ann, bob, fay. Boléro: cat, fay.
    expect(o.sizes).toEqual([2, 3, 2]);
    const region = (mask: number) => o.regions.find((r) => r.mask === mask)?.count ?? 0;
    expect(region(0b011)).toBe(1); // ann: Hamlet and Giselle only
    expect(region(0b101)).toBe(1); // cat: Hamlet and Boléro
    expect(region(0b110)).toBe(1); // fay: Giselle and Boléro
    expect(region(0b010)).toBe(1); // bob: Giselle only
    expect(region(0b111)).toBe(0);
    expect(o.regions.reduce((sum, r) => sum + r.count, 0)).toBe(4);
  });

  it('ranks what the audience of X also saw by lift, with the counts behind it', async () => {
    // Giselle's audience: ann, bob, fay (3 of 4 spectators). Hamlet: ann, cat; Boléro: cat, fay.
    const a = await call('segments.affinities', { kind: 'show', value: 'Giselle', minTogether: 1 });
    expect(a.base).toBe(3);
    expect(a.spectators).toBe(4);
    // Hamlet: 1 together (ann), audience 2 → (1/3) / (2/4) = 2/3; Boléro: 1 (fay), audience 2 → 2/3.
    expect(a.rows.map((r) => [r.value, r.together, r.audience])).toEqual([
      ['Boléro', 1, 2],
      ['Hamlet', 1, 2],
    ]);
    expect(a.rows[0].lift).toBeCloseTo(2 / 3, 10);
    const companies = await call('segments.affinities', { kind: 'company', value: 'Cie A', minTogether: 1 });
    // Cie A (Hamlet): ann, cat; both saw Ballet B (audience ann, bob, cat, fay = 4) → (2/2) / (4/4) = 1.
    expect(companies.rows.map((r) => [r.value, r.together, r.audience, r.lift])).toEqual([['Ballet B', 2, 4, 1]]);
  });

  it('offers ready-made segments for the newest season', async () => {
    const ready = await call('segments.ready', {});
    expect(ready.find((r) => r.key === 'firstTimers')?.criteria).toEqual({ field: 'firstPurchase', seasons: ['2024-2025'] });
    const notRenewed = ready.find((r) => r.key === 'notRenewed')!.criteria;
    // The newest season with a performance is 2024-2025 (the cirque's, in March 2025): fay subscribed in it, bob before it.
    expect((await call('segments.count', { criteria: notRenewed })).count).toBe(1);
    expect((await call('segments.count', { criteria: ready.find((r) => r.key === 'lapsed')!.criteria })).count).toBe(0);
  });
});
