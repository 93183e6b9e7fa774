/**
 * A quarter's SIBIL declaration on hand-built data, where each figure is counted by hand below,
 * and each check before declaring triggered by a small case of its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { markDeclared, setShowDomain, sibilDeclaration } from '../../electron/engine/sibil/declare.js';
import { setSetting } from '../../electron/engine/settings.js';
import { DbBuilder } from '../helpers/build-db.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
afterEach(() => db?.cleanup());

const Q4_2024 = { year: 2024, quarter: 4 } as const;

function fresh() {
  db = openTempDb();
  return new DbBuilder(db.sqlite);
}

describe('a quarter’s declaration', () => {
  it('counts full, subscription, free and reduced tickets as the ministry asks, valid seats only', () => {
    const b = fresh();
    setSetting(db.sqlite, 'venueName', 'Théâtre des Halles');
    const hamlet = b.show('Hamlet', 'Théâtre');
    const perf = b.performance({ show: hamlet, startsAt: '2024-10-15T20:30:00', capacity: 100, hall: 'Grande salle', key: 'R1' });
    const anne = b.customer();
    const order = b.order(anne, '2024-09-01T10:00:00');
    b.ticket({ order, performance: perf, price: 2500, seats: 3, tariff: 'Plein tarif', kind: 'full' }); // 3 full, 75 €
    b.ticket({ order, performance: perf, price: 2500, seats: 2, cancelledSeats: 1, tariff: 'Plein tarif', kind: 'full' }); // 1 valid: 25 €
    b.ticket({ order, performance: perf, price: -2500, seats: 1, tariff: 'Plein tarif', kind: 'full', reversal: true }); // counts nothing
    b.ticket({ order, performance: perf, price: 1500, seats: 2, tariff: 'Abonnement 4', kind: 'subscription' }); // 2 subscription, 30 €
    b.ticket({ order, performance: perf, price: 1800, seats: 1, tariff: 'Moins de 26 ans', kind: 'reduced' }); // reduced: totals only, 18 €
    b.ticket({ order, performance: perf, price: 0, seats: 2, tariff: 'Invitation', kind: 'free' }); // 2 free
    // « Plein tarif » at 0 €, even if its kind says full: a free ticket.
    b.ticket({ order, performance: perf, price: 0, seats: 1, tariff: 'Plein tarif', kind: 'full' });

    const [line] = sibilDeclaration(db.sqlite, Q4_2024).lines;
    expect(line).toMatchObject({
      key: 'R1',
      spectacle: 'Hamlet',
      lieu: 'Théâtre des Halles — Grande salle',
      dateHeureRepresentation: '2024-10-15T20:30:00',
      jauge: 100,
      nbBilletsTarifPlein: 4,
      recetteTarifPlein: 100,
      prixMoyenTarifPlein: 25,
      nbBilletsTarifAbonnementForfait: 2,
      nbBilletsExoneres: 3,
      nbBilletsTarifReduit: 1,
      nbBilletsTotalBilletterie: 10, // 4 + 2 + 1 + 3
      recetteTotalBilletterie: 148, // 100 + 30 + 18
      domaine: 'theatre',
      domaineSource: 'proposed',
    });
    // 148 € over the 7 paying tickets: 21,142… → 21,14 €.
    expect(line.prixMoyenTotalBilletterie).toBe(21.14);
  });

  it('keeps to the quarter’s performances, in date order, the evening of its last day included', () => {
    const b = fresh();
    const show = b.show('Giselle', 'Danse');
    const before = b.performance({ show, startsAt: '2024-09-30T20:30:00', key: 'SEPT' });
    const last = b.performance({ show, startsAt: '2024-12-31T21:00:00', key: 'DEC31' });
    const first = b.performance({ show, startsAt: '2024-10-01T15:00:00', key: 'OCT1' });
    const after = b.performance({ show, startsAt: '2025-01-01T16:00:00', key: 'JAN1' });
    for (const perf of [before, last, first, after]) b.buy(null, perf, 1000, '2024-09-01T10:00:00');
    expect(sibilDeclaration(db.sqlite, Q4_2024).lines.map((l) => l.key)).toEqual(['OCT1', 'DEC31']);
  });

  it('takes the user’s domain over the proposal, and goes back to the proposal when it is cleared', () => {
    const b = fresh();
    const show = b.show('Carmen', 'Musique');
    b.performance({ show, startsAt: '2024-11-02T20:00:00', capacity: 500 });
    expect(sibilDeclaration(db.sqlite, Q4_2024).lines[0]).toMatchObject({ domaine: null, domaineSource: null });
    expect(setShowDomain(db.sqlite, show, 'musique-classique')).toBe(true);
    expect(sibilDeclaration(db.sqlite, Q4_2024).lines[0]).toMatchObject({ domaine: 'musique-classique', domaineSource: 'user' });
    setShowDomain(db.sqlite, show, null);
    expect(sibilDeclaration(db.sqlite, Q4_2024).lines[0].domaine).toBeNull();
  });

  it('remembers when a quarter was declared, with which file and its totals', () => {
    const b = fresh();
    const show = b.show('Hamlet');
    const perf = b.performance({ show, startsAt: '2024-10-15T20:30:00', capacity: 10 });
    b.buy(null, perf, 2000, '2024-10-01T10:00:00', 3);
    expect(sibilDeclaration(db.sqlite, Q4_2024).declared).toBeNull();
    markDeclared(db.sqlite, Q4_2024, 'parterre-sibil-2024-T4.csv', '2025-01-05T09:00:00');
    expect(sibilDeclaration(db.sqlite, Q4_2024).declared).toEqual({ at: '2025-01-05T09:00:00', file: 'parterre-sibil-2024-T4.csv' });
    expect(db.sqlite.prepare('SELECT performances, tickets, revenue_cents AS revenue FROM sibil_declarations').get()).toEqual({
      performances: 1,
      tickets: 3,
      revenue: 6000,
    });
  });
});

describe('the checks before declaring', () => {
  const codes = () => sibilDeclaration(db.sqlite, Q4_2024).checks.map((c) => `${c.code}:${c.subject}:${c.performanceKeys.join(',')}`);

  it('finds nothing to say on a clean quarter', () => {
    const b = fresh();
    const show = b.show('Hamlet', 'Théâtre');
    const perf = b.performance({ show, startsAt: '2024-10-15T20:30:00', capacity: 10, key: 'R1' });
    b.buy(null, perf, 2000, '2024-10-01T10:00:00', 3);
    db.sqlite.prepare('UPDATE tariffs SET kind_confirmed = 1').run();
    expect(codes()).toEqual([]);
  });

  it('names a performance without capacity, one over capacity, one without ticket', () => {
    const b = fresh();
    const show = b.show('Hamlet', 'Théâtre');
    const noCapacity = b.performance({ show, startsAt: '2024-10-15T20:30:00', key: 'NOCAP' });
    const full = b.performance({ show, startsAt: '2024-10-16T20:30:00', capacity: 2, key: 'OVER' });
    b.performance({ show, startsAt: '2024-10-17T20:30:00', capacity: 50, key: 'EMPTY' });
    b.buy(null, noCapacity, 2000, '2024-10-01T10:00:00');
    b.buy(null, full, 2000, '2024-10-01T10:00:00', 3);
    db.sqlite.prepare('UPDATE tariffs SET kind_confirmed = 1').run();
    expect(codes()).toEqual(['noCapacity:Hamlet:NOCAP', 'overCapacity:Hamlet:OVER', 'noTicket:Hamlet:EMPTY']);
  });

  it('names, in one check, the tariffs sold in the quarter whose kind was never confirmed, and only those', () => {
    const b = fresh();
    const show = b.show('Hamlet', 'Théâtre');
    const perf = b.performance({ show, startsAt: '2024-10-15T20:30:00', capacity: 50, key: 'R1' });
    const order = b.order(null, '2024-10-01T10:00:00');
    b.ticket({ order, performance: perf, price: 1000, tariff: 'Carte Liberté', kind: 'subscription' });
    b.ticket({ order, performance: perf, price: 2000, tariff: 'Plein tarif', kind: 'full' });
    b.ticket({ order, performance: perf, price: 1500, tariff: 'Moins de 26 ans', kind: 'reduced' });
    // Sold in another quarter only: not this declaration's business.
    const later = b.performance({ show, startsAt: '2025-02-15T20:30:00', capacity: 50 });
    b.ticket({ order, performance: later, price: 500, tariff: 'Tarif solidaire', kind: 'reduced' });
    db.sqlite.prepare("UPDATE tariffs SET kind_confirmed = 1 WHERE name = 'Plein tarif'").run();
    expect(codes().filter((c) => c.startsWith('unconfirmedTariff'))).toEqual(['unconfirmedTariff:« Carte Liberté », « Moins de 26 ans »:']);
  });

  it('names a show without a domain once, with its performances', () => {
    const b = fresh();
    const vague = b.show('Soirée surprise', 'Musique');
    for (const [day, key] of [['10', 'A'], ['11', 'B']]) {
      const perf = b.performance({ show: vague, startsAt: `2024-10-${day}T20:30:00`, capacity: 50, key });
      b.buy(null, perf, 1000, '2024-10-01T10:00:00');
    }
    db.sqlite.prepare('UPDATE tariffs SET kind_confirmed = 1').run();
    expect(codes()).toEqual(['noDomain:Soirée surprise:A,B']);
  });

  it('says when a series spans two quarters, so that each performance goes in its own', () => {
    const b = fresh();
    const show = b.show('Le Cid', 'Théâtre');
    const dec = b.performance({ show, startsAt: '2024-12-30T20:30:00', capacity: 50, key: 'DEC' });
    const jan = b.performance({ show, startsAt: '2025-01-03T20:30:00', capacity: 50, key: 'JAN' });
    b.buy(null, dec, 1000, '2024-10-01T10:00:00');
    b.buy(null, jan, 1000, '2024-10-01T10:00:00');
    db.sqlite.prepare('UPDATE tariffs SET kind_confirmed = 1').run();
    expect(codes()).toEqual(['seriesAcrossQuarters:Le Cid (2025-T1):DEC']);
    expect(sibilDeclaration(db.sqlite, { year: 2025, quarter: 1 }).lines.map((l) => l.key)).toEqual(['JAN']);
  });
});
