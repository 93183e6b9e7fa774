/** PLACEHOLDER — being written (demo export). */
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';

const todo = (): never => {
  throw new EngineError('INTERNAL', 'not implemented yet');
};
export const demoHandlers: HandlerTable<'demo.generate' | 'demo.load'> = {
  'demo.generate': todo,
  'demo.load': todo,
};
