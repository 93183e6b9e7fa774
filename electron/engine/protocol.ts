/** The messages between an engine client and its worker thread. */
import type { CallResult, EngineEvent } from '../../shared/contract.js';

export interface EngineWorkerData {
  dbPath: string;
  dataDir: string;
}

export type ToWorker = { type: 'call'; id: number; name: string; input: unknown };

export type FromWorker =
  | { type: 'ready'; schemaVersion: number }
  | { type: 'result'; id: number; result: CallResult<unknown> }
  | { type: 'event'; event: EngineEvent };
