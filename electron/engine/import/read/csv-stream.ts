/**
 * Streams a delimited file record by record without holding it in memory: the file is read in
 * 1 MB chunks, decoded, and cut into records; the last record of a chunk may be cut, so it is
 * carried over to the next chunk. Each record comes with the physical line where it starts (a
 * quoted field may span lines) and its raw text, for rejects.
 *
 * Most lines hold no quote: such a line is one record, split on the separator directly (what
 * papaparse itself does on quote-free text). A line that holds a quote starts a block of lines
 * that goes through papaparse, the reference: lines are joined until the quotes balance (RFC 4180
 * doubles a quote inside a quoted field, so parity tells where a record can end), and the block is
 * extended when papaparse still finds a quoted field open at its end (a stray quote inside an
 * unquoted field breaks parity). A unit test checks that this gives papaparse's own records.
 */
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Encoding, Separator } from '../../../../shared/types.js';
import { BadFileError } from '../../errors.js';
import { StreamDecoder, MixedEncodingError, fixWindows1252, nextC1 } from './decoder.js';
import { countLineBreaks, type Newline } from '../propose/detect.js';

export const CHUNK_BYTES = 1 << 20;
/** A record longer than this is an opening quote never closed, not data. */
const MAX_RECORD_CHARS = 8 << 20;

export type QuoteProblem = 'unterminated' | 'misplaced' | null;

export interface RecordSink {
  /** One record; `raw` is its text without the final line break. */
  record(cells: string[], line: number, raw: string, quote: QuoteProblem): void;
  /**
   * When given, a record on one line without a quote comes here instead, uncut: `text[start,
   * end)` is its text (see PlainLineSink).
   */
  plainLine?: PlainLineSink;
  /** After each chunk: progress, cancellation, a turn of the event loop. */
  chunk(bytesRead: number, linesRead: number): Promise<void>;
}

export interface StreamOptions {
  path: string;
  /** The name shown to the user, for messages. */
  name: string;
  encoding: Encoding;
  /** False when the sample held no non-ASCII byte (see StreamDecoder). */
  encodingSettled: boolean;
  separator: Separator;
  newline: Newline;
}

export interface StreamResult {
  encoding: Encoding;
  sha256: string;
  bytes: number;
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
  quote: QuoteProblem;
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
      let quote: QuoteProblem = null;
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
 */
export function createRecordSplitter(
  separator: Separator,
  newline: Newline,
  emit: (cells: string[], line: number, raw: string, quote: QuoteProblem) => void,
  emitPlain?: PlainLineSink,
) {
  const nl = newline.length;
  const parseBlock = quotedBlockParser(separator, newline);
  let line = 1;

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

  return {
    get line() {
      return line;
    },
    /** `needsFix`: the text is Latin-1 still to be read as Windows-1252 (see StreamDecoder.rawNeedsFix). */
    split(text: string, final: boolean, needsFix: boolean): string {
      const length = text.length;
      let pos = 0;
      let quoteAt = text.indexOf('"');
      let fixAt = needsFix ? nextC1(text, 0) : -1;
      while (pos < length) {
        let end = text.indexOf(newline, pos);
        if (end === -1) {
          if (!final) break;
          end = length;
        }
        if (fixAt !== -1 && fixAt < pos) fixAt = nextC1(text, pos);

        if (quoteAt === -1 || quoteAt >= end) {
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

        // A quote: the block runs to the end of the first line where the quotes balance.
        let stop = end + nl;
        let odd = false;
        for (;;) {
          while (quoteAt !== -1 && quoteAt < stop) {
            odd = !odd;
            quoteAt = text.indexOf('"', quoteAt + 1);
          }
          if (!odd || stop > length) break;
          stop = lineEndAfter(text, stop);
          if (stop === -1) break;
        }
        let parsed: ReturnType<typeof parseBlock> | null = null;
        for (;;) {
          if (stop === -1 || stop > length) {
            if (!final) break;
            stop = length;
          }
          const block = cut(text, pos, stop, fixAt);
          parsed = parseBlock(block);
          if (!parsed.open || stop === length) break;
          // papaparse reads a quoted field still open: it closes at the next quote, further on.
          const quote = text.indexOf('"', stop);
          stop = quote === -1 ? -1 : lineEndAfter(text, quote);
          parsed = null;
        }
        // The block is not complete in this text: it is carried over to the next chunk.
        if (!parsed || (parsed.open && !final)) break;

        let start = 0;
        for (const record of parsed.records) {
          const raw = text.slice(pos + start, pos + record.end);
          const block = cut(text, pos + start, pos + record.end, fixAt);
          const breaks = raw.includes('"')
            ? countLineBreaks(text, pos + start, pos + record.end)
            : raw.endsWith('\n') || raw.endsWith('\r')
              ? 1
              : 0;
          emit(record.cells, line, block.endsWith(newline) ? block.slice(0, block.length - nl) : block, record.quote);
          line += breaks;
          start = record.end;
        }
        pos = stop;
        quoteAt = text.indexOf('"', pos);
      }
      return pos >= length ? '' : text.slice(pos);
    },
  };
}

export async function streamRecords(options: StreamOptions, sink: RecordSink): Promise<StreamResult> {
  const { name } = options;
  const decoder = new StreamDecoder(options.encoding, options.encodingSettled);
  const hash = createHash('sha256');
  const splitter = createRecordSplitter(options.separator, options.newline, (cells, line, raw, quote) => sink.record(cells, line, raw, quote), sink.plainLine);
  let bytes = 0;

  let carry = '';
  try {
    const stream = createReadStream(options.path, { highWaterMark: CHUNK_BYTES });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.indexOf(0) !== -1) {
        throw new BadFileError(`« ${name} » n'est pas un fichier texte (octet nul à l'octet ${bytes + chunk.indexOf(0) + 1}) : exportez-le en CSV.`, {
          file: name,
          line: splitter.line,
        });
      }
      hash.update(chunk);
      bytes += chunk.length;
      carry = splitter.split(carry + decoder.decodeRaw(chunk), false, decoder.rawNeedsFix);
      if (carry.length > MAX_RECORD_CHARS) {
        const line = splitter.line;
        throw new BadFileError(`« ${name} », ligne ${line} : un guillemet ouvert n'est jamais refermé.`, { file: name, line, column: 1 });
      }
      await sink.chunk(bytes, splitter.line - 1);
    }
    splitter.split(carry + decoder.end(), true, decoder.rawNeedsFix);
  } catch (error) {
    if (error instanceof MixedEncodingError) {
      throw new BadFileError(
        `« ${name} », vers la ligne ${splitter.line} : le fichier mélange deux encodages (UTF-8 puis Windows-1252) ; réenregistrez-le dans un seul encodage.`,
        { file: name, line: splitter.line },
      );
    }
    throw error;
  }
  return { encoding: decoder.encoding, sha256: hash.digest('hex'), bytes };
}
