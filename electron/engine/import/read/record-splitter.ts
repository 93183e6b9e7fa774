/**
 * Cuts decoded text into records, for csv-stream.ts (which reads the file and hands the text over
 * chunk by chunk, carrying the unfinished tail of one chunk into the next).
 *
 * Most lines hold no quote: such a line is one record, split on the separator directly (what
 * papaparse itself does on quote-free text). A line that holds a quote starts a block of lines
 * that goes through papaparse, the reference: lines are joined until the quotes balance (RFC 4180
 * doubles a quote inside a quoted field, so parity tells where a record can end), and the block is
 * extended when papaparse still finds a quoted field open at its end (a stray quote inside an
 * unquoted field breaks parity). Where papaparse would follow a stray quote over the lines after
 * it, the reader resynchronises (see createRecordSplitter). A unit test checks the records against
 * an independent reading of the same rules.
 */
import Papa from 'papaparse';
import type { Separator } from '../../../../shared/types.js';
import { fixWindows1252, nextC1 } from './decoder.js';
import { countLineBreaks, type Newline } from '../propose/detect.js';
import { detach } from './text.js';

/** A line longer than this is no line of an export: it is rejected as too long (and not kept whole). */
export const MAX_RECORD_CHARS = 8 << 20;
/** A quoted field may hold this many line breaks; a quote still open after them is a stray one. */
export const MAX_QUOTED_LINES = 100;
/** The characters of a too long line kept with its reject (fewer than the line has: it is too long). */
const TOO_LONG_PREVIEW = 200;

/**
 * Why a record cannot be read as it is: a quoted field never closed (on its line, for a record the
 * reader resynchronised after), a quote inside a field where RFC 4180 allows none, a line too long.
 */
export type RecordProblem = 'unterminated' | 'misplaced' | 'too-long' | null;

export interface SplitterOptions {
  /** The header's columns, and the line after it (see createRecordSplitter). */
  minColumns?: number;
  dataFrom?: number;
  /** MAX_QUOTED_LINES and MAX_RECORD_CHARS, smaller in tests. */
  maxQuotedLines?: number;
  maxRecordChars?: number;
}

/**
 * A line without a quote, as `text[start, end)` (line break excluded), where each separator ends
 * a cell: a reader that needs a few of its cells slices them, rather than the line being split
 * into all of them (a million lines of 30 columns made 30 million strings). `text` is the chunk
 * being read, or the line alone when it had characters to fix (Windows-1252's C1 range).
 */
export type PlainLineSink = (text: string, start: number, end: number, line: number) => void;

/** One record of a quoted block, as papaparse gives it: its cells, where it ends, its quote problem. */
interface BlockRecord {
  cells: string[];
  end: number;
  quote: RecordProblem;
}

/** papaparse's parser for the blocks that hold a quote; `open` when the last record's quoted field never closes. */
function quotedBlockParser(separator: Separator, newline: Newline) {
  let records: BlockRecord[] = [];
  const parser = new Papa.Parser({
    delimiter: separator,
    newline,
    quoteChar: '"',
    // The bare Parser hands each step its rows as an array of one row (papaparse's ParserHandle unwraps it).
    step(results: Papa.ParseResult<string[]>) {
      let quote: RecordProblem = null;
      for (const error of results.errors) {
        if (error.code === 'MissingQuotes') quote = 'unterminated';
        else if (error.type === 'Quotes' && quote === null) quote = 'misplaced';
      }
      records.push({ cells: results.data[0], end: results.meta.cursor, quote });
    },
  });
  return (block: string): { records: BlockRecord[]; open: boolean } => {
    records = [];
    parser.parse(block, 0, false);
    // Text ending with a line break gives a last, empty record after it: not a record of the file.
    if (records.length > 1 && records[records.length - 2].end === block.length) records.pop();
    return { records, open: records[records.length - 1]?.quote === 'unterminated' };
  };
}

/**
 * Cuts `text` into records and hands them to `emit`; returns the unfinished tail (a line without
 * its line break, a block whose quotes are still open), or '' when `final`.
 *
 * A record may run over several lines only inside a quoted field, and only when it is well formed:
 * its quotes close where RFC 4180 says (before a separator or the end of the line), within
 * MAX_QUOTED_LINES lines and MAX_RECORD_CHARS characters, and it has at least `minColumns` cells
 * (from line `dataFrom` on, the data lines). Otherwise the quote that opened it is a stray one
 * that papaparse would follow over the lines after it: the reader resynchronises instead — the
 * record's first line alone is emitted (with its quote problem, so that it is rejected) and
 * reading starts again on the next line. Every physical line thus ends up in exactly one record.
 */
export function createRecordSplitter(
  separator: Separator,
  newline: Newline,
  emit: (cells: string[], line: number, raw: string, problem: RecordProblem) => void,
  emitPlain?: PlainLineSink,
  options: SplitterOptions = {},
) {
  const nl = newline.length;
  const parseBlock = quotedBlockParser(separator, newline);
  const minColumns = options.minColumns ?? 0;
  const dataFrom = options.dataFrom ?? 1;
  const maxQuotedLines = options.maxQuotedLines ?? MAX_QUOTED_LINES;
  const maxChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
  let line = 1;
  let records = 0;
  /** Inside a line too long to be read: its text is dropped up to its line break. */
  let skipping = false;

  /** `text[start, end)`, with Windows-1252's C1 range fixed when `fixFrom` falls inside it. */
  const cut = (text: string, start: number, end: number, fixFrom: number) => {
    const slice = text.slice(start, end);
    return fixFrom !== -1 && fixFrom < end ? fixWindows1252(slice) : slice;
  };

  /** End (line break included) of the line holding `text[from]`, or -1 when the text stops before its break. */
  const lineEndAfter = (text: string, from: number) => {
    const at = text.indexOf(newline, from);
    return at === -1 ? -1 : at + nl;
  };

  /**
   * How far a record starting at `from` may reach: the end of its line and of MAX_QUOTED_LINES
   * more, within MAX_RECORD_CHARS; -1 when the text stops before that is known.
   */
  const horizonOf = (text: string, from: number, final: boolean): number => {
    // The record's first line always fits (a longer one is too long, see `split`).
    const first = text.indexOf(newline, from);
    let at = first === -1 ? text.length : first + nl;
    for (let breaks = 0; breaks < maxQuotedLines; breaks++) {
      const next = text.indexOf(newline, at);
      if (next === -1) {
        const beyond = text.length - from > maxChars;
        if (final) return beyond ? at : text.length;
        return beyond ? at : -1;
      }
      if (next + nl - from > maxChars) return at;
      at = next + nl;
    }
    return at;
  };

  const record = (cells: string[], at: number, raw: string, problem: RecordProblem) => {
    records++;
    emit(cells, at, raw, problem);
  };

  /** A line longer than MAX_RECORD_CHARS, from `start`: emitted as such, with its first characters. */
  const tooLong = (text: string, start: number, fixAt: number) => {
    record([], line, `${detach(cut(text, start, start + Math.min(TOO_LONG_PREVIEW, maxChars), fixAt))}…`, 'too-long');
  };

  return {
    /** The physical line the next record starts on. */
    get line() {
      return line;
    },
    /** Records emitted so far (every record of the file once it is read: header and blank lines included). */
    get records() {
      return records;
    },
    /** `needsFix`: the text is Latin-1 still to be read as Windows-1252 (see StreamDecoder.rawNeedsFix). */
    split(text: string, final: boolean, needsFix: boolean): string {
      const length = text.length;
      let pos = 0;
      if (skipping) {
        const at = text.indexOf(newline);
        if (at === -1) {
          if (final) skipping = false;
          // A CRLF may be cut between two chunks: its CR stays for the next one.
          return final || nl === 1 ? '' : text.slice(length - 1);
        }
        skipping = false;
        line++;
        pos = at + nl;
      }
      let quoteAt = text.indexOf('"', pos);
      let fixAt = needsFix ? nextC1(text, pos) : -1;
      while (pos < length) {
        let end = text.indexOf(newline, pos);
        if (end === -1) {
          if (!final) {
            // (A CRLF may be cut after its CR: that CR is not the line's.)
            if (length - pos - (nl - 1) > maxChars) {
              tooLong(text, pos, fixAt);
              skipping = true;
              return nl === 1 ? '' : text.slice(length - 1);
            }
            break;
          }
          end = length;
        }
        if (fixAt !== -1 && fixAt < pos) fixAt = nextC1(text, pos);
        if (end - pos > maxChars) {
          tooLong(text, pos, fixAt);
          if (end < length) line++;
          pos = end + nl;
          if (quoteAt !== -1 && quoteAt < pos) quoteAt = text.indexOf('"', pos);
          continue;
        }

        if (quoteAt === -1 || quoteAt >= end) {
          records++;
          if (emitPlain === undefined) {
            const raw = cut(text, pos, end, fixAt);
            emit(raw.split(separator), line, raw, null);
          } else if (fixAt === -1 || fixAt >= end) emitPlain(text, pos, end, line);
          else {
            const raw = cut(text, pos, end, fixAt);
            emitPlain(raw, 0, raw.length, line);
          }
          if (end < length) line++;
          pos = end + nl;
          continue;
        }

        // A quote: the block runs to the end of the first line where the quotes balance, within
        // the reach of a record (`horizon`, computed only when the block goes past its first line).
        let stop = end + nl;
        let odd = false;
        let horizon = -2;
        let bounded = false;
        for (;;) {
          while (quoteAt !== -1 && quoteAt < stop) {
            odd = !odd;
            quoteAt = text.indexOf('"', quoteAt + 1);
          }
          if (!odd || stop > length) break;
          if (horizon === -2) horizon = horizonOf(text, pos, final);
          const next = lineEndAfter(text, stop);
          if (horizon !== -1 && (next === -1 ? (final ? length : Infinity) : next) > horizon) {
            stop = horizon;
            bounded = true;
            break;
          }
          stop = next;
          if (stop === -1) break;
        }
        let parsed: ReturnType<typeof parseBlock> | null = null;
        for (;;) {
          if (stop === -1 || stop > length) {
            if (!final) break;
            stop = length;
          }
          parsed = parseBlock(cut(text, pos, stop, fixAt));
          if (!parsed.open || stop === length || bounded) break;
          // papaparse reads a quoted field still open: it closes at the next quote, further on.
          const quote = text.indexOf('"', stop);
          const next = quote === -1 ? -1 : lineEndAfter(text, quote);
          if (horizon === -2) horizon = horizonOf(text, pos, final);
          if (horizon !== -1 && (next === -1 ? (final ? length : Infinity) : next) > horizon) {
            stop = horizon;
            bounded = true;
            parsed = parseBlock(cut(text, pos, stop, fixAt));
            break;
          }
          stop = next;
          parsed = null;
        }
        // The block is not complete in this text: it is carried over to the next chunk.
        if (!parsed || (parsed.open && !final && !bounded)) break;

        let start = 0;
        let resume = stop;
        const last = parsed.records.length - 1;
        for (let r = 0; r <= last; r++) {
          const { cells, end: recordEnd, quote } = parsed.records[r];
          const from = pos + start;
          const to = pos + recordEnd;
          const cutOff = bounded && r === last && quote === 'unterminated';
          // A record cut by the horizon after others: read again from its start, with its own horizon.
          if (cutOff && r > 0) {
            resume = from;
            break;
          }
          const firstBreak = text.indexOf(newline, from);
          const raw = text.slice(from, to);
          const rawEnd = raw.endsWith(newline) ? to - nl : to;
          // A quoted field still open at the end of the text holds the last line break too.
          const multiLine = firstBreak !== -1 && (firstBreak < rawEnd || (quote === 'unterminated' && firstBreak < to));
          if (cutOff || (multiLine && (quote !== null || (line >= dataFrom && cells.length < minColumns)))) {
            // Not a record: its first line alone is rejected, and reading resumes on the next one.
            const alone = cut(text, from, firstBreak, fixAt);
            const single = parseBlock(alone).records[0];
            record(single.cells, line, alone, single.quote ?? 'unterminated');
            line++;
            resume = firstBreak + nl;
            break;
          }
          const block = cut(text, from, to, fixAt);
          const breaks = raw.includes('"') ? countLineBreaks(text, from, to) : raw.endsWith('\n') || raw.endsWith('\r') ? 1 : 0;
          record(cells, line, block.endsWith(newline) ? block.slice(0, block.length - nl) : block, quote);
          line += breaks;
          start = recordEnd;
        }
        pos = resume;
        quoteAt = text.indexOf('"', pos);
      }
      return pos >= length ? '' : text.slice(pos);
    },
  };
}
