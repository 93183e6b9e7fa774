/**
 * What every data line of a file goes through before its reader: the lines before the header and
 * the empty ones are skipped (and counted); a line too long, with a quote problem or too few
 * columns is rejected; a line whose reader throws a LineReject is rejected with its reason. Counts
 * the data lines and the rejected ones, for the summary, the « more than half rejected » check
 * and the check that every line is accounted for (line-accounting.ts).
 */
import type { ImportReject } from '../../../../shared/types.js';
import type { StreamOptions, StreamResult } from './csv-stream.js';
import { MAX_RECORD_CHARS, type PlainLineSink, type RecordProblem } from './record-splitter.js';
import { NEWLINES } from '../propose/detect.js';
import type { LineFields } from './fields.js';
import type { FileLayout } from '../propose/inspect.js';
import { LineReject } from '../write/rejects.js';

export interface LineStats {
  /** Data lines (records after the header that are not blank). */
  lines: number;
  rejected: number;
  /** Records not read as data: the header and the lines before it, blank lines. */
  skipped: number;
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
    minColumns: file.headers.length,
    dataFrom: file.headerLine + 1,
  };
}

function problemReason(problem: Exclude<RecordProblem, null>): string {
  if (problem === 'too-long') return `Ligne trop longue : plus de ${MAX_RECORD_CHARS.toLocaleString('fr-FR')} caractères sans fin de ligne (pas une ligne d'export)`;
  return problem === 'unterminated'
    ? 'Guillemet ouvert jamais refermé sur cette ligne (ligne tronquée ou guillemet en trop ?)'
    : 'Guillemets mal placés dans un champ (un guillemet fermant doit être suivi du séparateur)';
}

/**
 * The 0-based column of the field where a line's quotes go wrong: the first quoted field that is
 * never closed or whose closing quote is followed by something else than spaces and the separator.
 */
export function quoteProblemColumn(raw: string, separator: string): number | null {
  let column = 0;
  let i = 0;
  while (i <= raw.length) {
    if (raw[i] === '"') {
      let j = i + 1;
      for (;;) {
        const close = raw.indexOf('"', j);
        if (close === -1) return column;
        if (raw[close + 1] === '"') {
          j = close + 2;
          continue;
        }
        let after = close + 1;
        while (raw[after] === ' ') after++;
        if (after < raw.length && raw[after] !== separator) return column;
        i = after;
        break;
      }
    } else {
      const next = raw.indexOf(separator, i);
      i = next === -1 ? raw.length : next;
    }
    if (i >= raw.length) return null;
    i++;
    column++;
  }
  return null;
}

/** `readLine` reads `fields`, set to the line before it is called; `record` and `plainLine` are a RecordSink's. */
export function createLineFilter(file: FileLayout, fields: LineFields, readLine: () => void, onReject: (reject: ImportReject) => void) {
  const columns = file.headers.length;
  const stats: LineStats = { lines: 0, rejected: 0, skipped: 0, firstReject: null };
  const reject = (line: number, raw: string, columnIndex: number | null, reason: string) => {
    stats.rejected++;
    const column = columnIndex === null ? null : columnIndex + 1;
    stats.firstReject ??= { line, column, reason };
    onReject({ file: file.name, line, column, raw, reason });
  };

  /** The line set in `fields` (its text `raw()`, made only for a reject), through the checks and its reader. */
  const read = (line: number, raw: () => string, problem: RecordProblem) => {
    if (problem === 'too-long') {
      stats.lines++;
      return reject(line, raw(), null, problemReason(problem));
    }
    if (fields.isBlank()) {
      stats.skipped++;
      return;
    }
    stats.lines++;
    const count = fields.count;
    if (problem) {
      const text = raw();
      return reject(line, text, quoteProblemColumn(text, file.separator) ?? count - 1, problemReason(problem));
    }
    if (count < columns) return reject(line, raw(), count, `Colonnes manquantes : ${count} au lieu de ${columns} (ligne tronquée ?)`);
    try {
      readLine();
    } catch (error) {
      if (!(error instanceof LineReject)) throw error;
      reject(line, raw(), error.columnIndex, error.reason);
    }
  };
  const record = (cells: string[], line: number, raw: string, problem: RecordProblem) => {
    if (line <= file.headerLine) {
      stats.skipped++;
      return;
    }
    fields.cells = cells;
    read(line, () => raw, problem);
  };
  const plainLine: PlainLineSink = (text, start, end, line) => {
    if (line <= file.headerLine) {
      stats.skipped++;
      return;
    }
    fields.setLine(text, start, end, file.separator);
    read(line, () => text.slice(start, end), null);
  };
  return { record, plainLine, stats };
}
