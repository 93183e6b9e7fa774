/** The messages between an engine client and its worker thread. */
import type { CallResult, EngineEvent } from '../../shared/contract.js';
import type { GrantAccess } from './path-policy.js';

export interface EngineWorkerData {
  dbPath: string;
  dataDir: string;
}

export type ToWorker =
  | { type: 'call'; id: number; name: string; input: unknown }
  /** Paths the user chose, from the transport that heard them (see path-policy.ts); never from a caller's input. */
  | { type: 'grant'; paths: string[]; access: GrantAccess };

export type FromWorker =
  | { type: 'ready'; schemaVersion: number }
  | { type: 'result'; id: number; result: CallResult<unknown> }
  | { type: 'event'; event: EngineEvent };
