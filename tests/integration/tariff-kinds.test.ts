/**
 * Tariff kinds set by the user: the list the import proposes (kind and reason), a correction
 * that every season figure and customer indicator follows at once — checked against a second,
 * plain computation over the ticket lines of the file with the user's kinds — and a re-import
 * (of the same file, then of a later export) that keeps the user's kind.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import type { TariffKindName } from '../../shared/tariff-types.js';
import { createDispatcher, type Dispatcher } from '../../electron/engine/dispatcher.js';
import { handlers } from '../../electron/engine/handlers/index.js';
import { encodeCsv } from '../fixtures/import/harness.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Montant', 'nbPlaces', 'Tarif', 'N° séance', 'Date séance', 'Spectacle', 'N° client', 'Nom', 'Email'];

/** One seat a line, so that the amount is the seat's price whichever way it is read. */
interface Line {
  ticket: string;
  order: string;
  customer: string;
  performance: 'P1' | 'P2';
  tariff: string;
  cents: number;
}
const PERFORMANCES = { P1: { date: '10/10/2024 20:30', season: 2024 }, P2: { date: '10/10/2025 20:30', season: 2025 } };
const CUSTOMERS: Record<string, [string, string]> = { C1: ['Dupont', 'anne@exemple.fr'], C2: ['Martin', 'paul@exemple.fr'], C3: ['Durand', 'lea@exemple.fr'] };

const LINES: Line[] = [
  { ticket: 'T1', order: 'O1', customer: 'C1', performance: 'P1', tariff: 'Plein tarif', cents: 2500 },
  { ticket: 'T2', order: 'O1', customer: 'C1', performance: 'P1', tariff: 'Tarif Découverte', cents: 1800 },
  { ticket: 'T3', order: 'O2', customer: 'C2', performance: 'P1', tariff: 'Tarif Découverte', cents: 1800 },
  { ticket: 'T4', order: 'O2', customer: 'C2', performance: 'P1', tariff: 'Moins de 26 ans', cents: 1000 },
  { ticket: 'T5', order: 'O3', customer: 'C3', performance: 'P1', tariff: 'Invitation', cents: 0 },
  { ticket: 'T6', order: 'O4', customer: 'C1', performance: 'P2', tariff: 'Tarif Découverte', cents: 1800 },
  { ticket: 'T7', order: 'O5', customer: 'C2', performance: 'P2', tariff: 'Plein tarif', cents: 2500 },
  { ticket: 'T8', order: 'O6', customer: 'C3', performance: 'P2', tariff: 'Carte Fidélité', cents: 1500 },
  { ticket: 'T9', order: 'O7', customer: 'C3', performance: 'P2', tariff: 'Tarif Découverte', cents: 1800 },
];

function writeExport(dir: string, name: string, lines: Line[]): string {
  const path = join(dir, name);
  const rows = lines.map((l) => [
    l.ticket, l.order, '01/09/2024 10:00', (l.cents / 100).toFixed(2).replace('.', ','), '1', l.tariff,
    l.performance, PERFORMANCES[l.performance].date, 'Phèdre', l.customer, ...CUSTOMERS[l.customer],
  ]);
  writeFileSync(path, encodeCsv([HEADER, ...rows]));
  return path;
}

/**
 * The season and customer figures that depend on kinds, computed the plain way over the lines:
 * free = price 0 or kind free; subscribers = distinct customers with a subscription-kind seat.
 */
function expected(lines: Line[], kindOf: (tariff: string) => TariffKindName) {
  const seasons = [2024, 2025].map((season) => {
    const of = lines.filter((l) => PERFORMANCES[l.performance].season === season);
    const free = of.filter((l) => l.cents === 0 || kindOf(l.tariff) === 'free').length;
    return {
      seasonYear: season,
      tickets: of.length,
      ticketsFree: free,
      ticketsPaid: of.length - free,
      revenueCents: of.reduce((sum, l) => sum + l.cents, 0),
      subscribers: new Set(of.filter((l) => kindOf(l.tariff) === 'subscription').map((l) => l.customer)).size,
    };
  });
  const subscriptions = (customer: string) => {
    const byKey = new Map<string, { seasonYear: number; formula: string; tickets: number }>();
    for (const l of lines) {
      if (l.customer !== customer || kindOf(l.tariff) !== 'subscription') continue;
      const seasonYear = PERFORMANCES[l.performance].season;
      const key = `${seasonYear}|${l.tariff}`;
      const row = byKey.get(key) ?? { seasonYear, formula: l.tariff, tickets: 0 };
      row.tickets++;
      byKey.set(key, row);
    }
    return [...byKey.values()].sort((a, b) => a.seasonYear - b.seasonYear || a.formula.localeCompare(b.formula));
  };
  return { seasons, subscriptions };
}

let db: TempDb;
let engine: Dispatcher;
afterEach(() => db?.cleanup());

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await engine.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as CallOutput<N>;
}

async function checkFigures(lines: Line[], kinds: Record<string, TariffKindName>) {
  const want = expected(lines, (tariff) => kinds[tariff]);
  const seasons = await call('seasons.list', {});
  expect(
    seasons.map((s) => ({
      seasonYear: s.seasonYear,
      tickets: s.tickets,
      ticketsFree: s.ticketsFree,
      ticketsPaid: s.ticketsPaid,
      revenueCents: s.revenueCents,
      subscribers: s.subscribers,
    })),
  ).toEqual(want.seasons);
  for (const customer of Object.keys(CUSTOMERS)) {
    const record = await call('customers.get', { key: customer });
    const bySeason = (a: { seasonYear: number; formula: string }, b: { seasonYear: number; formula: string }) =>
      a.seasonYear - b.seasonYear || a.formula.localeCompare(b.formula);
    expect(record.subscriptions.map(({ seasonYear, formula, tickets }) => ({ seasonYear, formula, tickets })).sort(bySeason), customer).toEqual(
      want.subscriptions(customer),
    );
    // The record's purchase history shows each ticket with its tariff's kind as it is now.
    const seen = record.history.flatMap((s) => s.orders.flatMap((o) => o.tickets));
    expect(seen).toHaveLength(lines.filter((l) => l.customer === customer).length);
    for (const ticket of seen) expect(ticket.tariffKind, `${customer} ${ticket.tariff}`).toBe(kinds[ticket.tariff!]);
  }
}

const PROPOSED: Record<string, TariffKindName> = {
  'Plein tarif': 'full',
  'Tarif Découverte': 'full',
  'Moins de 26 ans': 'reduced',
  Invitation: 'free',
  'Carte Fidélité': 'subscription',
};

describe('tariff kinds set by the user', () => {
  it('lists every tariff with its tickets, revenue, proposed kind and reason, none confirmed', async () => {
    db = openTempDb();
    engine = createDispatcher({ db, dataDir: db.dir, handlers, emit: () => undefined });
    await call('imports.run', { files: [{ path: writeExport(db.dir, 'billets.csv', LINES) }] });
    const list = await call('tariffs.list', {});
    const byName = Object.fromEntries(list.map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(PROPOSED).sort());
    for (const [name, kind] of Object.entries(PROPOSED)) {
      const of = LINES.filter((l) => l.tariff === name);
      expect(byName[name], name).toMatchObject({
        proposedKind: kind,
        kind,
        confirmed: false,
        tickets: of.length,
        revenueCents: of.reduce((sum, l) => sum + l.cents, 0),
      });
    }
    expect(byName['Moins de 26 ans'].reason).toEqual({ source: 'name', match: 'moins de' });
    expect(byName['Carte Fidélité'].reason).toEqual({ source: 'name', match: 'carte' });
    expect(byName['Tarif Découverte'].reason).toEqual({ source: 'default' });
    expect(byName.Invitation.reason).toEqual({ source: 'name', match: 'invitation' });
    await checkFigures(LINES, PROPOSED);
  });

  it('makes every season figure and customer indicator follow a correction at once', async () => {
    db = openTempDb();
    engine = createDispatcher({ db, dataDir: db.dir, handlers, emit: () => undefined });
    await call('imports.run', { files: [{ path: writeExport(db.dir, 'billets.csv', LINES) }] });
    const id = (name: string) => db.sqlite.prepare('SELECT id FROM tariffs WHERE name = ?').pluck().get(name) as number;

    const before = await call('seasons.list', {});
    expect(before.map((s) => s.subscribers)).toEqual([0, 1]);

    // « Tarif Découverte » is in fact a subscription formula.
    const after = await call('tariffs.setKind', { tariffs: [{ id: id('Tarif Découverte'), kind: 'subscription' }] });
    expect(after.find((t) => t.name === 'Tarif Découverte')).toMatchObject({ kind: 'subscription', proposedKind: 'full', confirmed: true });
    expect(after.filter((t) => t.confirmed).map((t) => t.name)).toEqual(['Tarif Découverte']);
    const kinds = { ...PROPOSED, 'Tarif Découverte': 'subscription' as const };
    await checkFigures(LINES, kinds);
    // By hand: 2024 — Anne (T2) and Paul (T3); 2025 — Anne (T6) and Léa (T8, T9).
    expect((await call('seasons.list', {})).map((s) => s.subscribers)).toEqual([2, 2]);

    // Several at once: it was free after all, and the under-26 tariff is full price.
    await call('tariffs.setKind', {
      tariffs: [
        { id: id('Tarif Découverte'), kind: 'free' },
        { id: id('Moins de 26 ans'), kind: 'full' },
      ],
    });
    const kinds2 = { ...PROPOSED, 'Tarif Découverte': 'free' as const, 'Moins de 26 ans': 'full' as const };
    await checkFigures(LINES, kinds2);
    // By hand: 2024 free = T5 (0 €) + T2 + T3 = 3, paid 2.
    const s2024 = (await call('seasons.list', {}))[0];
    expect([s2024.ticketsFree, s2024.ticketsPaid]).toEqual([3, 2]);
  });

  it('refuses an unknown tariff and changes nothing', async () => {
    db = openTempDb();
    engine = createDispatcher({ db, dataDir: db.dir, handlers, emit: () => undefined });
    await call('imports.run', { files: [{ path: writeExport(db.dir, 'billets.csv', LINES) }] });
    const first = (await call('tariffs.list', {}))[0];
    const result = await engine.dispatch('tariffs.setKind', {
      tariffs: [
        { id: first.id, kind: 'free' },
        { id: 9999, kind: 'free' },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call('tariffs.list', {})).find((t) => t.id === first.id)).toMatchObject({ kind: first.kind, confirmed: false });
  });

  it('keeps the kind the user set through a re-import and a later export', async () => {
    db = openTempDb();
    engine = createDispatcher({ db, dataDir: db.dir, handlers, emit: () => undefined });
    const file = writeExport(db.dir, 'billets.csv', LINES);
    await call('imports.run', { files: [{ path: file }] });
    const list = await call('tariffs.list', {});
    const discovery = list.find((t) => t.name === 'Tarif Découverte')!;
    const plein = list.find((t) => t.name === 'Plein tarif')!;
    await call('tariffs.setKind', {
      tariffs: [
        { id: discovery.id, kind: 'subscription' },
        { id: plein.id, kind: 'full' }, // confirmed as proposed
      ],
    });

    const again = await call('imports.run', { files: [{ path: file }] });
    expect(again.tickets.new).toBe(0);
    const kinds = { ...PROPOSED, 'Tarif Découverte': 'subscription' as const };
    await checkFigures(LINES, kinds);

    // A later export: a new sale at « Tarif Découverte », one at a new tariff.
    const later: Line[] = [
      ...LINES,
      { ticket: 'T10', order: 'O8', customer: 'C2', performance: 'P2', tariff: 'Tarif Découverte', cents: 1800 },
      { ticket: 'T11', order: 'O8', customer: 'C2', performance: 'P2', tariff: 'Étudiant', cents: 1200 },
    ];
    await call('imports.run', { files: [{ path: writeExport(db.dir, 'billets-2.csv', later) }] });
    const listed = await call('tariffs.list', {});
    expect(listed.find((t) => t.name === 'Tarif Découverte')).toMatchObject({ id: discovery.id, kind: 'subscription', confirmed: true, tickets: 5 });
    expect(listed.find((t) => t.name === 'Plein tarif')).toMatchObject({ id: plein.id, kind: 'full', confirmed: true });
    expect(listed.find((t) => t.name === 'Étudiant')).toMatchObject({ kind: 'reduced', confirmed: false });
    expect(listed).toHaveLength(6);
    await checkFigures(later, { ...kinds, Étudiant: 'reduced' });
  });
});
