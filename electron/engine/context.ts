/** What every handler receives besides its input. */
import type { OpenDatabase } from '../../db/open.js';
import type { CallName, CallOutput, EngineEvent, HandlerInput } from '../../shared/contract.js';
import type { PathPolicy } from './path-policy.js';
import type { Databases } from './databases.js';

export interface EngineContext {
  /** The database open now (`databases.current`), read when the handler reads it. */
  readonly db: OpenDatabase;
  /** The venue's own database and the demonstration one: which is open, and the switch. */
  databases: Databases;
  /** Folder for the app's own files (temporary import copies, the generated demo). */
  dataDir: string;
  /** Which files a caller may make the engine read or write (see path-policy.ts): every path from an input goes through it. */
  paths: PathPolicy;
  emit(event: EngineEvent): void;
  /** Aborted when the user cancels; long handlers check it between chunks. */
  signal: AbortSignal;
  /** Cancels the call that is running now, if any. */
  cancelRunning(): boolean;
}

export type Handler<N extends CallName> = (
  input: HandlerInput<N>,
  ctx: EngineContext,
) => CallOutput<N> | Promise<CallOutput<N>>;

/** A domain file's table of handlers: a part of the whole contract. */
export type HandlerTable<N extends CallName> = { [K in N]: Handler<K> };
export type Handlers = HandlerTable<CallName>;
