/**
 * Where Parterre keeps its data when no --db is given: the folder Electron's `userData` points to
 * for an app named "Parterre", so that the command line and the window share one database.
 * PARTERRE_DATA_DIR overrides it (tests, portable installs).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Parterre';
export const DB_FILE_NAME = 'parterre.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = homedir()): string {
  if (env.PARTERRE_DATA_DIR) return env.PARTERRE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataDir(env), DB_FILE_NAME);
}
