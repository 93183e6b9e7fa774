/**
 * Six customers whose every segment answer is worked out by hand in the tests (the comments
 * below give each one's purchases). Seasons start in September: 2023 is « 2023-2024 ».
 *
 *   ann  75001 Paris     Hamlet H1 + Giselle G1 (one order, 2023-09-01, Internet), Giselle G2 (2024-09-02, Guichet)
 *   bob  69001 Lyon      Giselle G1 at a subscription tariff (2023-09-05, Guichet); nothing in 2024-2025
 *   cat  20100 Ajaccio   Hamlet H2 (2024-09-10, Internet); Boléro B1 invitation at 0 € (2024-11-15, Téléphone)
 *   dan  20200 Bastia    one Cirque ticket, cancelled (no valid seat: not a spectator)
 *   eve  97110 Pointe-à-Pitre  no purchase
 *   fay  75010 PARIS     G1 (2023-09-03), G2 (2024-09-03), B1 at a subscription tariff (2024-11-20): three orders
 *   + an anonymous counter sale of H1 (2023-10-01).
 *
 * Lifetime values: ann 2000+2500+3000 = 7500, bob 1500, cat 2000+0 = 2000, fay 2500+3000+1800 = 7300.
 * Newest order date with a valid seat: 2024-11-20 (fay).
 */
import type Database from 'better-sqlite3';
import { rebuildAggregates } from '../../../electron/engine/kpi/aggregates.js';
import { DbBuilder } from '../../helpers/build-db.js';

export interface Fixture {
  ids: Record<'ann' | 'bob' | 'cat' | 'dan' | 'eve' | 'fay', number>;
}

export function buildSegmentFixture(sqlite: Database.Database): Fixture {
  const b = new DbBuilder(sqlite);
  const hamlet = b.show('Hamlet', 'Théâtre');
  const giselle = b.show('Giselle', 'Danse');
  const bolero = b.show('Boléro', 'Danse');
  const cirque = b.show('Cirque X', 'Cirque');
  sqlite.prepare("UPDATE shows SET company = 'Cie A' WHERE id = ?").run(hamlet);
  sqlite.prepare("UPDATE shows SET company = 'Ballet B' WHERE id IN (?, ?)").run(giselle, bolero);
  const H1 = b.performance({ show: hamlet, startsAt: '2023-10-10T20:00:00' });
  const H2 = b.performance({ show: hamlet, startsAt: '2024-10-10T20:00:00' });
  const G1 = b.performance({ show: giselle, startsAt: '2023-11-01T20:00:00' });
  const G2 = b.performance({ show: giselle, startsAt: '2024-11-01T20:00:00' });
  const B1 = b.performance({ show: bolero, startsAt: '2024-12-01T20:00:00' });
  const X1 = b.performance({ show: cirque, startsAt: '2025-03-01T20:00:00' });

  const ann = b.customer({ key: 'K-ANN', lastName: 'Durand', firstName: 'Ann', email: 'ann@exemple.fr', postalCode: '75001', city: 'Paris', phone: '06 12 34 56 78', address1: '1 rue A', consentEmail: 1, consentEmailAt: '2024-01-01' });
  const bob = b.customer({ key: 'K-BOB', lastName: 'Martin', firstName: 'Bob', email: 'bob@exemple.fr', postalCode: '69001', city: 'Lyon', consentEmail: 0 });
  const cat = b.customer({ key: 'K-CAT', lastName: 'Leroy', firstName: 'Cat', postalCode: '20100', city: 'Ajaccio', phone: '04 95 00 00 00', address1: '3 cours B' });
  const dan = b.customer({ key: 'K-DAN', lastName: 'Petit', firstName: 'Dan', postalCode: '20200', city: 'Bastia' });
  const eve = b.customer({ key: 'K-EVE', lastName: 'Roux', firstName: 'Eve', email: 'eve@exemple.fr', postalCode: '97110', city: 'Pointe-à-Pitre' });
  const fay = b.customer({ key: 'K-FAY', lastName: 'Simon', firstName: 'Fay', email: 'fay@exemple.fr', postalCode: '75010', city: 'PARIS', address1: '6 quai C', consentEmail: 1, consentEmailAt: '2015-06-01' });

  const a1 = b.order(ann, '2023-09-01T10:00:00', { channel: 'Internet' });
  b.ticket({ order: a1, performance: H1, price: 2000 });
  b.ticket({ order: a1, performance: G1, price: 2500 });
  b.ticket({ order: b.order(ann, '2024-09-02T10:00:00', { channel: 'Guichet' }), performance: G2, price: 3000 });

  b.ticket({ order: b.order(bob, '2023-09-05T10:00:00', { channel: 'Guichet' }), performance: G1, price: 1500, kind: 'subscription', tariff: 'Abonnement' });

  b.ticket({ order: b.order(cat, '2024-09-10T10:00:00', { channel: 'Internet' }), performance: H2, price: 2000 });
  b.ticket({ order: b.order(cat, '2024-11-15T10:00:00', { channel: 'Téléphone' }), performance: B1, price: 0, kind: 'full', tariff: 'Invitation' });

  b.ticket({ order: b.order(dan, '2025-01-10T10:00:00', { channel: 'Internet' }), performance: X1, price: 1200, cancelledSeats: 1 });

  b.ticket({ order: b.order(fay, '2023-09-03T10:00:00', { channel: 'Internet' }), performance: G1, price: 2500 });
  b.ticket({ order: b.order(fay, '2024-09-03T10:00:00', { channel: 'Internet' }), performance: G2, price: 3000 });
  b.ticket({ order: b.order(fay, '2024-11-20T10:00:00', { channel: 'Guichet' }), performance: B1, price: 1800, kind: 'subscription', tariff: 'Abonnement' });

  b.buy(null, H1, 2000, '2023-10-01T19:00:00');
  rebuildAggregates(sqlite);
  return { ids: { ann, bob, cat, dan, eve, fay } };
}
