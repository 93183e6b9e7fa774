/**
 * What every data line of a file goes through before its reader: the lines before the header and
 * the empty ones are skipped; a line with a quote problem or too few columns is rejected; a line
 * whose reader throws a LineReject is rejected with its reason. Counts the data lines and the
 * rejected ones, for the summary and the « more than half rejected » check.
 */
import type { ImportReject } from '../../../shared/types.js';
import type { QuoteProblem, StreamOptions, StreamResult } from './csv-stream.js';
import { NEWLINES } from './detect.js';
import type { LineFields } from './fields.js';
import type { FileLayout } from './inspect.js';
import { LineReject } from './rejects.js';

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

/** `readLine` reads `fields.cells`, set to the line's cells before it is called. */
export function createLineFilter(file: FileLayout, fields: LineFields, readLine: () => void, onReject: (reject: ImportReject) => void) {
  const columns = file.headers.length;
  const stats: LineStats = { lines: 0, rejected: 0, firstReject: null };
  const reject = (line: number, raw: string, columnIndex: number | null, reason: string) => {
    stats.rejected++;
    const column = columnIndex === null ? null : columnIndex + 1;
    stats.firstReject ??= { line, column, reason };
    onReject({ file: file.name, line, column, raw, reason });
  };

  const record = (cells: string[], line: number, raw: string, quote: QuoteProblem) => {
    if (line <= file.headerLine) return;
    if (cells.length === 1 ? cells[0].trim() === '' : cells.every((c) => c.trim() === '')) return;
    stats.lines++;
    if (quote) return reject(line, raw, cells.length - 1, quoteReason(quote));
    if (cells.length < columns) {
      return reject(line, raw, cells.length, `Colonnes manquantes : ${cells.length} au lieu de ${columns} (ligne tronquée ?)`);
    }
    fields.cells = cells;
    try {
      readLine();
    } catch (error) {
      if (!(error instanceof LineReject)) throw error;
      reject(line, raw, error.columnIndex, error.reason);
    }
  };
  return { record, stats };
}
