/** Errors that cross the contract as `{ ok: false, error: { code, message, details } }`. */
import { ZodError } from 'zod';
import { SchemaTooNewError } from '../../db/open.js';
import type { CallError, ErrorCode } from '../../shared/contract.js';

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

export function toCallError(error: unknown): CallError {
  if (error instanceof EngineError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof ZodError) {
    const message = error.issues
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'entrée'} : ${issue.message}`)
      .join(' ; ');
    return { code: 'VALIDATION', message: `Entrée invalide — ${message}`, details: error.issues };
  }
  if (error instanceof SchemaTooNewError) return { code: 'SCHEMA_TOO_NEW', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
