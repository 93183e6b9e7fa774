/** database.info and database.empty: which database is open, and emptying it after a backup. */
import type { HandlerTable } from '../context.js';
import { emptyDatabase } from '../database/empty.js';
import { backupsDir, databaseInfo } from '../database/info.js';

export const databaseHandlers: HandlerTable<'database.info' | 'database.empty'> = {
  'database.info': (_input, { databases }) => databaseInfo(databases),
  'database.empty': (_input, { db, databases, dataDir }) => {
    const { backupPath } = emptyDatabase(db, backupsDir(dataDir));
    return { backupPath, database: databaseInfo(databases) };
  },
};
