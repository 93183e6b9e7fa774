/**
 * After a large write (an import), copies the write-ahead log into the database file on another
 * thread, through a connection of its own. SQLite would otherwise do it inside the COMMIT of the
 * engine's connection (its automatic checkpoint), and the user would wait for 200 MB to be copied
 * after a million-line import (~0.45 s) before seeing the result. A PASSIVE checkpoint never blocks
 * the engine's reads or writes; if this one cannot finish, SQLite's automatic checkpoint of a
 * later write does the rest.
 *
 * The worker is a few lines of CommonJS given as text (no file to build or bundle); it loads
 * better-sqlite3 from the path this module resolves, with the same native binding as the engine,
 * and never creates a database: a file gone meanwhile makes it stop.
 */
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const CHECKPOINT = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
try {
  parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)')[0]);
} finally {
  db.close();
}`;

/** Checkpoints still running: whoever removes or moves the database file waits for them first. */
const running = new Set<Promise<unknown>>();

/** Resolves once every background checkpoint started so far has ended. */
export async function backgroundCheckpointsSettled(): Promise<void> {
  await Promise.all([...running]);
}

export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** Runs `commit` with the automatic checkpoint off, then checkpoints on another thread. */
export function commitThenCheckpointInBackground(sqlite: Database.Database, commit: () => void): Promise<CheckpointResult | null> {
  const automatic = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    commit();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${automatic}`);
  }
  if (sqlite.memory) return Promise.resolve(null);
  const worker = new Worker(CHECKPOINT, {
    eval: true,
    workerData: {
      module: createRequire(import.meta.url).resolve('better-sqlite3'),
      path: sqlite.name,
      nativeBinding: process.env.PARTERRE_SQLITE_BINDING,
    },
  });
  const done = new Promise<CheckpointResult | null>((resolve) => {
    let result: CheckpointResult | null = null;
    worker.once('message', (message: CheckpointResult) => (result = message));
    // A failure leaves the log to SQLite's automatic checkpoint: nothing is lost.
    worker.once('error', () => undefined);
    worker.once('exit', () => resolve(result));
  });
  running.add(done);
  void done.then(() => running.delete(done));
  return done;
}
