/** app.info and the settings. */
import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { readFileSync } from 'node:fs';
import * as schema from '../../../db/schema.js';
import type { HandlerTable } from '../context.js';
import { recomputeSeasons } from '../kpi/aggregates.js';
import { getSeasonStartMonth, setSetting } from '../settings.js';

const version = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const appHandlers: HandlerTable<'app.info' | 'settings.get' | 'settings.set'> = {
  'app.info': (_input, { db, databases }) => {
    const rows = (table: SQLiteTable) => db.orm.select({ n: count() }).from(table).get()?.n ?? 0;
    return {
      version,
      dbPath: db.path,
      database: { kind: databases.kind, path: db.path },
      schemaVersion: db.schemaVersion,
      seasonStartMonth: getSeasonStartMonth(db.sqlite),
      counts: {
        customers: rows(schema.customers),
        tickets: rows(schema.tickets),
        orders: rows(schema.orders),
        performances: rows(schema.performances),
        shows: rows(schema.shows),
        imports: rows(schema.imports),
      },
    };
  },
  'settings.get': (_input, { db }) => ({ seasonStartMonth: getSeasonStartMonth(db.sqlite) }),
  'settings.set': ({ seasonStartMonth }, { db }) => {
    // One transaction: the setting and every season it moves change together.
    db.sqlite.transaction(() => {
      setSetting(db.sqlite, 'seasonStartMonth', String(seasonStartMonth));
      recomputeSeasons(db.sqlite, seasonStartMonth);
    })();
    return { seasonStartMonth };
  },
};
