/** PLACEHOLDER — being written (import pipeline). */
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';

const todo = (): never => {
  throw new EngineError('INTERNAL', 'not implemented yet');
};
export const importHandlers: HandlerTable<
  'imports.inspect' | 'imports.run' | 'imports.cancel' | 'imports.list' | 'imports.rejects'
> = {
  'imports.inspect': todo,
  'imports.run': todo,
  'imports.cancel': (_input, ctx) => ({ cancelled: ctx.cancelRunning() }),
  'imports.list': todo,
  'imports.rejects': todo,
};
