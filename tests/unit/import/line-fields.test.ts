/**
 * LineFields' record: a plain line read in place (its cells sliced only when read) and a quoted
 * record given as cells, and the group keys that tell the reader a line repeats the customer,
 * order or performance cells of another. A key is checked against the plain comparison it stands
 * for: the cells of the group, one by one.
 */
import { describe, expect, it } from 'vitest';
import { LineFields } from '../../../electron/engine/import/read/fields.js';
import { cachedPerformanceReader } from '../../../electron/engine/import/read/performance-line.js';
import type { ImportField } from '../../../shared/import-fields.js';

// Columns: 0 ticket, 1 last name, 2 first name, 3 amount, 4 e-mail, 5 postal code.
const mapping = { ticketId: 0, lastName: 1, firstName: 2, unitPrice: 3, email: 4, postalCode: 5 };
const GROUP: ImportField[] = ['lastName', 'firstName', 'email', 'postalCode'];
const GROUP_COLUMNS = [1, 2, 4, 5];

/** The key of `line` read as a plain line, in the middle of a longer text as in a chunk. */
function plainKey(fields: LineFields, line: string, separator = ';'): string {
  const text = `x${separator}y\n${line}\nz`;
  fields.setLine(text, 4, 4 + line.length, separator);
  return fields.groupKey(fields.group(GROUP));
}

describe('LineFields, a plain line read in place', () => {
  it('gives the cells split() would, and nothing past the last', () => {
    const fields = new LineFields(mapping, true);
    for (const line of ['1;Martin;Jean;12,50;j@x.fr;25000', ';;;;;', '1;Martin;;;;', 'seul', '', '1;a;b;c;d;e;f;g']) {
      fields.setLine(`avant\n${line}\napres;x`, 6, 6 + line.length, ';');
      const expected = line.split(';');
      expect(fields.cells).toEqual(expected);
      expect(fields.count).toBe(expected.length);
      expect(fields.cell(expected.length)).toBeUndefined();
    }
    fields.setLine('1\tDurand\t Léa \t3', 0, 16, '\t');
    expect(fields.text('firstName')).toBe('Léa');
    expect(fields.cents('unitPrice')).toBe(300);
  });

  it('grows past 64 cells', () => {
    const fields = new LineFields(mapping, true);
    const line = Array.from({ length: 150 }, (_, i) => String(i)).join('|');
    fields.setLine(line, 0, line.length, '|');
    expect(fields.count).toBe(150);
    expect(fields.cell(149)).toBe('149');
  });

  it('is blank only when every cell is', () => {
    const fields = new LineFields(mapping, true);
    const blank = (line: string) => {
      fields.setLine(line, 0, line.length, ';');
      return fields.isBlank();
    };
    expect([';;;;;', '', '  ;\u00a0; ;;;', ' '].map(blank)).toEqual([true, true, true, true]);
    expect([';;;;;x', 'a;;;;;', ' a;;;;;', ';\u00e9;;;;'].map(blank)).toEqual([false, false, false, false]);
    fields.cells = ['', ' ', ''];
    expect(fields.isBlank()).toBe(true);
    fields.cells = ['', 'b'];
    expect(fields.isBlank()).toBe(false);
  });
});

describe('LineFields.groupKey', () => {
  it('is equal for two lines exactly when their cells of the group are', () => {
    const fields = new LineFields(mapping, true);
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const values = ['', 'a', 'b', 'ab', ' a', 'a;b'.slice(0, 1)];
    const line = () => Array.from({ length: 6 }, () => values[Math.floor(random() * values.length)]);
    let equalPairs = 0;
    for (let round = 0; round < 3000; round++) {
      const a = line();
      // Often the same group cells with other cells elsewhere, so that both outcomes are common.
      const b = random() < 0.5 ? a.map((cell, i) => (GROUP_COLUMNS.includes(i) ? cell : values[Math.floor(random() * values.length)])) : line();
      const sameGroup = GROUP_COLUMNS.every((c) => a[c] === b[c]);
      if (sameGroup) equalPairs++;
      expect(plainKey(fields, a.join(';')) === plainKey(fields, b.join(';')), `${a.join(';')} / ${b.join(';')}`).toBe(sameGroup);
    }
    expect(equalPairs).toBeGreaterThan(1000);
  });

  it('for quoted records, compares their cells, a separator inside a cell included', () => {
    const fields = new LineFields(mapping, true);
    const group = fields.group(GROUP);
    const key = (cells: string[]) => {
      fields.cells = cells;
      return fields.groupKey(group);
    };
    expect(key(['1', 'a;b', 'c', '9', '', ''])).toBe(key(['2', 'a;b', 'c', '8', '', '']));
    expect(key(['1', 'a;b', 'c', '9', '', ''])).not.toBe(key(['1', 'a', 'b;c', '9', '', '']));
    expect(key(['1', 'a"', 'b', '9', '', ''])).not.toBe(key(['1', 'a', '"b', '9', '', '']));
  });

  it('never makes a quoted record equal to a plain line (only the quoted one starts with a quote)', () => {
    const fields = new LineFields(mapping, true);
    const group = fields.group(GROUP);
    const plain = plainKey(fields, '1;[;b;9;c;d');
    fields.cells = ['1', '[', 'b', '9', 'c', 'd'];
    expect(fields.groupKey(group)).not.toBe(plain);
    expect(fields.groupKey(group).startsWith('"')).toBe(true);
    expect(plain.startsWith('"')).toBe(false);
  });

  it('cuts the columns into runs of adjacent ones', () => {
    const fields = new LineFields(mapping, true);
    expect(fields.group(GROUP).runs).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(fields.group(['postalCode', 'ticketId', 'lastName', 'unitPrice']).runs).toEqual([
      [0, 1],
      [3, 3],
      [5, 5],
    ]);
  });
});

describe('cachedPerformanceReader', () => {
  // Columns: 0 performance number, 1 date, 2 time, 3 show, 4 hall.
  const perfMapping = { performanceId: 0, performanceDate: 1, performanceTime: 2, showTitle: 3, hall: 4 };
  const reader = () => {
    const fields = new LineFields(perfMapping, true);
    const read = cachedPerformanceReader(fields);
    return (line: string) => {
      fields.setLine(line, 0, line.length, ';');
      return read();
    };
  };

  it('reads a performance once per distinct cells, also when its number comes back with other cells', () => {
    const read = reader();
    const first = read('P1;12/10/2024;20:30;Le Misanthrope;Grande salle');
    expect(first).toMatchObject({ key: 'P1', startsAt: '2024-10-12T20:30:00', hall: 'Grande salle' });
    expect(read('P2;13/10/2024;15:00;Le Misanthrope;Studio')).toMatchObject({ key: 'P2', hall: 'Studio' });
    expect(read('P1;12/10/2024;20:30;Le Misanthrope;Grande salle')).toBe(first);
    // The same number with a new hall: read again (the last line wins when written).
    const moved = read('P1;12/10/2024;20:30;Le Misanthrope;Studio');
    expect(moved).not.toBe(first);
    expect(moved).toMatchObject({ key: 'P1', hall: 'Studio' });
    expect(read('P1;12/10/2024;20:30;Le Misanthrope;Grande salle')).toBe(first);
  });

  it('without performance numbers, tells performances apart by all their cells', () => {
    const fields = new LineFields({ performanceDate: 0, performanceTime: 1, showTitle: 2, hall: 3 }, true);
    const read = cachedPerformanceReader(fields);
    const at = (line: string) => {
      fields.setLine(line, 0, line.length, ';');
      return read();
    };
    const a = at('12/10/2024;20:30;Le Misanthrope;Grande salle');
    const b = at('12/10/2024;20:30;Tartuffe;Grande salle');
    expect(a).not.toBe(b);
    expect(a.key).not.toBe(b.key);
    expect(at('12/10/2024;20:30;Le Misanthrope;Grande salle')).toBe(a);
  });
});
