import { describe, expect, it } from 'vitest';
import { cellsHash, customerKey, isAnonymousName, orderKey, performanceKey, showKey, ticketKey } from '../../../electron/engine/import/read/identity.js';
import { tariffKind } from '../../../electron/engine/import/propose/tariff-kind.js';

const none = { customerId: '', email: '', lastName: '', firstName: '', postalCode: '' };

describe('customer keys', () => {
  it('prefers the customer number, then the e-mail, then name + first name + postal code', () => {
    expect(customerKey({ ...none, customerId: 'C42', email: 'a@b.fr', lastName: 'Martin' })).toBe('C42');
    expect(customerKey({ ...none, email: '  Jean.Martin@Exemple.FR ', lastName: 'Martin' })).toBe('email:jean.martin@exemple.fr');
    expect(customerKey({ ...none, lastName: ' Lefèvre-Dupont ', firstName: 'HÉLÈNE', postalCode: '75 001' })).toBe('name:lefevre dupont|helene|75001');
    expect(customerKey({ ...none, lastName: 'LEFEVRE DUPONT', firstName: 'helene', postalCode: '75001' })).toBe(
      customerKey({ ...none, lastName: 'Lefèvre-Dupont', firstName: 'Hélène', postalCode: '75001' }),
    );
  });

  it('treats a line with no identity, or a counter-sale name, as anonymous', () => {
    expect(customerKey(none)).toBeNull();
    expect(customerKey({ ...none, lastName: 'Martin' })).toBeNull();
    expect(customerKey({ ...none, lastName: 'Anonyme', email: 'guichet@theatre.fr' })).toBeNull();
    expect(customerKey({ ...none, lastName: 'Client de passage', customerId: '0' })).toBeNull();
    expect(isAnonymousName('VENTE GUICHET', '')).toBe(true);
    expect(isAnonymousName('Martin', 'Anne')).toBe(false);
  });
});

describe('other keys', () => {
  it('show, performance, order and ticket keys', () => {
    expect(showKey('SP1', 'Cendrillon')).toBe('SP1');
    expect(showKey('', '  CENDRILLON ! ')).toBe('title:cendrillon');
    expect(performanceKey('S9', 'SP1', '2025-03-14T20:30:00', 'Salle 1')).toBe('S9');
    expect(performanceKey('', 'SP1', '2025-03-14T20:30:00', 'Grande Salle')).toBe('SP1|2025-03-14T20:30:00|grande salle');
    expect(orderKey('CMD1', 'C1', '2025-01-01T00:00:00', 'B1')).toBe('CMD1');
    expect(orderKey('', 'C1', '2025-01-01T10:00:00', 'B1')).toBe('C1|2025-01-01T10:00:00');
    expect(orderKey('', null, '2025-01-01T10:00:00', 'B1')).toBe('B1');
    expect(ticketKey('B1', null, false)).toBe('B1');
    expect(ticketKey('B1', null, true)).toBe('B1:A');
    expect(ticketKey('', 'abc#2', false)).toBe('line:abc#2');
    expect(cellsHash(['a', 'b'])).toBe(cellsHash(['a', 'b']));
    expect(cellsHash(['a', 'b'])).not.toBe(cellsHash(['ab', '']));
  });
});

describe('tariff kinds', () => {
  it.each([
    [0, 'Plein tarif', '', '', 'free'],
    [1500, 'Invitation presse', '', '', 'free'],
    [1500, 'Exonéré', '', '', 'free'],
    [1500, 'Tarif', 'Complimentary', '', 'free'],
    [1500, 'Abonnement 4 spectacles', '', '', 'subscription'],
    [1500, 'Tarif abonné', '', '', 'subscription'],
    [1500, 'Plein', '', 'Formule Découverte', 'subscription'],
    [1500, 'PASS Famille', '', '', 'subscription'],
    [1500, 'Tarif réduit', '', '', 'reduced'],
    [1500, 'Étudiant', '', '', 'reduced'],
    [1500, "Demandeur d'emploi", '', '', 'reduced'],
    [1500, 'Tarif B', 'Senior', '', 'reduced'],
    [1500, 'Child', '', '', 'reduced'],
    [2500, 'Plein tarif', 'Normal', '', 'full'],
    [2500, 'Passage', '', '', 'full'],
  ])('%i cents, %s / %s / %s → %s', (cents, tariff, category, subscription, kind) => {
    expect(tariffKind(cents, tariff, category, subscription)).toBe(kind);
  });
});
