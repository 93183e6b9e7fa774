/** The messages between the engine thread and a parse worker (parse-worker.ts, parse-client.ts). */
import type { ImportReject } from '../../../shared/types.js';
import type { FileLocation } from '../errors.js';
import type { FileLayout } from './inspect.js';
import type { FileRead } from './line-filter.js';
import type { TicketBatch } from './ticket-batch.js';
import type { ReadProgress } from './ticket-file-reader.js';

export interface ParseWorkerData {
  file: FileLayout;
}

export type FromParseWorker =
  | { type: 'batch'; batch: TicketBatch; rejects: ImportReject[]; progress: ReadProgress }
  | ({ type: 'done' } & FileRead)
  /** `location` set for a file that cannot be read (a BadFileError); otherwise a bug. */
  | { type: 'error'; message: string; location?: FileLocation };

/** The engine has written one more batch: the worker may read further. */
export type ToParseWorker = { type: 'written' };
