/**
 * Streams a delimited file record by record without holding it in memory: the file is read in
 * 1 MB chunks, decoded, and parsed by papaparse; the last record of a chunk may be cut, so it is
 * carried over and parsed again with the next chunk. Each record comes with the physical line
 * where it starts (a quoted field may span lines) and its raw text, for rejects.
 */
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Encoding, Separator } from '../../../shared/types.js';
import { BadFileError } from '../errors.js';
import { StreamDecoder, MixedEncodingError } from './decoder.js';
import { countLineBreaks, type Newline } from './detect.js';

export const CHUNK_BYTES = 1 << 20;
/** A record longer than this is an opening quote never closed, not data. */
const MAX_RECORD_CHARS = 8 << 20;

export type QuoteProblem = 'unterminated' | 'misplaced' | null;

export interface RecordSink {
  /** One record; `raw` is its text without the final line break. */
  record(cells: string[], line: number, raw: string, quote: QuoteProblem): void;
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

export async function streamRecords(options: StreamOptions, sink: RecordSink): Promise<StreamResult> {
  const { name, separator, newline } = options;
  const decoder = new StreamDecoder(options.encoding, options.encodingSettled);
  const hash = createHash('sha256');
  let line = 1;
  let bytes = 0;

  /** Parses `text`, hands over every complete record, returns the unfinished tail. */
  const parse = (text: string, final: boolean): string => {
    let pending: string[] | null = null;
    let pendingStart = 0;
    let pendingEnd = 0;
    let pendingQuote: QuoteProblem = null;
    let previousEnd = 0;
    const flush = () => {
      const raw = text.slice(pendingStart, pendingEnd);
      const breaks = raw.includes('"') ? countLineBreaks(text, pendingStart, pendingEnd) : raw.endsWith('\n') || raw.endsWith('\r') ? 1 : 0;
      const trimmed = raw.endsWith(newline) ? raw.slice(0, raw.length - newline.length) : raw;
      sink.record(pending!, line, trimmed, pendingQuote);
      line += breaks;
    };
    Papa.parse<string[]>(text, {
      delimiter: separator,
      newline,
      quoteChar: '"',
      step(results) {
        if (pending) flush();
        pending = results.data;
        pendingStart = previousEnd;
        pendingEnd = results.meta.cursor;
        previousEnd = pendingEnd;
        pendingQuote = null;
        for (const error of results.errors) {
          if (error.code === 'MissingQuotes') pendingQuote = 'unterminated';
          else if (error.type === 'Quotes' && pendingQuote === null) pendingQuote = 'misplaced';
        }
      },
    });
    if (!pending) return final ? '' : text;
    if (final) {
      flush();
      return '';
    }
    return text.slice(pendingStart);
  };

  let carry = '';
  try {
    const stream = createReadStream(options.path, { highWaterMark: CHUNK_BYTES });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.indexOf(0) !== -1) {
        throw new BadFileError(`« ${name} » n'est pas un fichier texte (octet nul à l'octet ${bytes + chunk.indexOf(0) + 1}) : exportez-le en CSV.`, {
          file: name,
          line,
        });
      }
      hash.update(chunk);
      bytes += chunk.length;
      carry = parse(carry + decoder.decode(chunk), false);
      if (carry.length > MAX_RECORD_CHARS) {
        throw new BadFileError(`« ${name} », ligne ${line} : un guillemet ouvert n'est jamais refermé.`, { file: name, line, column: 1 });
      }
      await sink.chunk(bytes, line - 1);
    }
    parse(carry + decoder.end(), true);
  } catch (error) {
    if (error instanceof MixedEncodingError) {
      throw new BadFileError(
        `« ${name} », vers la ligne ${line} : le fichier mélange deux encodages (UTF-8 puis Windows-1252) ; réenregistrez-le dans un seul encodage.`,
        { file: name, line },
      );
    }
    throw error;
  }
  return { encoding: decoder.encoding, sha256: hash.digest('hex'), bytes };
}
