/** Every domain's handler table, merged into the one table the dispatcher serves. */
import type { Handlers } from '../context.js';
import { appHandlers } from './app.js';
import { archiveHandlers } from './archives.js';
import { customerHandlers } from './customers.js';
import { currencyHandlers } from './currency.js';
import { demoHandlers } from './demo.js';
import { dialogHandlers } from './dialog.js';
import { importHandlers } from './imports.js';
import { presetHandlers } from './presets.js';
import { reportHandlers } from './reports.js';
import { seasonHandlers } from './seasons.js';
import { tariffHandlers } from './tariffs.js';
import { databaseHandlers } from './database.js';
import { segmentHandlers } from './segments.js';
import { sibilHandlers } from './sibil.js';

// `satisfies Handlers` makes a call of the contract without a handler a type error.
export const handlers = {
  ...appHandlers,
  ...importHandlers,
  ...presetHandlers,
  ...seasonHandlers,
  ...customerHandlers,
  ...demoHandlers,
  ...dialogHandlers,
  ...tariffHandlers,
  ...databaseHandlers,
  ...reportHandlers,
  ...segmentHandlers,
  ...archiveHandlers,
  ...sibilHandlers,
  ...currencyHandlers,
} satisfies Handlers;
