/**
 * Reads one file of an import into the stores, rejecting the lines it cannot read (kept in
 * `import_rejects`), and stops the whole import when more than half of the file's data lines are
 * rejected (the wrong file, or a wrong mapping), or when it holds no data line at all. At its end,
 * every record of the file must be skipped, imported or rejected (line-accounting.ts).
 *
 * A large ticket-lines file is read by a parse worker on the second core (parse-worker.ts) while
 * this thread writes what it read; a small one, where starting a worker would cost more than it
 * saves, is read here by the same code. Customers and performances files are read here.
 */
import type { ImportFileSummary } from '../../../shared/types.js';
import { BadFileError, CancelledError } from '../errors.js';
import type { EngineContext } from '../context.js';
import { hasCustomerColumns, readCustomer, upsertCustomer } from './read/customer-line.js';
import { streamRecords } from './read/csv-stream.js';
import { LineFields } from './read/fields.js';
import type { FileLayout } from './propose/inspect.js';
import { createLineFilter, streamOptionsOf, type FileRead } from './read/line-filter.js';
import type { ParseWorkers } from './read/parse-client.js';
import { seasonYearOf } from '../../../shared/season.js';
import { readPerformance, upsertPerformance } from './read/performance-line.js';
import type { ProgressReporter } from './progress.js';
import { LineReject, type RejectLog } from './write/rejects.js';
import { readTicketFile, type BatchSink } from './read/ticket-file-reader.js';
import { createTicketBatchWriter, type TicketWriter } from './write/ticket-line.js';
import { assertLinesAddUp } from './line-accounting.js';

/** From this size a ticket-lines file is read by a parse worker. */
export const PARSE_WORKER_FROM_BYTES = 4 << 20;

export interface FileImportContext {
  ctx: EngineContext;
  writer: Omit<TicketWriter, 'fileName'>;
  rejects: RejectLog;
  progress: ProgressReporter;
  fileIndex: number;
  /** Data lines read in the files before this one. */
  linesBefore: number;
  /** Overrides PARSE_WORKER_FROM_BYTES (tests read a small file both ways). */
  parseWorkerFromBytes?: number;
  parseWorkers: ParseWorkers;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A file read, with the lines its writer wrote. */
type FileWritten = FileRead & { written: number };

/** A customers or performances file: read and written line by line, here. */
async function readEntityFile(file: FileLayout, fc: FileImportContext, checkpoint: (bytes: number, lines: number) => Promise<void>): Promise<FileWritten> {
  const fields = new LineFields(file.mapping, file.dayFirst, file.decimalMark);
  const w = fc.writer;
  let written = 0;
  const readLine =
    file.kind === 'performances'
      ? () => {
          const read = readPerformance(fields);
          // A performance of an archived season is in its archive: counted, not written again.
          if (w.archived?.seasons.has(seasonYearOf(read.startsAt, w.seasonStartMonth))) w.archived.lines++;
          else {
            upsertPerformance(w, read);
            written++;
          }
        }
      : () => {
          const customer = hasCustomerColumns(fields) ? readCustomer(fields) : null;
          if (!customer) throw new LineReject('Client sans numéro, e-mail ni nom : impossible de le reconnaître', null);
          upsertCustomer(w.customers, customer, file.name);
          written++;
        };
  const { record, plainLine, stats } = createLineFilter(file, fields, readLine, (reject) => fc.rejects.add(reject));
  const stream = await streamRecords(streamOptionsOf(file), { record, plainLine, chunk: (bytes) => checkpoint(bytes, stats.lines) });
  return { stream, stats, written };
}

async function readTickets(file: FileLayout, fc: FileImportContext, checkpoint: (bytes: number, lines: number) => Promise<void>): Promise<FileWritten> {
  const write = createTicketBatchWriter({ ...fc.writer, fileName: file.name });
  let written = 0;
  const onBatch: BatchSink = async (batch, rejects, progress) => {
    for (const reject of rejects) fc.rejects.add(reject);
    written += write(batch);
    await checkpoint(progress.bytes, progress.lines);
  };
  const inWorker = file.sizeBytes >= (fc.parseWorkerFromBytes ?? PARSE_WORKER_FROM_BYTES);
  // From source without esbuild, or with node_modules read-only, there is no worker to start:
  // the file is then read here, more slowly but the same.
  const worker = inWorker ? await fc.parseWorkers.take() : null;
  const read = await (worker ? worker.read(file, onBatch) : readTicketFile(file, onBatch));
  return { ...read, written };
}

export async function importFile(file: FileLayout, fc: FileImportContext): Promise<ImportFileSummary> {
  const { progress, ctx } = fc;
  const checkpoint = async (bytes: number, lines: number) => {
    progress.reading(fc.fileIndex, bytes, fc.linesBefore + lines);
    await yieldToEventLoop();
    if (ctx.signal.aborted) throw new CancelledError();
  };
  const rejectsBefore = fc.rejects.total;
  const archivedBefore = fc.writer.archived?.lines ?? 0;
  const { stream, stats, written } = file.kind === 'tickets' ? await readTickets(file, fc, checkpoint) : await readEntityFile(file, fc, checkpoint);
  progress.reading(fc.fileIndex, stream.bytes, fc.linesBefore + stats.lines, true);
  progress.fileDone(stream.bytes);
  assertLinesAddUp(file.name, {
    records: stream.records,
    stats,
    written,
    archived: (fc.writer.archived?.lines ?? 0) - archivedBefore,
    logged: fc.rejects.total - rejectsBefore,
  });

  const { lines, rejected, firstReject: first } = stats;
  if (lines === 0) {
    throw new BadFileError(
      `« ${file.name} » ne contient aucune ligne de données après son en-tête (ligne ${file.headerLine}) : rien à importer. Le fichier est-il complet ?`,
      { file: file.name, line: file.headerLine },
    );
  }
  if (rejected * 2 > lines && first) {
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
    sha256: stream.sha256,
    encoding: stream.encoding,
    separator: file.separator,
    lines,
    rejected,
  };
}
