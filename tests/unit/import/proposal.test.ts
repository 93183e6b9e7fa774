/** The scored mapping proposal: header forms, value sniffing, and the unit-vs-line decision. */
import { describe, expect, it } from 'vitest';
import { headerTokens } from '../../../electron/engine/import/propose/header-tokens.js';
import { matchHeader } from '../../../electron/engine/import/propose/header-match.js';
import { proposeFromData } from '../../../electron/engine/import/propose/propose-mapping.js';
import { constantWithin, profileColumn } from '../../../electron/engine/import/propose/value-sniff.js';
import { decideAmount } from '../../../electron/engine/import/propose/amount-mode.js';

const best = (header: string) => matchHeader(header)[0]?.field;

describe('header forms', () => {
  it('splits words glued by _ or camelCase, drops accents, case, punctuation and small words', () => {
    expect(headerTokens('dateCommande')).toEqual(['date', 'commande']);
    expect(headerTokens('DATE_DE_LA_SEANCE')).toEqual(['date', 'seance']);
    expect(headerTokens('N° de commande')).toEqual(['numero', 'commande']);
    expect(headerTokens('Qté')).toEqual(['quantite']);
    expect(headerTokens('Order #')).toEqual(['order', 'numero']);
  });

  it('recognises French and English forms, abbreviations, and typos through fuse.js', () => {
    expect(best('N° de commande')).toBe('orderId');
    expect(best('order_date')).toBe('orderDate');
    expect(best('Date de la commande')).toBe('orderDate');
    expect(best('Qté')).toBe('seats');
    expect(best('Perf Date')).toBe('performanceDate');
    expect(best('Customer Email')).toBe('email');
    expect(best('Montant total TTC')).toBe('lineAmount');
    expect(best('Prix unitaire TTC')).toBe('unitPrice');
    // A typo: fuzzy, below an exact synonym.
    const typo = matchHeader('Date de comande')[0];
    expect(typo.field).toBe('orderDate');
    expect(typo.score).toBeLessThan(1);
    // Short unknown words match nothing.
    expect(matchHeader('Créé le')).toEqual([]);
  });
});

describe('value sniffing', () => {
  const kind = (values: string[]) => profileColumn(0, 'x', values).kind;
  it('tells dates, date-times, times, amounts, integers, e-mails, phones, yes/no', () => {
    expect(kind(['14/03/2025', '3 mars 2025', 'Mar 3, 2025'])).toBe('date');
    expect(kind(['14/03/2025 20:30', '2025-03-14T20:30:00', '03/14/2025 8:30 PM'])).toBe('datetime');
    expect(kind(['20:30', '8:30 PM', '19h'])).toBe('time');
    expect(kind(['12,50', '$1,180.00', '10', '£3.5'])).toBe('amount');
    expect(kind(['1', '2', '4'])).toBe('integer');
    expect(kind(['a@b.fr', 'c.d@e.com'])).toBe('email');
    expect(kind(['06 12 34 56 78', '+33 6 12 34 56 78'])).toBe('phone');
    expect(kind(['oui', 'non', 'oui'])).toBe('yesNo');
    expect(kind(['Plein tarif', 'Tarif réduit'])).toBe('text');
  });

  it('sees an order number repeat over adjacent lines and a ticket number not', () => {
    const order = profileColumn(0, 'Réf', ['C1', 'C1', 'C1', 'C2', 'C3', 'C3']);
    const ticket = profileColumn(0, 'Réf', ['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(order.adjacentRepeat).toBeCloseTo(3 / 5);
    expect(order.description).toBe('identifiants répétés sur les lignes voisines');
    expect(ticket.adjacentRepeat).toBe(0);
    expect(ticket.description).toBe('identifiants uniques');
  });

  it('sees which columns stay constant within an order', () => {
    const rows = [
      ['C1', '01/02/2025 10:00', '14/03/2025'],
      ['C1', '01/02/2025 10:00', '15/03/2025'],
      ['C2', '02/02/2025 11:00', '14/03/2025'],
      ['C2', '02/02/2025 11:00', '14/03/2025'],
    ];
    expect(constantWithin(rows, 1, 0)).toBe(1);
    expect(constantWithin(rows, 2, 0)).toBe(0.5);
  });
});

describe('the proposal', () => {
  it('proposes a sale date under an unlisted header from its values, and says why with a confidence', () => {
    const headers = ['N° commande', 'Créé le', 'Date représentation', 'Prix', 'Nom'];
    const rows = [
      ['C1', '01/02/2025 10:00:00', '14/03/2025', '10,00', 'Martin'],
      ['C1', '01/02/2025 10:00:00', '14/03/2025', '12,00', 'Martin'],
      ['C2', '03/02/2025 09:12:00', '15/03/2025', '10,00', 'Durand'],
    ];
    const { mapping, proposals } = proposeFromData(headers, rows);
    expect(mapping).toMatchObject({ orderId: 0, orderDate: 1, performanceDate: 2, unitPrice: 3, lastName: 4 });
    const orderDate = proposals.find((p) => p.field === 'orderDate')!;
    expect(orderDate.reason).toBe('en-tête « Créé le » non reconnu, valeurs : dates et heures, constantes dans une commande');
    expect(orderDate.confidence).toBeLessThan(0.7);
    const performanceDate = proposals.find((p) => p.field === 'performanceDate')!;
    expect(performanceDate).toMatchObject({ confidence: 1, reason: 'en-tête « Date représentation » reconnu, valeurs : dates' });
  });

  it('does not follow a header whose values contradict it: the values propose, weakly', () => {
    const { mapping, proposals } = proposeFromData(['Date représentation', 'Date'], [
      ['14/03/2025', '12,50'],
      ['15/03/2025', '13,50'],
    ]);
    expect(mapping).toEqual({ performanceDate: 0, unitPrice: 1 });
    expect(proposals[1]).toMatchObject({ field: 'unitPrice', confidence: 0.5 });
    expect(proposals[1].reason).toContain('valeurs : montants');
  });
});

describe('a seat price or a line total', () => {
  const headers = ['Date séance', 'Tarif', 'Places', 'Montant'];
  const mapping = { performanceDate: 0, tariff: 1, seats: 2, unitPrice: 3 };
  it('is a line total when, within a performance and tariff, the amount grows with the seats', () => {
    const rows = [
      ['14/03/2025', 'Plein', '1', '10,80'],
      ['14/03/2025', 'Plein', '3', '32,40'],
      ['15/03/2025', 'Réduit', '2', '16,00'],
      ['15/03/2025', 'Réduit', '1', '8,00'],
    ];
    const decision = decideAmount(rows, mapping, ',');
    expect(decision).toMatchObject({ mode: 'line', source: 'data', column: 3 });
    expect(decision!.evidence).toContain('1 place → 10,80 ; 3 places → 32,40');
    expect(headers.length).toBe(4);
  });

  it('is a seat price when the amount stays the same whatever the seats', () => {
    const rows = [
      ['14/03/2025', 'Plein', '1', '10,80'],
      ['14/03/2025', 'Plein', '3', '10,80'],
      ['15/03/2025', 'Réduit', '2', '8,00'],
      ['15/03/2025', 'Réduit', '1', '8,00'],
    ];
    expect(decideAmount(rows, mapping, ',')).toMatchObject({ mode: 'unit', source: 'data' });
  });

  it('cannot be told when no performance and tariff has lines of different seat counts: the user must say', () => {
    const rows = [
      ['14/03/2025', 'Plein', '3', '32,40'],
      ['15/03/2025', 'Réduit', '2', '16,00'],
    ];
    expect(decideAmount(rows, mapping, ',')).toMatchObject({ mode: null, source: 'undecided' });
  });

  it('needs no decision with one seat a line, and checks both columns when both exist', () => {
    expect(decideAmount([['14/03/2025', 'Plein', '1', '10,80']], mapping, ',')).toMatchObject({ mode: 'unit', source: 'single-seat' });
    expect(decideAmount([], { ...mapping, lineAmount: 1 }, ',')).toMatchObject({ mode: 'both' });
  });
});
