/** The messages between the engine thread and a parse worker (parse-worker.ts, parse-client.ts). */
import type { ImportReject } from '../../../../shared/types.js';
import type { FileLocation } from '../../errors.js';
import type { FileLayout } from '../propose/inspect.js';
import type { FileRead } from './line-filter.js';
import type { TicketBatch } from './ticket-batch.js';
import type { ReadProgress } from './ticket-file-reader.js';

export type FromParseWorker =
  | { type: 'batch'; batch: TicketBatch; rejects: ImportReject[]; progress: ReadProgress }
  | ({ type: 'done' } & FileRead)
  /** `location` set for a file that cannot be read (a BadFileError); otherwise a bug. */
  | { type: 'error'; message: string; location?: FileLocation };

/**
 * `read`: the file to read, sent once (a worker may start before its file is known, see
 * ParseWorker); `written`: the engine has written one more batch, the worker may read further.
 */
export type ToParseWorker = { type: 'read'; file: FileLayout } | { type: 'written' };
