/**
 * The engine thread's side of a parse worker: starts it on one file and hands each batch it reads
 * to `onBatch`, one at a time and in order, telling the worker when one is written. The worker is
 * stopped however this ends (the file read, an error, a cancellation thrown by `onBatch`).
 */
import { Worker } from 'node:worker_threads';
import { BadFileError } from '../errors.js';
import type { FileLayout } from './inspect.js';
import type { FileRead } from './line-filter.js';
import type { FromParseWorker, ParseWorkerData, ToParseWorker } from './parse-protocol.js';
import type { BatchSink } from './ticket-file-reader.js';

const PARSE_WORKER_YOUNG_MB = 16;

/** `url`: the worker's code (see parse-worker-url.ts). */
export async function readTicketFileInWorker(url: URL, file: FileLayout, onBatch: BatchSink): Promise<FileRead> {
  const worker = new Worker(url, {
    workerData: { file } satisfies ParseWorkerData,
    // Nearly all the reader allocates dies young (cells, lines): a smaller young generation is
    // collected more often and keeps the import's peak memory ~40 MB lower, at no measurable cost.
    resourceLimits: { maxYoungGenerationSizeMb: PARSE_WORKER_YOUNG_MB },
  });
  const queue: FromParseWorker[] = [];
  let failure: Error | null = null;
  let exited = false;
  let notify: (() => void) | null = null;
  const wake = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (message: FromParseWorker) => {
    queue.push(message);
    wake();
  });
  worker.on('error', (error) => {
    failure = error;
    wake();
  });
  worker.on('exit', () => {
    exited = true;
    wake();
  });

  try {
    for (;;) {
      const message = queue.shift();
      if (message === undefined) {
        if (failure) throw failure;
        if (exited) throw new Error(`La lecture de « ${file.name} » s'est arrêtée sans finir.`);
        await new Promise<void>((resolve) => (notify = resolve));
        continue;
      }
      if (message.type === 'batch') {
        await onBatch(message.batch, message.rejects, message.progress);
        worker.postMessage({ type: 'written' } satisfies ToParseWorker);
      } else if (message.type === 'done') {
        return { stream: message.stream, stats: message.stats };
      } else {
        throw message.location ? new BadFileError(message.message, message.location) : new Error(message.message);
      }
    }
  } finally {
    void worker.terminate();
  }
}
