/**
 * The record splitter against its reference (tests/helpers/reference-records.ts: papaparse from
 * each record's start, with the reader's resynchronisation rules written out plainly): the same
 * records (cells, physical line, raw text, problem), however the text is cut into chunks, on
 * tricky records and on seeded random ones. Every case runs twice: with the records split into
 * cells by the splitter, and with the lines without a quote handed over uncut and their cells
 * found by LineFields.setLine, as the ticket-lines reader takes them.
 */
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRecordSplitter, type RecordProblem, type SplitterOptions } from '../../../electron/engine/import/read/record-splitter.js';
import type { Newline } from '../../../electron/engine/import/propose/detect.js';
import { LineFields } from '../../../electron/engine/import/read/fields.js';
import type { Separator } from '../../../shared/types.js';
import { referenceRecords } from '../../helpers/reference-records.js';

interface Rec {
  cells: string[];
  line: number;
  raw: string;
  quote: RecordProblem;
}

const reference = (text: string, separator: Separator, newline: Newline, options: SplitterOptions = {}): Rec[] => referenceRecords(text, separator, newline, options);

let plainLines = false;

/** The splitter fed `chunks` one after the other, as the streaming reader does. */
function split(chunks: string[], separator: Separator, newline: Newline, needsFix = false, options: SplitterOptions = {}): Rec[] {
  const records: Rec[] = [];
  const fields = new LineFields({}, true);
  const plain = (text: string, start: number, end: number, line: number) => {
    fields.setLine(text, start, end, separator);
    records.push({ cells: fields.cells, line, raw: text.slice(start, end), quote: null });
  };
  const splitter = createRecordSplitter(separator, newline, (cells, line, raw, quote) => records.push({ cells, line, raw, quote }), plainLines ? plain : undefined, options);
  let carry = '';
  for (const chunk of chunks) carry = splitter.split(carry + chunk, false, needsFix);
  expect(splitter.split(carry, true, needsFix)).toBe('');
  expect(splitter.records).toBe(records.length);
  return records;
}

const TRICKY = [
  'Nom;Adresse;Prix\r\nMartin;"12 rue des Lilas; bât. B";12,50\r\n',
  'Nom;Adresse;Prix\r\nDuval;"Résidence ""Les Tilleuls""\r\nEntrée 2";10\r\nDurand;x;3\r\n',
  'a;"b\nc";d\r\ne;f;g\r\n',
  'a;"";c\r\n"";"";""\r\n',
  'a;"b"\r\nc;"d"',
  'a;"b"  ;c\r\nd;e;f\r\n',
  'a;12" TV;b\r\nc;d;e\r\nf;"g;h";i\r\n',
  'a;12" TV;b\r\nc;"d\r\ne";f\r\ng;h;i\r\n',
  'a;"b"c;d\r\ne;f;g\r\nh;"i";j\r\nk;l;m\r\n',
  'a;"b"c;d\r\ne;f;g\r\n',
  'a;b;c\r\nd;"e;f\r\n',
  'a;b\r\n\r\n;\r\nc;d\r\n',
  'a;b\rc\nd;e\r\n',
  'a;"""";b\r\n"x""y";z\r\n',
  '"a\r\n\r\nb";c\r\nd;e',
];

describe.each([false, true])('the record splitter agrees with papaparse (plain lines uncut: %s)', (uncut) => {
  beforeEach(() => {
    plainLines = uncut;
  });

  it.each(TRICKY.map((text, i) => [i, text] as const))('tricky text %i, whole and cut at every position', (_i, text) => {
    const expected = reference(text, ';', '\r\n');
    expect(split([text], ';', '\r\n')).toEqual(expected);
    for (let cut = 1; cut < text.length; cut++) {
      expect(split([text.slice(0, cut), text.slice(cut)], ';', '\r\n')).toEqual(expected);
    }
  });

  it('numbers records by the physical line they start on', () => {
    const records = split(['Nom;Prix\n"Martin\nJean";12\nDurand;13\n'], ';', '\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]).toEqual({ cells: ['Martin\nJean', '12'], line: 2, raw: '"Martin\nJean";12', quote: null });
  });

  it('reports an unterminated quote at the end of the file', () => {
    const records = split(['a;b\n', 'c;"d;e'], ';', '\n');
    expect(records[1]).toMatchObject({ line: 2, raw: 'c;"d;e', quote: 'unterminated' });
  });

  it('fixes Windows-1252 characters decoded as Latin-1 in the records that hold them', () => {
    const text = 'Tarif;Prix\r\nPlein;12 \u20ac\r\n"L\u2019Avare; \u0153uvre";3\r\nSans;4\r\n';
    const latin1 = iconv.encode(text, 'win1252').toString('latin1');
    expect(split([latin1.slice(0, 20), latin1.slice(20)], ';', '\r\n', true)).toEqual(reference(text, ';', '\r\n'));
  });

  it.each([false, true])('on seeded random texts, every separator and line ending, cut in random chunks (small limits: %s)', (small) => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    for (let round = 0; round < 400; round++) {
      const separator = pick([';', ',', '\t', '|'] as const);
      const newline = pick(['\r\n', '\n', '\r'] as const);
      const cellKinds = [
        () => 'Martin',
        () => '',
        () => '12,50',
        () => `"a${separator}b"`,
        () => `"x${newline}y"`,
        () => '"dit ""oui"""',
        () => '""',
        () => '12" TV',
        () => '"ferm\u00e9"e',
        () => '"ouvert',
        () => 'a\rb',
        () => 'c\nd',
      ];
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 8);
      for (let l = 0; l < count; l++) {
        // Mostly well-formed lines, now and then a malformed one.
        const kinds = random() < 0.8 ? cellKinds.slice(0, 7) : cellKinds;
        lines.push(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(kinds)()).join(separator));
      }
      const text = lines.join(newline) + (random() < 0.7 ? newline : '');
      // Small limits make stray quotes meet the reach of a record, and lines too long, in a few lines.
      const options: SplitterOptions = small
        ? { minColumns: Math.floor(random() * 4), dataFrom: 1 + Math.floor(random() * 3), maxQuotedLines: Math.floor(random() * 3), maxRecordChars: 8 + Math.floor(random() * 40) }
        : {};
      const expected = reference(text, separator, newline, options);
      const chunks: string[] = [];
      for (let at = 0; at < text.length; ) {
        const size = 1 + Math.floor(random() * 12);
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      expect(split(chunks, separator, newline, false, options), JSON.stringify({ text, options })).toEqual(expected);
    }
  });
});
