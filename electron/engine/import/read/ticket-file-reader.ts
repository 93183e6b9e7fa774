/**
 * Reads a whole ticket-lines file into TicketBatches, one per chunk of the file, each handed to
 * `onBatch` with the lines rejected meanwhile; the next chunk is read once `onBatch` resolves. The
 * same code runs in the parse worker (parse-worker.ts) and, for a small file, on the engine
 * thread itself.
 */
import type { ImportReject } from '../../../../shared/types.js';
import { streamRecords } from './csv-stream.js';
import { LineFields } from './fields.js';
import { cellsHash } from './identity.js';
import type { FileLayout } from '../propose/inspect.js';
import { createLineFilter, streamOptionsOf, type FileRead } from './line-filter.js';
import { TicketBatchBuilder, type TicketBatch } from './ticket-batch.js';
import { createTicketLineReader } from './ticket-line-reader.js';

export interface ReadProgress {
  /** Bytes of the file read so far, data lines read so far. */
  bytes: number;
  lines: number;
}

export type BatchSink = (batch: TicketBatch, rejects: ImportReject[], progress: ReadProgress) => Promise<void>;

export async function readTicketFile(file: FileLayout, onBatch: BatchSink): Promise<FileRead> {
  const fields = new LineFields(file.mapping, file.dayFirst, file.decimalMark);
  const identicalLines = new Map<string, number>();
  const lineKey = (cells: string[]) => {
    const hash = cellsHash(cells);
    const n = (identicalLines.get(hash) ?? 0) + 1;
    identicalLines.set(hash, n);
    return `${hash}#${n}`;
  };
  const builder = new TicketBatchBuilder();
  let rejects: ImportReject[] = [];
  const { record, plainLine, stats } = createLineFilter(file, fields, createTicketLineReader(fields, lineKey, builder), (r) => rejects.push(r));
  const flush = (bytes: number) => {
    const taken = rejects;
    rejects = [];
    return onBatch(builder.take(), taken, { bytes, lines: stats.lines });
  };

  const stream = await streamRecords(streamOptionsOf(file), { record, plainLine, chunk: (bytes) => flush(bytes) });
  // The last records come after the last chunk's callback.
  await flush(stream.bytes);
  return { stream, stats };
}
