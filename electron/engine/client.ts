/**
 * Starts the engine in a worker thread and calls it: what the command line, the Electron main
 * process and the browser-mode server use. Calls resolve to the contract's `{ok, value}` or
 * `{ok: false, error}`; they never throw for an engine-side failure.
 */
import { Worker } from 'node:worker_threads';
import type { CallInput, CallName, CallOutput, CallResult, EngineEvent } from '../../shared/contract.js';
import type { GrantAccess } from './path-policy.js';
import type { EngineWorkerData, FromWorker, ToWorker } from './protocol.js';

export interface EngineClient {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<CallOutput<N>>>;
  /** Untyped entry for transports that relay a name and an input they have not checked. */
  callRaw(name: string, input: unknown): Promise<CallResult<unknown>>;
  on(listener: (event: EngineEvent) => void): () => void;
  /**
   * Tells the engine these paths were chosen by the user (see path-policy.ts). Only the transport
   * that heard the user calls it: the command line for its arguments, the desktop shell for its
   * dialogs and drops. Takes effect before any call made after it (one ordered channel).
   */
  grant(paths: readonly string[], access?: GrantAccess): void;
  /** Resolves once the database is open (schemaVersion -1 when it could not be opened). */
  ready: Promise<number>;
  close(): Promise<void>;
}

function workerUrl(): URL {
  // From source (tsx) the worker needs the loader; from a build, worker.js sits beside this file.
  return import.meta.url.endsWith('.ts')
    ? new URL('./worker-tsx.mjs', import.meta.url)
    : new URL('./worker.js', import.meta.url);
}

export function startEngine(data: EngineWorkerData): EngineClient {
  const worker = new Worker(workerUrl(), { workerData: data });
  const pending = new Map<number, (result: CallResult<unknown>) => void>();
  const listeners = new Set<(event: EngineEvent) => void>();
  let nextId = 1;
  let resolveReady: (version: number) => void;
  const ready = new Promise<number>((resolve) => (resolveReady = resolve));

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } });
    pending.clear();
  };

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'ready') resolveReady(message.schemaVersion);
    else if (message.type === 'event') for (const listener of listeners) listener(message.event);
    else if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  });
  worker.on('error', (error) => {
    resolveReady(-1);
    failAll(`Le moteur s'est arrêté : ${error.message}`);
  });
  worker.on('exit', () => failAll("Le moteur s'est arrêté."));

  const callRaw = (name: string, input: unknown) =>
    new Promise<CallResult<unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ type: 'call', id, name, input } satisfies ToWorker);
    });

  return {
    call: (name, input) => callRaw(name, input) as never,
    callRaw,
    grant(paths, access = 'read') {
      if (paths.length) worker.postMessage({ type: 'grant', paths: [...paths], access } satisfies ToWorker);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    async close() {
      await worker.terminate();
    },
  };
}
