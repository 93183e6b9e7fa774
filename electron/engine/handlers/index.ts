/** Every domain's handler table, merged into the one table the dispatcher serves. */
import type { Handlers } from '../context.js';
import { appHandlers } from './app.js';
import { customerHandlers } from './customers.js';
import { currencyHandlers } from './currency.js';
import { demoHandlers } from './demo.js';
import { dialogHandlers } from './dialog.js';
import { importHandlers } from './imports.js';
import { presetHandlers } from './presets.js';
import { seasonHandlers } from './seasons.js';

// `satisfies Handlers` makes a call of the contract without a handler a type error.
export const handlers = {
  ...appHandlers,
  ...importHandlers,
  ...presetHandlers,
  ...seasonHandlers,
  ...customerHandlers,
  ...demoHandlers,
  ...dialogHandlers,
  ...currencyHandlers,
} satisfies Handlers;
