/** tariffs.list and tariffs.setKind: the kinds of the tariffs, proposed by the import, set by the user. */
import type { HandlerTable } from '../context.js';
import { listTariffs } from '../tariffs/tariff-list.js';
import { setTariffKinds } from '../tariffs/set-tariff-kinds.js';

export const tariffHandlers: HandlerTable<'tariffs.list' | 'tariffs.setKind'> = {
  'tariffs.list': (_input, { db }) => listTariffs(db.sqlite),
  'tariffs.setKind': ({ tariffs }, { db }) => {
    setTariffKinds(db.sqlite, tariffs);
    return listTariffs(db.sqlite);
  },
};
