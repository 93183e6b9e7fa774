/** Any error thrown by a handler, as the contract's `{ code, message, details }`. */
import { ZodError } from 'zod';
import { SchemaTooNewError } from '../../db/open.js';
import type { CallError } from '../../shared/contract.js';
import { EngineError } from './errors.js';

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
