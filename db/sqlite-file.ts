import Database from 'better-sqlite3';

/**
 * A plain connection to a SQLite file (an archive, a backup being checked), with the native
 * build the app runs on: the desktop app's engine loads better-sqlite3 built for Electron's ABI
 * (PARTERRE_SQLITE_BINDING, see electron/desktop/desktop-runtime.ts), and a connection opened
 * without it would load the Node build and fail there.
 */
export function openSqliteFile(path: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = process.env.PARTERRE_SQLITE_BINDING;
  return new Database(path, nativeBinding ? { nativeBinding, ...options } : options);
}
