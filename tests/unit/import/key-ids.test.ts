import { describe, expect, it } from 'vitest';
import { KeyIds } from '../../../electron/engine/import/write/key-ids.js';

describe('KeyIds', () => {
  it('finds every key added, through growth, and no key it was not given', () => {
    const keys: string[] = [''];
    let lookups = 0;
    const table = new KeyIds((id) => {
      lookups++;
      return keys[id];
    });
    for (let i = 1; i <= 200_000; i++) {
      const key = i % 3 === 0 ? `line:${i.toString(36)}#1` : String(1_000_000 + i);
      expect(table.get(key)).toBeUndefined();
      keys.push(key);
      table.add(key, i);
    }
    for (let i = 1; i <= 200_000; i++) expect(table.get(keys[i])).toBe(i);
    expect(table.get('999')).toBeUndefined();
    expect(table.get(`${keys[5]}:A`)).toBeUndefined();
    // Keys are read back only on an equal 32-bit hash: the 200,000 hits and a few collisions.
    expect(lookups).toBeLessThan(200_000 + 1_000);
  });
});
