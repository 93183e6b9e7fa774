/**
 * The engine thread's side of a parse worker. A ParseWorker is started before its file is known
 * (runImport starts one while it inspects the files: the thread and its code take ~0.15 s to
 * load), then `read` names the file and hands each batch the worker reads to `onBatch`, one at a
 * time and in order, telling the worker when one is written. The worker is stopped however the
 * reading ends (the file read, an error, a cancellation thrown by `onBatch`), and by `stop` when
 * it is never used.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { BadFileError } from '../../errors.js';
import type { FileLayout } from '../propose/inspect.js';
import type { FileRead } from './line-filter.js';
import type { FromParseWorker, ToParseWorker } from './parse-protocol.js';
import { parseWorkerUrl } from './parse-worker-url.js';
import type { BatchSink } from './ticket-file-reader.js';

const PARSE_WORKER_YOUNG_MB = 16;

export class ParseWorker {
  private readonly worker: Worker;
  private readonly queue: FromParseWorker[] = [];
  private failure: Error | null = null;
  private exited = false;
  private notify: (() => void) | null = null;

  /** `url`: the worker's code (see parse-worker-url.ts). */
  constructor(url: URL) {
    this.worker = new Worker(url, {
      // Nearly all the reader allocates dies young (cells, lines): a smaller young generation is
      // collected more often and keeps the import's peak memory ~40 MB lower, at no measurable cost.
      resourceLimits: { maxYoungGenerationSizeMb: PARSE_WORKER_YOUNG_MB },
    });
    this.worker.on('message', (message: FromParseWorker) => {
      this.queue.push(message);
      this.wake();
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.wake();
    });
    this.worker.on('exit', () => {
      this.exited = true;
      this.wake();
    });
  }

  private wake(): void {
    this.notify?.();
    this.notify = null;
  }

  private post(message: ToParseWorker): void {
    this.worker.postMessage(message);
  }

  /** Reads `file`; the worker is stopped at the end, whatever the outcome. */
  async read(file: FileLayout, onBatch: BatchSink): Promise<FileRead> {
    try {
      this.post({ type: 'read', file });
      for (;;) {
        const message = this.queue.shift();
        if (message === undefined) {
          if (this.failure) throw this.failure;
          if (this.exited) throw new Error(`La lecture de « ${file.name} » s'est arrêtée sans finir.`);
          await new Promise<void>((resolve) => (this.notify = resolve));
          continue;
        }
        if (message.type === 'batch') {
          await onBatch(message.batch, message.rejects, message.progress);
          this.post({ type: 'written' });
        } else if (message.type === 'done') {
          return { stream: message.stream, stats: message.stats };
        } else {
          throw message.location ? new BadFileError(message.message, message.location) : new Error(message.message);
        }
      }
    } finally {
      this.stop();
    }
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/** A parse worker on its code (parse-worker-url.ts), or null where none can start (see there). */
function startParseWorker(): Promise<ParseWorker | null> {
  return parseWorkerUrl()
    .then((url) => new ParseWorker(url))
    .catch(() => null);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // Not there: the inspection says so.
  }
}

/**
 * The parse workers of one import. When a file given is large enough to be read by one, a worker
 * starts at once and loads while the files are inspected; the first file read in a worker takes
 * it, later ones start their own. `close` stops the early worker if no file took it.
 */
export class ParseWorkers {
  private early: Promise<ParseWorker | null> | null;

  constructor(paths: readonly string[], fromBytes: number) {
    this.early = paths.some((path) => sizeOf(path) >= fromBytes) ? startParseWorker() : null;
  }

  take(): Promise<ParseWorker | null> {
    const early = this.early;
    this.early = null;
    return early ?? startParseWorker();
  }

  close(): void {
    void this.early?.then((worker) => worker?.stop());
    this.early = null;
  }
}
