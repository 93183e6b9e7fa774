/**
 * Makes the desktop runtime ready on a developer's machine, in plain Node, before `npm start`
 * launches Electron:
 * - Electron 45+ downloads its binary at first launch, not at install: fetch it once, quietly,
 *   and give up at once where there is no network (then browser mode opens instead);
 * - better-sqlite3 is compiled for Node's ABI (the command line and the tests use it); Electron
 *   needs its own build. It is made once into a cache folder beside node_modules and handed to
 *   the engine through PARTERRE_SQLITE_BINDING, so the Node build stays as it is. A packaged app
 *   does not need this: electron-builder rebuilds native modules for Electron.
 */
import { join } from 'node:path';

export interface Spawner {
  (command: string, args: string[], options: { cwd: string; timeoutMs: number }): { ok: boolean; output: string };
}

export interface CopyFs {
  existsSync(path: string): boolean;
  cpSync(from: string, to: string, options: { recursive: true }): void;
  rmSync(path: string, options: { recursive: true; force: true }): void;
}

/** Runs Electron's own installer (node_modules/electron/install.js); false when it could not. */
export function fetchElectron(electronDir: string, env: NodeJS.ProcessEnv, spawn: Spawner): boolean {
  // CI and offline machines say so explicitly: no attempt, no noise.
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return false;
  return spawn(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, timeoutMs: 300_000 }).ok;
}

export function electronSqliteDir(root: string, electronVersion: string): string {
  return join(root, 'node_modules', '.cache', 'parterre', `better-sqlite3-electron-${electronVersion}`);
}

export function electronSqliteBinding(root: string, electronVersion: string): string {
  return join(electronSqliteDir(root, electronVersion), 'build', 'Release', 'better_sqlite3.node');
}

/**
 * The path of better-sqlite3 built for this Electron, building it first if needed (a prebuilt
 * binary when one is published, else a compile against Electron's headers); null when neither
 * worked, with the tools' output for the message.
 */
export function ensureElectronSqlite(
  root: string,
  electronVersion: string,
  fs: CopyFs,
  spawn: Spawner,
): { binding: string | null; output: string } {
  const binding = electronSqliteBinding(root, electronVersion);
  if (fs.existsSync(binding)) return { binding, output: '' };
  const dir = electronSqliteDir(root, electronVersion);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(join(root, 'node_modules', 'better-sqlite3'), dir, { recursive: true });
  fs.rmSync(join(dir, 'build'), { recursive: true, force: true });
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const target = ['--runtime=electron', `--target=${electronVersion}`];
  const attempts = [
    [npx, ['--yes', 'prebuild-install', ...target]],
    [npx, ['--yes', 'node-gyp', 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers']],
  ] as const;
  let output = '';
  for (const [command, args] of attempts) {
    const result = spawn(command, [...args], { cwd: dir, timeoutMs: 600_000 });
    output += result.output;
    if (result.ok && fs.existsSync(binding)) return { binding, output };
  }
  return { binding: null, output };
}
