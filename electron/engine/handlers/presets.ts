/** PLACEHOLDER — being written (import presets). */
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';

const todo = (): never => {
  throw new EngineError('INTERNAL', 'not implemented yet');
};
export const presetHandlers: HandlerTable<'presets.list' | 'presets.save' | 'presets.delete'> = {
  'presets.list': todo,
  'presets.save': todo,
  'presets.delete': todo,
};
