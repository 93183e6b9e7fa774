/**
 * The engine's worker thread: opens the database, then answers calls through the dispatcher and
 * forwards the engine's events. better-sqlite3 is synchronous; running here keeps the window (or
 * the browser-mode server) responsive during a million-line import.
 */
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open.js';
import { openArchives } from './archives/attach.js';
import type { CallResult } from '../../shared/contract.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';
import { toCallError } from './call-error.js';
import { handlers } from './handlers/index.js';
import { createPathPolicy } from './path-policy.js';
import type { EngineWorkerData, FromWorker, ToWorker } from './protocol.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
// V8 cleans a thread's young generation with helper threads by default. During a large import
// two JavaScript threads (this one and the parse worker) already keep both cores of a small
// box-office PC busy, so those helpers only take turns from them: without them a million-line
// import read in 8.2 s instead of 9.4 (medians of five runs each, `npm run bench`'s file).
// The flag is V8's, for the whole process; it is read at each collection.
setFlagsFromString('--no-parallel-scavenge');
const port = parentPort;
const post = (message: FromWorker) => port.postMessage(message);
const { dbPath, dataDir } = workerData as EngineWorkerData;

const paths = createPathPolicy({ dataDir });
let dispatcher: Dispatcher | null = null;
let openFailure: CallResult<never> | null = null;
try {
  const db = openDatabase(dbPath);
  openArchives(db, dataDir);
  dispatcher = createDispatcher({ db, dataDir, paths, handlers, emit: (event) => post({ type: 'event', event }) });
  post({ type: 'ready', schemaVersion: db.schemaVersion });
} catch (error) {
  // A database the app cannot open (newer schema, not a database): every call says why.
  openFailure = { ok: false, error: toCallError(error) };
  post({ type: 'ready', schemaVersion: -1 });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'grant') {
    paths.grant(message.paths, message.access);
    return;
  }
  if (message.type !== 'call') return;
  const pending = dispatcher ? dispatcher.dispatch(message.name, message.input) : Promise.resolve(openFailure!);
  void pending.then((result) => post({ type: 'result', id: message.id, result }));
});
