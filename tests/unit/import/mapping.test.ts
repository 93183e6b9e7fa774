import { describe, expect, it } from 'vitest';
import { detectKind, headerSignature, missingRequired, proposeMapping, restrictMapping } from '../../../electron/engine/import/propose/mapping.js';

describe('header synonyms', () => {
  it('maps French and English headers, whatever the accents and case', () => {
    const headers = ['N° BILLET', 'date representation', 'Montant TTC', 'nbPlaces', 'E-mail', 'Prénom', 'NOM', 'Code Postal', 'Ticket ID', 'Performance Date'];
    const mapping = proposeMapping(headers);
    expect(mapping.ticketId).toBe(0);
    expect(mapping.performanceDate).toBe(1);
    expect(mapping.unitPrice).toBe(2);
    expect(mapping.seats).toBe(3);
    expect(mapping.email).toBe(4);
    expect(mapping.firstName).toBe(5);
    expect(mapping.lastName).toBe(6);
    expect(mapping.postalCode).toBe(7);
  });

  it('gives a field to the first column naming it', () => {
    expect(proposeMapping(['Prix', 'price']).unitPrice).toBe(0);
    expect(proposeMapping(['ticket id', 'Numéro billet']).ticketId).toBe(0);
  });

  it('leaves unknown headers unmapped', () => {
    expect(proposeMapping(['Couleur préférée', 'Prix'])).toEqual({ unitPrice: 1 });
  });
});

describe('kinds', () => {
  it('an amount makes ticket lines, a capacity performances, customer columns a customer file', () => {
    expect(detectKind(proposeMapping(['Date séance', 'Prix', 'Nom']))).toBe('tickets');
    expect(detectKind(proposeMapping(['Date séance', 'Jauge', 'Salle']))).toBe('performances');
    expect(detectKind(proposeMapping(['N° client', 'Nom', 'Email', 'Optin email']))).toBe('customers');
  });

  it('keeps only the fields of the kind and lists the missing required ones', () => {
    const mapping = proposeMapping(['N° client', 'Nom', 'Prix', 'Jauge']);
    expect(restrictMapping(mapping, 'customers', 4)).toEqual({ customerId: 0, lastName: 1 });
    expect(missingRequired(proposeMapping(['Nom', 'Prix']), 'tickets')).toEqual(['performanceDate']);
    expect(missingRequired(proposeMapping(['Date séance', 'Prix']), 'tickets')).toEqual([]);
  });

  it('signs a header with its normalised names', () => {
    expect(headerSignature(['N° Billet', 'Date Séance'])).toBe('nbillet|dateseance');
    expect(headerSignature(['n billet', 'DATE SEANCE'])).toBe(headerSignature(['N° Billet', 'Date Séance']));
  });
});
