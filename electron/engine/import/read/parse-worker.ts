/**
 * A parse worker: reads one ticket-lines file (decoding, splitting, every value read and checked)
 * on the second core while the engine thread writes what it read, batch by batch. It never holds
 * the database. It starts idle, loading its code, and reads the file the engine then names (see
 * ParseWorker). At most BATCHES_AHEAD batches wait for the engine, so that the memory stays
 * bounded whichever side is faster.
 */
import { parentPort } from 'node:worker_threads';
import { BadFileError } from '../../errors.js';
import type { FileLayout } from '../propose/inspect.js';
import type { FromParseWorker, ToParseWorker } from './parse-protocol.js';
import { transferList } from './ticket-batch.js';
import { readTicketFile } from './ticket-file-reader.js';

const BATCHES_AHEAD = 3;

if (!parentPort) throw new Error('parse-worker.ts must run as a worker thread');
const port = parentPort;
const post = (message: FromParseWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let sent = 0;
let written = 0;
let wake: (() => void) | null = null;
port.on('message', (message: ToParseWorker) => {
  if (message.type === 'read') void read(message.file);
  else {
    written++;
    wake?.();
  }
});

async function read(file: FileLayout): Promise<void> {
  try {
    const { stream, stats } = await readTicketFile(file, async (batch, rejects, progress) => {
      post({ type: 'batch', batch, rejects, progress }, transferList(batch));
      sent++;
      while (sent - written >= BATCHES_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
    });
    post({ type: 'done', stream, stats });
  } catch (error) {
    post(
      error instanceof BadFileError
        ? { type: 'error', message: error.message, location: error.location }
        : { type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    );
  } finally {
    port.close();
  }
}
