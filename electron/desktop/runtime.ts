/**
 * What `npm start` decides before it opens anything, in plain Node (no Electron import):
 * whether the renderer must be rebuilt, whether an Electron runtime is present, and what to tell
 * the user when it is not. Every function takes its file system so that tests can fake one.
 *
 * Finding the runtime must never trigger a download: node_modules/electron/index.js fetches the
 * binary when it is missing, so it is never required here. Its logic is mirrored instead: the
 * binary's path relative to `dist/` is written in `path.txt`, and ELECTRON_OVERRIDE_DIST_PATH
 * points at another folder holding it.
 */
import { join } from 'node:path';

export interface RuntimeFs {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

export interface TreeFs {
  statSync(path: string): { mtimeMs: number; isDirectory(): boolean };
  readdirSync(path: string): string[];
  existsSync(path: string): boolean;
}

export const DESKTOP_UNAVAILABLE =
  "Le moteur de l'application de bureau (Electron) n'est pas installé sur cet ordinateur : Parterre s'ouvre donc dans votre navigateur.";

export const DESKTOP_SQLITE_UNAVAILABLE =
  "La base de données n'a pas pu être préparée pour l'application de bureau (voir ci-dessus) : Parterre s'ouvre donc dans votre navigateur.";

/** The Electron executable if it is on disk, else null (never downloads). */
export function findElectronBinary(electronDir: string, env: NodeJS.ProcessEnv, fs: RuntimeFs): string | null {
  const pathFile = join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative || 'electron');
    return fs.existsSync(binary) ? binary : null;
  }
  if (!relative) return null;
  const binary = join(electronDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

/** The newest modification time of any file under these paths (folders walked, node_modules skipped). */
export function newestMtime(paths: string[], fs: TreeFs): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!fs.existsSync(path)) return;
    const info = fs.statSync(path);
    if (!info.isDirectory()) {
      newest = Math.max(newest, info.mtimeMs);
      return;
    }
    for (const entry of fs.readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
  };
  paths.forEach(visit);
  return newest;
}

/** The built renderer is missing or older than one of its sources. */
export function rendererNeedsBuild(builtIndex: string, sources: string[], fs: TreeFs): boolean {
  if (!fs.existsSync(builtIndex)) return true;
  return newestMtime(sources, fs) > fs.statSync(builtIndex).mtimeMs;
}

export interface StartOptions {
  port?: number;
  db?: string;
  /** Print the address only, without opening a browser. */
  noOpen?: boolean;
}

/** `--port N`, `--port=N`, `--db PATH`, `--db=PATH`, `--no-open`; anything else is an error in French. */
export function parseStartArgs(argv: string[]): StartOptions {
  const options: StartOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new Error(`Option ${flag} : une valeur est attendue.`);
      return next;
    };
    if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(`Option --port : « ${argv[i].replace(/^--port=?/, '')} » n'est pas un numéro de port (1 à 65535).`);
      }
      options.port = port;
    } else if (flag === '--db') {
      options.db = value();
    } else if (flag === '--no-open' && inline === undefined) {
      options.noOpen = true;
    } else {
      throw new Error(`Option inconnue : « ${argv[i]} » (attendu --port N, --db CHEMIN ou --no-open).`);
    }
  }
  return options;
}

export function browserModeMessage(url: string): string {
  return `Parterre est ouvert à l'adresse ${url} (Ctrl+C pour arrêter).`;
}

/** The command that opens `url` in the default browser on this platform. */
export function browserOpenCommand(
  platform: NodeJS.Platform,
  url: string,
): { command: string; args: string[]; windowsVerbatimArguments?: boolean } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') {
    // `start` is a command of cmd.exe, not a program; its first quoted argument is a window
    // title, hence the empty one. Quoted whole so that cmd reads & or ^ in the address as text.
    return { command: 'cmd', args: ['/d', '/s', '/c', `start "" "${url}"`], windowsVerbatimArguments: true };
  }
  // Linux and the BSDs: the desktop's own choice of browser.
  return { command: 'xdg-open', args: [url] };
}

export interface Spawner {
  (
    command: string,
    args: string[],
    options: { detached: boolean; stdio: 'ignore'; windowsVerbatimArguments?: boolean },
  ): { on(event: 'error', listener: (error: Error) => void): unknown; unref(): void };
}

/**
 * Opens the address in the default browser, unless PARTERRE_NO_OPEN=1 or --no-open (tests,
 * servers without a desktop). Never fails: without a browser opener the printed address remains.
 * Returns whether an opener was started.
 */
export function openInBrowser(url: string, options: { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; spawn: Spawner; noOpen?: boolean }): boolean {
  if (options.noOpen || options.env.PARTERRE_NO_OPEN === '1') return false;
  const { command, args, windowsVerbatimArguments } = browserOpenCommand(options.platform, url);
  try {
    const child = options.spawn(command, args, { detached: true, stdio: 'ignore', ...(windowsVerbatimArguments ? { windowsVerbatimArguments } : {}) });
    // A missing xdg-open is reported here, asynchronously: ignored, the address is printed anyway.
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
