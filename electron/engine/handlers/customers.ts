/** PLACEHOLDER — being written (customer indicators). */
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';

const todo = (): never => {
  throw new EngineError('INTERNAL', 'not implemented yet');
};
export const customerHandlers: HandlerTable<'customers.list' | 'customers.get' | 'customers.quartiles'> = {
  'customers.list': todo,
  'customers.get': todo,
  'customers.quartiles': todo,
};
