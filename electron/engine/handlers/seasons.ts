/** PLACEHOLDER — being written (season indicators). */
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';

const todo = (): never => {
  throw new EngineError('INTERNAL', 'not implemented yet');
};
export const seasonHandlers: HandlerTable<'seasons.list'> = { 'seasons.list': todo };
