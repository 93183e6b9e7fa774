/**
 * Where the desktop app keeps and finds its files. The data folder is Electron's userData unless
 * PARTERRE_DATA_DIR says otherwise (tests, a box office keeping its data on another disk).
 */
import { join, resolve } from 'node:path';
import { APP_URL } from './app-protocol.js';

export interface AppPaths {
  dataDir: string;
  dbPath: string;
  windowStatePath: string;
  /** The built renderer, served to the window as app://parterre/ (app-protocol.ts). */
  rendererDir: string;
  rendererIndex: string;
  /** The one URL the window may show and accept calls from (no query, no fragment). */
  appUrl: string;
  preloadPath: string;
}

/** `--db PATH` or `--db=PATH` among the process's arguments. */
export function dbPathArgument(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--db' && argv[i + 1]) return resolve(argv[i + 1]);
    if (argv[i].startsWith('--db=') && argv[i].length > 5) return resolve(argv[i].slice(5));
  }
  return undefined;
}

export function resolveAppPaths(options: {
  env: NodeJS.ProcessEnv;
  userData: string;
  /** Electron's app.getAppPath(): the folder (or asar) holding package.json. */
  appPath: string;
  /** A database chosen with --db instead of <data>/parterre.sqlite. */
  dbPath?: string;
}): AppPaths {
  const override = options.env.PARTERRE_DATA_DIR?.trim();
  const dataDir = override ? resolve(override) : options.userData;
  const rendererDir = join(options.appPath, 'dist', 'renderer');
  const rendererIndex = join(rendererDir, 'index.html');
  return {
    dataDir,
    dbPath: options.dbPath ?? join(dataDir, 'parterre.sqlite'),
    windowStatePath: join(dataDir, 'window-state.json'),
    rendererDir,
    rendererIndex,
    appUrl: APP_URL,
    preloadPath: join(options.appPath, 'dist-electron', 'preload.cjs'),
  };
}

/** The URL without its fragment or query: the renderer moves between pages by fragment. */
export function withoutFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return '';
  }
}
