/**
 * foldText, which identity keys and keyword rules use, goes through a Latin-1 table
 * (latin1-fold.ts); it must give exactly what its definition gives.
 */
import { describe, expect, it } from 'vitest';
import { foldText, foldTextByDefinition } from '../../../electron/engine/import/read/text.js';

describe('foldText through the Latin-1 table', () => {
  it('folds names as identity keys need', () => {
    expect(foldText("  Élodie  d'Arc ")).toBe('elodie d arc');
    expect(foldText('DUPONT-LEFÈVRE')).toBe('dupont lefevre');
    expect(foldText('Œuvray Æsop')).toBe('oeuvray aesop');
    expect(foldText('Client de passage !')).toBe('client de passage');
    expect(foldText('')).toBe('');
  });

  it('gives what the definition gives, for every Latin-1 character alone and between others', () => {
    for (let code = 0; code < 256; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `a${char}b`, ` ${char} `, `${char}${char}  ${char}`, `É${char}\u00a0x`, `1${char}`]) {
        expect([code, foldText(text)]).toEqual([code, foldTextByDefinition(text)]);
      }
    }
  });

  it('gives what the definition gives for random texts, with or without characters past Latin-1', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'Z', 'é', 'È', 'ç', 'Ø', 'ß', 'æ', 'ÿ', 'µ', '´', ' ', '\t', '\u00a0', '-', "'", '@', '.', '1', '9', 'Œ', '’', '€', '\u0301', 'İ'];
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(next() * 12);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect([text, foldText(text)]).toEqual([text, foldTextByDefinition(text)]);
    }
  });
});
