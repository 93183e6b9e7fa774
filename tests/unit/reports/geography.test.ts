import { describe, expect, it } from 'vitest';
import { departementName, departementOfPostalCode, placeOf } from '../../../electron/engine/reports/geography.js';
import { normaliseCountry, normalisePostalCode } from '../../../electron/engine/reports/report-tally.js';

describe('where a spectator lives, through the official reference', () => {
  it('reads Corsica as 2A and 2B, never as « 20 »', () => {
    expect(placeOf('', '20000', 'Ajaccio')).toEqual({ departement: '2A', commune: 'Ajaccio' });
    expect(placeOf('', '20200', 'Bastia')).toEqual({ departement: '2B', commune: 'Bastia' });
    expect(departementName('2B')).toBe('Haute-Corse');
  });

  it('reads the overseas départements on three digits', () => {
    expect(placeOf('', '97400', 'Saint-Denis').departement).toBe('974');
    expect(placeOf('', '97200', 'Fort-de-France').departement).toBe('972');
    expect(placeOf('', '97600', 'Mamoudzou').departement).toBe('976');
  });

  it('gives a postal code shared by two départements to the one most of its people live in, and finds the commune by name', () => {
    // 05110 covers communes of the Hautes-Alpes (05) and of the Alpes-de-Haute-Provence (04).
    expect(placeOf('', '05110', 'la saulce').departement).toBe('05');
    expect(placeOf('', '05110', 'la saulce').commune).toBe('La Saulce');
    expect(placeOf('', '05110', 'Ville inconnue').commune).toBe('Ville inconnue');
  });

  it('keeps addresses abroad and unknown codes apart', () => {
    expect(placeOf('Belgique', '1000', 'Bruxelles')).toEqual({ departement: null, commune: 'Bruxelles' });
    expect(placeOf('', '99999', 'Ailleurs').departement).toBeNull();
  });

  it('restores the leading zero a spreadsheet dropped, for French addresses only', () => {
    expect(normalisePostalCode('1400', '')).toBe('01400');
    expect(normalisePostalCode(' 25 000 ', '')).toBe('25000');
    expect(normalisePostalCode('1000', 'Belgique')).toBe('1000');
    expect(normaliseCountry('FRANCE')).toBe('');
    expect(normaliseCountry(' France métropolitaine ')).toBe('');
    expect(normaliseCountry('Suisse')).toBe('Suisse');
  });
});

describe('the département of a postal code alone (the segments’ criterion)', () => {
  it('is the reference’s where the first digits would be wrong, and the rule for a code it does not list', () => {
    // 94390 (Paray-Vieille-Poste) is in the Essonne, not the Val-de-Marne its digits say.
    expect(departementOfPostalCode('94390')).toBe('91');
    // A CEDEX code is in no reference: its first digits.
    expect(departementOfPostalCode('75700')).toBe('75');
    expect(departementOfPostalCode('1400')).toBe('01');
    expect(departementOfPostalCode('20200')).toBe('2B');
    expect(departementOfPostalCode('')).toBeNull();
    expect(departementOfPostalCode('SW1A 1AA')).toBeNull();
  });
});
