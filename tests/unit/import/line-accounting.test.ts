/** The end-of-file check: three counts kept by different parts of the import must agree. */
import { describe, expect, it } from 'vitest';
import { assertLinesAddUp } from '../../../electron/engine/import/line-accounting.js';
import { EngineError } from '../../../electron/engine/errors.js';

const account = { records: 10, stats: { lines: 8, rejected: 2, skipped: 2 }, written: 6, logged: 2 };

describe('assertLinesAddUp', () => {
  it('passes when every record is skipped, written or rejected', () => {
    expect(() => assertLinesAddUp('a.csv', account)).not.toThrow();
  });

  it.each([
    ['a record the filter never saw', { ...account, records: 11 }, '11 enregistrements lus'],
    ['a line neither written nor rejected', { ...account, written: 5 }, '8 lignes de données ≠ 5 importées + 2 rejetées'],
    ['a reject counted but not logged', { ...account, logged: 1, written: 7 }, '2 rejets comptés ≠ 1'],
  ])('throws, naming the file and the counts, on %s', (_what, wrong, text) => {
    let thrown: unknown;
    try {
      assertLinesAddUp('a.csv', wrong);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EngineError);
    expect((thrown as EngineError).message).toContain('« a.csv »');
    expect((thrown as EngineError).message).toContain(text);
  });
});
