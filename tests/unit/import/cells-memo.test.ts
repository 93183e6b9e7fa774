import { describe, expect, it } from 'vitest';
import { CellsMemo } from '../../../electron/engine/import/read/cells-memo.js';

describe('CellsMemo', () => {
  it('finds a value by its number and its whole cells, never by the number alone', () => {
    const memo = new CellsMemo<string>(10);
    memo.add('C1', 'C1;Martin;Paris', 'first');
    memo.add('C1', 'C1;Martin;Lyon', 'moved');
    expect(memo.get('C1', 'C1;Martin;Paris')).toBe('first');
    expect(memo.get('C1', 'C1;Martin;Lyon')).toBe('moved');
    expect(memo.get('C1', 'C1;Martin;Nice')).toBeUndefined();
    expect(memo.get('C2', 'C1;Martin;Paris')).toBeUndefined();
    expect(memo.size).toBe(2);
  });

  it('looks rows without a number up by their cells, so that they do not share one bucket', () => {
    expect(CellsMemo.lookupOf('C7', ';x')).toBe('C7');
    expect(CellsMemo.lookupOf('', ';Martin;Paris')).toBe(';Martin;Paris');
    expect(CellsMemo.lookupOf('  ', ' ;Martin')).toBe(' ;Martin');
    expect(CellsMemo.lookupOf(undefined, 'Martin;Paris')).toBe('Martin;Paris');
  });

  it('starts again past its limit, and says so', () => {
    const memo = new CellsMemo<number>(2);
    expect(memo.add('a', 'a;1', 1)).toBe(true);
    expect(memo.add('b', 'b;1', 2)).toBe(true);
    expect(memo.add('c', 'c;1', 3)).toBe(false);
    expect(memo.get('a', 'a;1')).toBeUndefined();
    expect(memo.get('c', 'c;1')).toBe(3);
    expect(memo.size).toBe(1);
  });
});
