/**
 * The engine in the calling thread, behind the same EngineClient as the worker: for a command that
 * reads a few figures and exits (`parterre seasons`, `customers`, `quartiles`). Starting a worker
 * thread costs such a command more than its answer — a second V8 and Node start, and every module
 * (Node's own included) compiled a second time. Same database opening, dispatcher and handlers,
 * hence the same results and errors. Long work (an import) keeps the worker, whose thread leaves
 * this one free for Ctrl+C and the progress line.
 */
import { openDatabase } from '../../db/open.js';
import type { CallResult, EngineEvent } from '../../shared/contract.js';
import { toCallError } from './call-error.js';
import type { EngineClient } from './client.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';
import { handlers } from './handlers/index.js';
import { createPathPolicy } from './path-policy.js';
import { openArchives } from './archives/attach.js';
import type { EngineWorkerData } from './protocol.js';

export function startEngineInProcess(data: EngineWorkerData): EngineClient {
  const listeners = new Set<(event: EngineEvent) => void>();
  let dispatcher: Dispatcher | null = null;
  let openFailure: CallResult<never> | null = null;
  let close = async () => {};
  let schemaVersion = -1;
  // The same path policy as the worker's: the command line grants the files it was given.
  const paths = createPathPolicy({ dataDir: data.dataDir });
  try {
    const db = openDatabase(data.dbPath);
    // As the worker does: the archives the user left attached are in every figure.
    openArchives(db, data.dataDir);
    dispatcher = createDispatcher({ db, dataDir: data.dataDir, handlers, paths, emit: (event) => listeners.forEach((listener) => listener(event)) });
    schemaVersion = db.schemaVersion;
    const { databases } = dispatcher;
    // Through the switch, not `db`: a restore (or the demo) may have replaced the connection since.
    close = () => databases.close();
  } catch (error) {
    // As in the worker: a database that cannot be opened makes every call answer why.
    openFailure = { ok: false, error: toCallError(error) };
  }
  const callRaw = (name: string, input: unknown) => (dispatcher ? dispatcher.dispatch(name, input) : Promise.resolve(openFailure!));
  return {
    call: (name, input) => callRaw(name, input) as never,
    callRaw,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    grant(granted, access = 'read') {
      paths.grant(granted, access);
    },
    ready: Promise.resolve(schemaVersion),
    close: () => close(),
  };
}
