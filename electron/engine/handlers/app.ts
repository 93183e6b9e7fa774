/** app.info and the settings. */
import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { statSync } from 'node:fs';
import * as schema from '../../../db/schema.js';
import { appPackage } from '../app-root.js';
import type { HandlerTable } from '../context.js';
import { recomputeSeasons } from '../kpi/aggregates.js';
import { previewSeasonStart } from '../kpi/season-start-preview.js';
import { getSeasonStartMonth, getSettings, setSetting } from '../settings.js';

const { version } = appPackage();

/** Bytes on disk of the database and of its write-ahead log (0 for one that is not there, e.g. in memory). */
function sizeOnDisk(path: string): number {
  const size = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  return size(path) + size(`${path}-wal`);
}

export const appHandlers: HandlerTable<'app.info' | 'settings.get' | 'settings.set' | 'settings.previewSeasonStart'> = {
  'app.info': (_input, { db, databases }) => {
    const rows = (table: SQLiteTable) => db.orm.select({ n: count() }).from(table).get()?.n ?? 0;
    return {
      version,
      dbPath: db.path,
      database: { kind: databases.kind, path: db.path },
      dbSizeBytes: sizeOnDisk(db.path),
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
  'settings.get': (_input, { db }) => getSettings(db.sqlite),
  'settings.set': ({ seasonStartMonth, venueName }, { db }) => {
    // One transaction: the settings and every season a new start month moves change together.
    db.sqlite.transaction(() => {
      if (venueName !== undefined) setSetting(db.sqlite, 'venueName', venueName);
      if (seasonStartMonth !== undefined) {
        setSetting(db.sqlite, 'seasonStartMonth', String(seasonStartMonth));
        recomputeSeasons(db.sqlite, seasonStartMonth);
      }
    })();
    return getSettings(db.sqlite);
  },
  'settings.previewSeasonStart': ({ seasonStartMonth }, { db }) =>
    previewSeasonStart(db.sqlite, getSeasonStartMonth(db.sqlite), seasonStartMonth),
};
