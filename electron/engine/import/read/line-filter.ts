/**
 * What every data line of a file goes through before its reader: the lines before the header and
 * the empty ones are skipped; a line with a quote problem or too few columns is rejected; a line
 * whose reader throws a LineReject is rejected with its reason. Counts the data lines and the
 * rejected ones, for the summary and the « more than half rejected » check.
 */
import type { ImportReject } from '../../../../shared/types.js';
import type { PlainLineSink, QuoteProblem, StreamOptions, StreamResult } from './csv-stream.js';
import { NEWLINES } from '../propose/detect.js';
import type { LineFields } from './fields.js';
import type { FileLayout } from '../propose/inspect.js';
import { LineReject } from '../write/rejects.js';

export interface LineStats {
  lines: number;
  rejected: number;
  firstReject: { line: number; column: number | null; reason: string } | null;
}

/** A file read to its end: what the stream saw (bytes, hash, encoding) and the lines counted. */
export interface FileRead {
  stream: StreamResult;
  stats: LineStats;
}

/** How the file is streamed, as its inspection found it. */
export function streamOptionsOf(file: FileLayout): StreamOptions {
  return {
    path: file.path,
    name: file.name,
    encoding: file.encoding,
    encodingSettled: file.encodingSettled,
    separator: file.separator,
    newline: NEWLINES[file.lineEnding],
  };
}

function quoteReason(problem: Exclude<QuoteProblem, null>): string {
  return problem === 'unterminated'
    ? "Guillemet ouvert jamais refermé (ligne tronquée ?)"
    : 'Guillemets mal placés dans un champ';
}

/** `readLine` reads `fields`, set to the line before it is called; `record` and `plainLine` are a RecordSink's. */
export function createLineFilter(file: FileLayout, fields: LineFields, readLine: () => void, onReject: (reject: ImportReject) => void) {
  const columns = file.headers.length;
  const stats: LineStats = { lines: 0, rejected: 0, firstReject: null };
  const reject = (line: number, raw: string, columnIndex: number | null, reason: string) => {
    stats.rejected++;
    const column = columnIndex === null ? null : columnIndex + 1;
    stats.firstReject ??= { line, column, reason };
    onReject({ file: file.name, line, column, raw, reason });
  };

  /** The line set in `fields` (its text `raw()`, made only for a reject), through the checks and its reader. */
  const read = (line: number, raw: () => string, quote: QuoteProblem) => {
    if (fields.isBlank()) return;
    stats.lines++;
    const count = fields.count;
    if (quote) return reject(line, raw(), count - 1, quoteReason(quote));
    if (count < columns) return reject(line, raw(), count, `Colonnes manquantes : ${count} au lieu de ${columns} (ligne tronquée ?)`);
    try {
      readLine();
    } catch (error) {
      if (!(error instanceof LineReject)) throw error;
      reject(line, raw(), error.columnIndex, error.reason);
    }
  };
  const record = (cells: string[], line: number, raw: string, quote: QuoteProblem) => {
    if (line <= file.headerLine) return;
    fields.cells = cells;
    read(line, () => raw, quote);
  };
  const plainLine: PlainLineSink = (text, start, end, line) => {
    if (line <= file.headerLine) return;
    fields.setLine(text, start, end, file.separator);
    read(line, () => text.slice(start, end), null);
  };
  return { record, plainLine, stats };
}
