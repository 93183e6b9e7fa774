/** The database's one currency, set by the imports whose amounts name one (docs/import-rules.md). */
import { DEFAULT_CURRENCY } from '../../../shared/format.js';
import type { HandlerTable } from '../context.js';
import { getSetting } from '../settings.js';

export const currencyHandlers: HandlerTable<'settings.currency'> = {
  'settings.currency': (_input, { db }) => ({ currency: getSetting(db.sqlite, 'currency') ?? DEFAULT_CURRENCY }),
};
