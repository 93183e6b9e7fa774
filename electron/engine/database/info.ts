/** What the app shows of the open database: which one, where, how big, what it holds. */
import { join } from 'node:path';
import type { DatabaseInfo } from '../../../shared/database-types.js';
import { databaseBytes, type Databases } from '../databases.js';

const COUNTED = ['customers', 'tickets', 'orders', 'performances', 'shows', 'tariffs', 'imports'] as const;

/** The folder `database.empty` writes its backups to. */
export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

export function databaseInfo(databases: Databases): DatabaseInfo {
  const { sqlite, path } = databases.current;
  const counts = Object.fromEntries(
    COUNTED.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]),
  ) as DatabaseInfo['counts'];
  return {
    kind: databases.kind,
    path,
    bytes: databaseBytes(path),
    ownPath: databases.own.path,
    demoPath: databases.demoPath,
    backupsDir: backupsDir(databases.dataDir),
    counts,
  };
}
