/**
 * Errors that cross the contract as `{ ok: false, error: { code, message, details } }` (see
 * call-error.ts). Free of imports with a cost: the parse worker loads this module too.
 */
import type { ErrorCode } from '../../shared/contract.js';

export class EngineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Where in which file an import found something it cannot read. */
export interface FileLocation {
  file: string;
  line?: number;
  column?: number;
}

export class BadFileError extends EngineError {
  constructor(
    message: string,
    readonly location: FileLocation,
  ) {
    super('BAD_FILE', message, location);
    this.name = 'BadFileError';
  }
}

export class CancelledError extends EngineError {
  constructor(message = "Import annulé : la base est restée telle qu'elle était.") {
    super('CANCELLED', message);
    this.name = 'CancelledError';
  }
}
