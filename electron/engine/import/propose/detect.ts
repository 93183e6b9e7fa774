/**
 * Detection on the first bytes of a file: encoding, line ending, separator and header row
 * (docs/import-rules.md, « Files »). Everything here works on a sample; the streaming reader
 * re-checks the encoding and NUL bytes on the whole file.
 */
import Papa from 'papaparse';
import type { Encoding, LineEnding, Separator } from '../../../../shared/types.js';
import { headerScore } from './mapping.js';

export const SEPARATORS: readonly Separator[] = [';', ',', '\t', '|'];
export type Newline = '\r\n' | '\n' | '\r';
export const NEWLINES: Record<LineEnding, Newline> = { crlf: '\r\n', lf: '\n', cr: '\r' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
}

export function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/** True when some byte is not ASCII: only then do UTF-8 and Windows-1252 read differently. */
export function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return true;
  return false;
}

/**
 * Valid UTF-8, allowing a multi-byte character cut at the end of the sample. A file whose
 * sample is plain ASCII is reported as UTF-8: the reader settles it at the first non-ASCII byte.
 */
export function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

export function detectEncoding(sample: Uint8Array, complete: boolean): Encoding {
  if (hasUtf8Bom(sample)) return 'utf-8-bom';
  return isValidUtf8(sample, complete) ? 'utf-8' : 'windows-1252';
}

/** The most frequent line break of the sample (CRLF, LF or lone CR). */
export function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return 'crlf';
  if (cr > lf) return 'cr';
  return 'lf';
}

export interface SampleRow {
  cells: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

/** Parses a decoded sample into rows with their physical line numbers. */
export function parseSample(text: string, separator: Separator, newline: Newline, complete: boolean, max = 5000): SampleRow[] {
  const rows: SampleRow[] = [];
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: separator,
    newline,
    quoteChar: '"',
    step(results, parser) {
      const end = results.meta.cursor;
      rows.push({ cells: results.data, line });
      line += countLineBreaks(text, start, end);
      start = end;
      if (rows.length >= max) parser.abort();
    },
  });
  // A cut sample may end inside a record: drop it.
  if (!complete && rows.length > 1) rows.pop();
  return rows;
}

/** Physical line breaks (CRLF, LF or lone CR) in text[start, end). */
export function countLineBreaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

export interface Layout {
  separator: Separator;
  /** Index in the sample rows of the header row. */
  headerIndex: number;
  rows: SampleRow[];
}

const HEADER_SEARCH_ROWS = 30;

/**
 * The separator whose parse shows a header row (the first row where at least two cells name a
 * field) with the most recognised cells; ties go to the most columns. Null when no separator
 * gives one; `consistent` tells whether some separator at least splits rows evenly.
 */
export function detectLayout(
  text: string,
  newline: Newline,
  complete: boolean,
  /** A header the user already described (a saved preset, an explicit mapping): found even without synonyms. */
  isKnownHeader: (cells: string[]) => boolean = () => false,
  /** When no row names a field: take the first row split in several cells (for the user to map). */
  firstRowFallback = false,
): { layout: Layout | null; separatorFound: boolean } {
  let fallback: { layout: Layout; columns: number } | null = null;
  let best: { layout: Layout; score: number; columns: number } | null = null;
  let separatorFound = false;
  for (const separator of SEPARATORS) {
    if (!text.includes(separator)) continue;
    const rows = parseSample(text, separator, newline, complete, HEADER_SEARCH_ROWS);
    const multi = rows.filter((r) => r.cells.length > 1);
    if (multi.length > 0 && multi.length * 2 >= rows.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === '')).length) {
      separatorFound = true;
      const first = rows.findIndex((r) => r.cells.length > 1);
      if (firstRowFallback && (!fallback || rows[first].cells.length > fallback.columns)) {
        fallback = { layout: { separator, headerIndex: first, rows }, columns: rows[first].cells.length };
      }
    }
    const known = rows.findIndex((r) => r.cells.length > 1 && isKnownHeader(r.cells));
    const headerIndex = known >= 0 ? known : rows.findIndex((r) => r.cells.length > 1 && headerScore(r.cells) >= 2);
    if (headerIndex < 0) continue;
    const score = headerScore(rows[headerIndex].cells) + (known >= 0 ? 1000 : 0);
    const columns = rows[headerIndex].cells.length;
    if (!best || score > best.score || (score === best.score && columns > best.columns)) {
      best = { layout: { separator, headerIndex, rows }, score, columns };
    }
  }
  return { layout: best?.layout ?? fallback?.layout ?? null, separatorFound };
}
