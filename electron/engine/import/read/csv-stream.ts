/**
 * Streams a delimited file record by record without holding it in memory: the file is read in
 * 1 MB chunks, decoded, and cut into records; the last record of a chunk may be cut, so it is
 * carried over to the next chunk. Each record comes with the physical line where it starts (a
 * quoted field may span lines) and its raw text, for rejects. How the text is cut into records:
 * record-splitter.ts.
 */
import { createHash } from 'node:crypto';
import type { Encoding, Separator } from '../../../../shared/types.js';
import { BadFileError } from '../../errors.js';
import { StreamDecoder, MixedEncodingError } from './decoder.js';
import type { Newline } from '../propose/detect.js';
import { locateInText } from './locate.js';
import { openImportFile } from './open-file.js';
import { createRecordSplitter, type PlainLineSink, type RecordProblem, type SplitterOptions } from './record-splitter.js';

export const CHUNK_BYTES = 1 << 20;

export interface RecordSink {
  /** One record; `raw` is its text without the final line break. */
  record(cells: string[], line: number, raw: string, problem: RecordProblem): void;
  /**
   * When given, a record on one line without a quote comes here instead, uncut: `text[start,
   * end)` is its text (see PlainLineSink).
   */
  plainLine?: PlainLineSink;
  /** After each chunk: progress, cancellation, a turn of the event loop. */
  chunk(bytesRead: number, linesRead: number): Promise<void>;
}

export interface StreamOptions extends Pick<SplitterOptions, 'minColumns' | 'dataFrom'> {
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
  /** Records read, every one handed to the sink (header and blank ones included). */
  records: number;
}

export async function streamRecords(options: StreamOptions, sink: RecordSink): Promise<StreamResult> {
  const { name } = options;
  const decoder = new StreamDecoder(options.encoding, options.encodingSettled);
  const hash = createHash('sha256');
  const splitter = createRecordSplitter(options.separator, options.newline, (cells, line, raw, problem) => sink.record(cells, line, raw, problem), sink.plainLine, options);
  let bytes = 0;
  /** Where `text`, read after the carried text, stops: the line and column of a bad byte. */
  const locate = (carry: string, text: string) => {
    const at = locateInText(carry + text, options.separator);
    return { line: splitter.line + at.breaks, column: at.column };
  };

  let carry = '';
  // Checked again: a named pipe put in the file's place since its inspection is refused, never waited on.
  const { handle } = await openImportFile(options.path, name);
  const stream = handle.createReadStream({ highWaterMark: CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      const { line, column } = locate(carry, decoder.decodePrefix(chunk, nul));
      throw new BadFileError(`« ${name} », ligne ${line}, colonne ${column} : octet nul (octet ${bytes + nul + 1} du fichier) — ce n'est pas un fichier texte : exportez-le en CSV.`, {
        file: name,
        line,
        column,
      });
    }
    hash.update(chunk);
    let text: string;
    try {
      text = decoder.decodeRaw(chunk);
    } catch (error) {
      if (!(error instanceof MixedEncodingError)) throw error;
      const { line, column } = locate(carry, decoder.decodePrefix(chunk, error.offset));
      throw mixedEncoding(name, line, column, error, bytes);
    }
    bytes += chunk.length;
    carry = splitter.split(carry + text, false, decoder.rawNeedsFix);
    await sink.chunk(bytes, splitter.line - 1);
  }
  let rest: string;
  try {
    rest = decoder.end();
  } catch (error) {
    if (!(error instanceof MixedEncodingError)) throw error;
    const { line, column } = locate(carry, '');
    throw mixedEncoding(name, line, column, error, bytes);
  }
  splitter.split(carry + rest, true, decoder.rawNeedsFix);
  return { encoding: decoder.encoding, sha256: hash.digest('hex'), bytes, records: splitter.records };
}

function mixedEncoding(name: string, line: number, column: number, error: MixedEncodingError, bytesBefore: number): BadFileError {
  const where = error.offset < 0 ? 'à la fin du fichier' : `octet ${bytesBefore + error.offset + 1} du fichier`;
  return new BadFileError(
    `« ${name} », ligne ${line}, colonne ${column} : ${error.describe()} (${where}) — le fichier mélange deux encodages (UTF-8 puis Windows-1252) ; réenregistrez-le dans un seul encodage.`,
    { file: name, line, column },
  );
}
