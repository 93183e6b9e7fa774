import { describe, expect, it } from 'vitest';
import { customerSearchText, foldForSearch, foldForSearchByDefinition, searchWords } from '../../../electron/engine/kpi/search-text.js';

describe('customer search text', () => {
  it('is lower-case and accent-free, name first', () => {
    expect(
      customerSearchText({ lastName: 'Lefèvre', firstName: 'Hélène', email: 'H.Lefevre@Exemple.FR', postalCode: '69003', city: 'Lyon' }),
    ).toBe('lefevre helene h.lefevre@exemple.fr 69003 lyon');
  });
  it('skips empty parts and folds ligatures', () => {
    expect(customerSearchText({ lastName: 'Œuvray', firstName: null, email: '', postalCode: null, city: 'Saint-Étienne' })).toBe(
      'oeuvray saint-etienne',
    );
  });
  it('folds a typed query into words the same way', () => {
    expect(searchWords('  Hélène   LYON ')).toEqual(['helene', 'lyon']);
    expect(searchWords('')).toEqual([]);
  });
});

describe('folding through the Latin-1 table', () => {
  it('gives what the definition gives, for every Latin-1 character alone and between others', () => {
    for (let code = 0; code < 256; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `a${char}b`, ` ${char} `, `${char}${char}  ${char}`, `É${char}\u00a0x`]) {
        expect([code, foldForSearch(text)]).toEqual([code, foldForSearchByDefinition(text)]);
      }
    }
  });

  it('gives what the definition gives for random texts, with or without characters past Latin-1', () => {
    // A small deterministic generator: the same texts at every run.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'Z', 'é', 'È', 'ç', 'Ø', 'ß', 'æ', 'ÿ', '´', '`', ' ', '  ', '\t', '\u00a0', '-', '@', '.', '1', 'Œ', '’', '€', '\u0301', '\u202f'];
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(next() * 12);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect([text, foldForSearch(text)]).toEqual([text, foldForSearchByDefinition(text)]);
    }
  });
});
