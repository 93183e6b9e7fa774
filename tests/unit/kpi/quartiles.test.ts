import { describe, expect, it } from 'vitest';
import { bandOf, quantileSorted, quartiles } from '../../../electron/engine/kpi/quartiles.js';

describe('quartiles (linear interpolation at (n − 1)·p, as QUARTILE.INC)', () => {
  it('interpolates between neighbours on an even count', () => {
    // positions 0.75, 1.5, 2.25 in [1, 2, 3, 4]
    expect(quartiles([4, 1, 3, 2])).toEqual([1.75, 2.5, 3.25]);
  });

  it('lands on values on an odd count', () => {
    // positions 1, 2, 3 in [10, 20, 30, 40, 50]
    expect(quartiles([50, 10, 40, 20, 30])).toEqual([20, 30, 40]);
  });

  it('gives the single value three times when n = 1, and null when there is none', () => {
    expect(quartiles([7])).toEqual([7, 7, 7]);
    expect(quartiles([])).toBeNull();
  });

  it('keeps ties exact', () => {
    // [1, 1, 1, 5, 5]: positions 1, 2, 3 → 1, 1, 5
    expect(quartiles([5, 1, 5, 1, 1])).toEqual([1, 1, 5]);
    // [2, 2, 2, 2, 9, 9]: positions 1.25 → 2, 2.5 → 2 + 0.5·0 = 2, 3.75 → 2 + 0.75·7 = 7.25
    expect(quartiles([2, 9, 2, 2, 9, 2])).toEqual([2, 2, 7.25]);
  });

  it('matches pandas on a textbook case', () => {
    // pandas.Series([1, 3, 5, 7, 9, 11, 13]).quantile(0.25) = 4.0 (position 1.5)
    expect(quantileSorted([1, 3, 5, 7, 9, 11, 13], 0.25)).toBe(4);
  });
});

describe('bands', () => {
  const cuts: [number, number, number] = [10, 20, 30];
  it('puts a value equal to a cut point in the lower band', () => {
    expect(bandOf(10, cuts)).toBe('Bas');
    expect(bandOf(20, cuts)).toBe('Moyenne basse');
    expect(bandOf(30, cuts)).toBe('Moyenne haute');
  });
  it('moves up just above a cut point', () => {
    expect(bandOf(10.01, cuts)).toBe('Moyenne basse');
    expect(bandOf(20.01, cuts)).toBe('Moyenne haute');
    expect(bandOf(30.01, cuts)).toBe('Haut');
    expect(bandOf(-5, cuts)).toBe('Bas');
  });
  it('gives equal values the same band even when cut points coincide', () => {
    const tied = quartiles([1, 1, 1, 5, 5])!;
    expect([1, 1, 1].map((v) => bandOf(v, tied))).toEqual(['Bas', 'Bas', 'Bas']);
    expect([5, 5].map((v) => bandOf(v, tied))).toEqual(['Moyenne haute', 'Moyenne haute']);
  });
});
