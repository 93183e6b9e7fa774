/**
 * Reads one file of an import, record by record, into the stores: skips what precedes the
 * header, rejects the lines it cannot read (kept in `import_rejects`), and stops the whole import
 * when more than half of the file's data lines are rejected (the wrong file, or a wrong mapping).
 */
import type { ImportFileSummary } from '../../../shared/types.js';
import { BadFileError, CancelledError } from '../errors.js';
import type { EngineContext } from '../context.js';
import { hasCustomerColumns, readCustomer, upsertCustomer } from './customer-line.js';
import { streamRecords, type QuoteProblem } from './csv-stream.js';
import { NEWLINES } from './detect.js';
import { LineFields } from './fields.js';
import { cellsHash } from './identity.js';
import type { FileLayout } from './inspect.js';
import { readPerformance, upsertPerformance } from './performance-line.js';
import type { ProgressReporter } from './progress.js';
import { LineReject, type RejectLog } from './rejects.js';
import { createTicketLineImporter, type TicketWriter } from './ticket-line.js';

export interface FileImportContext {
  ctx: EngineContext;
  writer: Omit<TicketWriter, 'fileName' | 'lineKey'>;
  rejects: RejectLog;
  progress: ProgressReporter;
  fileIndex: number;
  /** Data lines read in the files before this one. */
  linesBefore: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function quoteReason(problem: Exclude<QuoteProblem, null>): string {
  return problem === 'unterminated'
    ? "Guillemet ouvert jamais refermé (ligne tronquée ?)"
    : 'Guillemets mal placés dans un champ';
}

export async function importFile(file: FileLayout, fc: FileImportContext): Promise<ImportFileSummary> {
  const { rejects, progress, ctx } = fc;
  const fields = new LineFields(file.mapping, file.dayFirst);
  const identicalLines = new Map<string, number>();
  const writer: TicketWriter = {
    ...fc.writer,
    fileName: file.name,
    lineKey: (cells) => {
      const hash = cellsHash(cells);
      const n = (identicalLines.get(hash) ?? 0) + 1;
      identicalLines.set(hash, n);
      return `${hash}#${n}`;
    },
  };
  const importLine =
    file.kind === 'tickets'
      ? createTicketLineImporter(writer, fields)
      : file.kind === 'performances'
        ? () => void upsertPerformance(writer, readPerformance(fields))
        : () => {
            const customer = hasCustomerColumns(fields) ? readCustomer(fields) : null;
            if (!customer) throw new LineReject('Client sans numéro, e-mail ni nom : impossible de le reconnaître', null);
            upsertCustomer(writer.customers, customer, file.name);
          };

  const columns = file.headers.length;
  let lines = 0;
  let rejected = 0;
  let firstReject: { line: number; column: number | null; reason: string } | null = null;
  const reject = (line: number, raw: string, columnIndex: number | null, reason: string) => {
    rejected++;
    const column = columnIndex === null ? null : columnIndex + 1;
    firstReject ??= { line, column, reason };
    rejects.add({ file: file.name, line, column, raw, reason });
  };

  const result = await streamRecords(
    {
      path: file.path,
      name: file.name,
      encoding: file.encoding,
      encodingSettled: file.encodingSettled,
      separator: file.separator,
      newline: NEWLINES[file.lineEnding],
    },
    {
      record(cells, line, raw, quote) {
        if (line <= file.headerLine) return;
        if (cells.length === 1 ? cells[0].trim() === '' : cells.every((c) => c.trim() === '')) return;
        lines++;
        if (quote) return reject(line, raw, cells.length - 1, quoteReason(quote));
        if (cells.length < columns) {
          return reject(line, raw, cells.length, `Colonnes manquantes : ${cells.length} au lieu de ${columns} (ligne tronquée ?)`);
        }
        fields.cells = cells;
        try {
          importLine();
        } catch (error) {
          if (!(error instanceof LineReject)) throw error;
          reject(line, raw, error.columnIndex, error.reason);
        }
      },
      async chunk(bytes) {
        progress.reading(fc.fileIndex, bytes, fc.linesBefore + lines);
        await yieldToEventLoop();
        if (ctx.signal.aborted) throw new CancelledError();
      },
    },
  );
  progress.reading(fc.fileIndex, result.bytes, fc.linesBefore + lines, true);
  progress.fileDone(result.bytes);

  if (rejected * 2 > lines && firstReject) {
    const first = firstReject as { line: number; column: number | null; reason: string };
    throw new BadFileError(
      `« ${file.name} » : ${rejected} lignes sur ${lines} sont illisibles — mauvais fichier ou mauvaise correspondance des colonnes ? ` +
        `Première erreur ligne ${first.line}${first.column ? `, colonne ${first.column}` : ''} : ${first.reason}. Rien n'a été importé.`,
      { file: file.name, line: first.line, ...(first.column ? { column: first.column } : {}) },
    );
  }
  return {
    path: file.path,
    name: file.name,
    kind: file.kind,
    sha256: result.sha256,
    encoding: result.encoding,
    separator: file.separator,
    lines,
    rejected,
  };
}
