/**
 * Name → handler, with the input validated against the contract. Calls run one at a time (an
 * import holds a transaction open on the one connection across awaits); `imports.cancel` jumps
 * the queue so that it can stop the call that is running.
 */
import { contract, isCallName, type CallResult, type EngineEvent } from '../../shared/contract.js';
import type { OpenDatabase } from '../../db/open.js';
import type { EngineContext, Handlers } from './context.js';
import { toCallError } from './call-error.js';
import { EngineError } from './errors.js';
import { createPathPolicy, type PathPolicy } from './path-policy.js';
import { Databases } from './databases.js';

const UNQUEUED = new Set<string>(['imports.cancel', 'archives.cancel']);

export interface Dispatcher {
  dispatch(name: string, input: unknown): Promise<CallResult<unknown>>;
  /** The own database given here, and the demonstration one once opened. */
  databases: Databases;
}

export function createDispatcher(options: {
  db: OpenDatabase;
  dataDir: string;
  handlers: Handlers;
  emit: (event: EngineEvent) => void;
  /** The worker passes the policy it grants paths to; by default, the data folder alone. */
  paths?: PathPolicy;
}): Dispatcher {
  const paths = options.paths ?? createPathPolicy({ dataDir: options.dataDir });
  const databases = new Databases(options.db, options.dataDir);
  let running: AbortController | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (name: string, input: unknown, controller: AbortController): Promise<CallResult<unknown>> => {
    try {
      if (!isCallName(name)) throw new EngineError('UNKNOWN_CALL', `Appel inconnu : ${name}`);
      const parsed = contract[name].input.parse(input ?? {});
      const ctx: EngineContext = {
        get db() {
          return databases.current;
        },
        databases,
        dataDir: options.dataDir,
        paths,
        emit: options.emit,
        signal: controller.signal,
        cancelRunning: () => {
          if (!running || running.signal.aborted) return false;
          running.abort();
          return true;
        },
      };
      const handler = options.handlers[name] as (input: unknown, ctx: EngineContext) => unknown;
      return { ok: true, value: await handler(parsed, ctx) };
    } catch (error) {
      return { ok: false, error: toCallError(error) };
    }
  };

  return {
    databases,
    dispatch(name, input) {
      if (UNQUEUED.has(name)) return run(name, input, new AbortController());
      const result = queue.then(async () => {
        const controller = new AbortController();
        running = controller;
        try {
          return await run(name, input, controller);
        } finally {
          running = null;
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
