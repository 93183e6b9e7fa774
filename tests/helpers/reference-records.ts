/**
 * The records of a delimited text by the reader's rules (docs/import-rules.md, « Bad input »),
 * found the slow and obvious way, for tests: from each record's start, papaparse reads the rest
 * of the whole text and its first record is taken — unless that record runs over several lines
 * while malformed (a quote problem, fewer cells than the header, more than `maxQuotedLines` line
 * breaks or `maxRecordChars` characters), and then its first line alone is the record and reading
 * resumes on the next line. A line longer than `maxRecordChars` is a record too long to read.
 * Nothing of the reader's own code (chunks, blocks, parity, horizons) is used.
 */
import Papa from 'papaparse';
import { countLineBreaks, type Newline } from '../../electron/engine/import/propose/detect.js';
import type { RecordProblem } from '../../electron/engine/import/read/record-splitter.js';

export interface ReferenceRecord {
  cells: string[];
  line: number;
  raw: string;
  quote: RecordProblem;
}

export interface ReferenceOptions {
  minColumns?: number;
  dataFrom?: number;
  maxQuotedLines?: number;
  maxRecordChars?: number;
}

function firstRecord(text: string, separator: string, newline: Newline): { cells: string[]; length: number; quote: RecordProblem } {
  let result: { cells: string[]; length: number; quote: RecordProblem } | null = null;
  Papa.parse<string[]>(text, {
    delimiter: separator,
    newline,
    quoteChar: '"',
    step(results, parser) {
      if (result) return;
      let quote: RecordProblem = null;
      for (const error of results.errors) {
        if (error.code === 'MissingQuotes') quote = 'unterminated';
        else if (error.type === 'Quotes' && quote === null) quote = 'misplaced';
      }
      result = { cells: results.data, length: results.meta.cursor, quote };
      parser.abort();
    },
  });
  return result ?? { cells: [''], length: text.length, quote: null };
}

export function referenceRecords(text: string, separator: string, newline: Newline, options: ReferenceOptions = {}): ReferenceRecord[] {
  const { minColumns = 0, dataFrom = 1, maxQuotedLines = 100, maxRecordChars = 8 << 20 } = options;
  const nl = newline.length;
  const records: ReferenceRecord[] = [];
  let p = 0;
  let line = 1;
  while (p < text.length) {
    const eol = text.indexOf(newline, p) === -1 ? text.length : text.indexOf(newline, p);
    if (eol - p > maxRecordChars) {
      records.push({ cells: [], line, raw: `${text.slice(p, p + Math.min(200, maxRecordChars))}…`, quote: 'too-long' });
      if (eol < text.length) line++;
      p = eol + nl;
      continue;
    }
    const first = firstRecord(text.slice(p), separator, newline);
    let raw = text.slice(p, p + first.length);
    const withBreak = raw.length;
    if (raw.endsWith(newline)) raw = raw.slice(0, raw.length - nl);
    const inner = raw.split(newline).length - 1;
    const tooFar = inner > maxQuotedLines || withBreak > maxRecordChars;
    // A quoted field open at the end of the text holds the last line break: it runs over lines too.
    const multiLine = inner > 0 || (first.quote === 'unterminated' && withBreak > raw.length);
    if (multiLine && (first.quote !== null || (line >= dataFrom && first.cells.length < minColumns) || tooFar)) {
      const alone = firstRecord(text.slice(p, eol), separator, newline);
      records.push({ cells: alone.cells, line, raw: text.slice(p, eol), quote: alone.quote ?? 'unterminated' });
      line++;
      p = eol + nl;
      continue;
    }
    records.push({ cells: first.cells, line, raw, quote: first.quote });
    const whole = text.slice(p, p + first.length);
    line += whole.includes('"') ? countLineBreaks(text, p, p + first.length) : whole.endsWith('\n') || whole.endsWith('\r') ? 1 : 0;
    p += first.length;
  }
  return records;
}
