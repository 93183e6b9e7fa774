import { describe, expect, it } from 'vitest';
import { LineFields } from '../../../electron/engine/import/read/fields.js';
import {
  parseAmountCents,
  parseCapacity,
  parseConsent,
  parseDateTime,
  parseSeats,
  parseTime,
  parseVatBp,
  withTime,
} from '../../../electron/engine/import/read/values.js';
import { centsInRange } from '../../../electron/engine/import/read/value-limits.js';

describe('dates (docs/import-rules.md « Values »)', () => {
  it.each([
    ['14/03/2025', '2025-03-14T00:00:00'],
    ['4/3/2025', '2025-03-04T00:00:00'],
    ['14/03/25', '2025-03-14T00:00:00'],
    ['14/03/69', '2069-03-14T00:00:00'],
    ['14/03/70', '1970-03-14T00:00:00'],
    ['14-03-2025', '2025-03-14T00:00:00'],
    ['14.03.2025', '2025-03-14T00:00:00'],
    ['14/03/2025 20:30', '2025-03-14T20:30:00'],
    ['14/03/2025 20:30:15', '2025-03-14T20:30:15'],
    ['14/03/2025 20h30', '2025-03-14T20:30:00'],
    ['2025-03-14', '2025-03-14T00:00:00'],
    ['2025-03-14 20:30', '2025-03-14T20:30:00'],
    ['2025-03-14T20:30:05', '2025-03-14T20:30:05'],
    ['2025/03/14 9:05', '2025-03-14T09:05:00'],
    ['29/02/2024', '2024-02-29T00:00:00'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateTime(text)).toBe(iso);
  });

  it('reads month-first when told so', () => {
    expect(parseDateTime('03/14/2025', false)).toBe('2025-03-14T00:00:00');
    expect(parseDateTime('03/04/2025', true)).toBe('2025-04-03T00:00:00');
    expect(parseDateTime('03/04/2025', false)).toBe('2025-03-04T00:00:00');
  });

  it.each(['32/13/2024', '31/04/2025', '29/02/2025', '14/03/2025 25:00', '14/03/2025 20:61', 'demain', '2025-13-01', '14/03', '14/03/2025/1', '14/03-2025'])(
    'rejects %s',
    (text) => {
      expect(parseDateTime(text)).toBeNull();
    },
  );

  it('combines a date and a separate time column', () => {
    const time = parseTime('20h45');
    expect(time).toEqual([20, 45, 0]);
    expect(withTime('2025-03-14T00:00:00', time!)).toBe('2025-03-14T20:45:00');
    expect(parseTime('20:30:10')).toEqual([20, 30, 10]);
    expect(parseTime('20h')).toEqual([20, 0, 0]);
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('soir')).toBeNull();
  });
});

describe('amounts in cents', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12', 1200],
    ['12,5', 1250],
    ['0', 0],
    ['0,00', 0],
    ['1 234,50', 123450],
    ['1\u00a0234,50', 123450],
    ['1\u202f234,50 €', 123450],
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['1.234', 123400],
    ['1.234.567', 123456700],
    ['1,234,567', 123456700],
    ['0.500', 50],
    ['12 €', 1200],
    ['€12,50', 1250],
    ['EUR 12,50', 1250],
    ['12,50 EUR', 1250],
    ['-12,50', -1250],
    ['12,50-', -1250],
    ['(12,50)', -1250],
    ['- 12,50 €', -1250],
    ['+3', 300],
    ['12,345', 1235],
  ])('%s → %i', (text, cents) => {
    expect(parseAmountCents(text)).toBe(cents);
  });

  it.each(['douze', '12,50,3', '1.23.4', '12a', '--3', '€', '1 2,3 4x', '12.3.45'])('rejects %s', (text) => {
    expect(parseAmountCents(text)).toBeNull();
  });
});

describe('seats, capacity, consent, VAT', () => {
  it('reads nbPlaces as a whole number, negative on reversals', () => {
    expect(parseSeats('3')).toBe(3);
    expect(parseSeats('-1')).toBe(-1);
    expect(parseSeats('2,5')).toBeNull();
    expect(parseSeats('deux')).toBeNull();
  });

  it('reads capacities with thousands spaces', () => {
    expect(parseCapacity('1 200')).toBe(1200);
    expect(parseCapacity('450')).toBe(450);
    expect(parseCapacity('-4')).toBeNull();
  });

  it.each([
    ['oui', true],
    ['Non', false],
    ['o', true],
    ['n', false],
    ['yes', true],
    ['NO', false],
    ['y', true],
    ['1', true],
    ['0', false],
    ['true', true],
    ['false', false],
    ['x', true],
    ['X', true],
    ['', null],
    ['peut-être', null],
  ])('consent %s → %s', (text, value) => {
    expect(parseConsent(text)).toBe(value);
  });

  it.each([
    ['5,5', 550],
    ['5.5 %', 550],
    ['0,055', 550],
    ['20', 2000],
    ['20%', 2000],
    ['2,1', 210],
    ['0', 0],
  ])('VAT %s → %i bp', (text, bp) => {
    expect(parseVatBp(text)).toBe(bp);
  });

  it('rejects unreadable VAT rates', () => {
    expect(parseVatBp('cinq')).toBeNull();
    expect(parseVatBp('550')).toBeNull();
  });
});

describe('LineFields.cents, whose commonest forms skip the parser', () => {
  it('reads every form as parseAmountCents does', () => {
    const fields = new LineFields({ unitPrice: 0 }, true);
    const forms = ['0', '7', '12', '6,50', '16,00', '0,05', '1234567,89', '12345678', '12,5', '12,505', ',50', '1.234,00', '1 234,50', '-6,50', '6,50 €', '+3', '1,2,3', 'abc', '12,5a', '١٢'];
    for (const text of forms) {
      fields.cells = [text];
      let read: number | null | 'rejected';
      try {
        read = fields.cents('unitPrice');
      } catch {
        read = 'rejected';
      }
      // Beyond the range of a unit price (value-limits.ts) both ways reject the line.
      const parsed = parseAmountCents(text);
      expect([text, read]).toEqual([text, parsed !== null && centsInRange(parsed) ? parsed : 'rejected']);
    }
  });
});

describe('LineFields.dateTime, which reads a date and its time apart', () => {
  const read = (fields: LineFields, text: string) => {
    fields.cells = [text];
    try {
      return fields.dateTime('orderDate', null, false);
    } catch {
      return null;
    }
  };

  it('reads every form as parseDateTime does, day-first and month-first', () => {
    const forms = [
      '15/09/2021 13:38',
      '15/09/2021  13:38',
      '15/09/2021 T13:38',
      '15/09/2021 13:38:59',
      '15/09/2021 13h38',
      '15/09/2021 20h',
      '15/09/21 13:38',
      '2021-09-15 13:38',
      '2021-09-15T13:38:00',
      '15/09/2021',
      '09/15/2021 13:38',
      '31/02/2021 10:00',
      '15/09/2021 25:00',
      '15/09/2021 13:38 extra',
      '15/09/2021 T',
      '15 /09/2021 13:38',
      'hier 13:38',
    ];
    for (const dayFirst of [true, false]) {
      const fields = new LineFields({ orderDate: 0 }, dayFirst);
      // Twice: the second reading comes from the memos.
      for (const text of [...forms, ...forms]) expect([text, read(fields, text)]).toEqual([text, parseDateTime(text, dayFirst)]);
    }
  });
});

describe('value forms of other ticketing systems', () => {
  it('reads 12-hour times', () => {
    expect(parseTime('8:30 PM')).toEqual([20, 30, 0]);
    expect(parseTime('12:05 am')).toEqual([0, 5, 0]);
    expect(parseTime('12 PM')).toEqual([12, 0, 0]);
    expect(parseTime('2:55:29 p.m.')).toEqual([14, 55, 29]);
    expect(parseTime('13:00 PM')).toBeNull();
  });

  it('reads month names in French and English, and yyyy/mm/dd', () => {
    expect(parseDateTime('3 mars 2025')).toBe('2025-03-03T00:00:00');
    expect(parseDateTime('1er août 2024 20h30')).toBe('2024-08-01T20:30:00');
    expect(parseDateTime('Mar 3, 2025')).toBe('2025-03-03T00:00:00');
    expect(parseDateTime('March 3, 2025 8:30 PM')).toBe('2025-03-03T20:30:00');
    expect(parseDateTime('3-Mar-2025 14:32:10')).toBe('2025-03-03T14:32:10');
    expect(parseDateTime('mardi 4 mars 2025')).toBe('2025-03-04T00:00:00');
    expect(parseDateTime('2025/03/14 20:00')).toBe('2025-03-14T20:00:00');
    expect(parseDateTime('03/14/2025 8:30:15 PM', false)).toBe('2025-03-14T20:30:15');
    expect(parseDateTime('3 Brumaire 2025')).toBeNull();
  });

  it('reads thousands commas where the decimal mark is a point, and $ £ CHF', () => {
    expect(parseAmountCents('1,180.00')).toBe(118000);
    expect(parseAmountCents('1,180', '.')).toBe(118000);
    expect(parseAmountCents('1,180')).toBe(118);
    expect(parseAmountCents('12,5', '.')).toBe(1250);
    expect(parseAmountCents('$1,200.00')).toBe(120000);
    expect(parseAmountCents('-$32.40')).toBe(-3240);
    expect(parseAmountCents('£12.50')).toBe(1250);
    expect(parseAmountCents('CHF 25.00')).toBe(2500);
    expect(parseAmountCents("1'250.00 CHF")).toBe(125000);
  });
});
