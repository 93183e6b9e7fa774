#!/usr/bin/env node
// `npm start`: builds what is missing, then opens Parterre — in its desktop window when an
// Electron runtime is installed, otherwise in the browser (browser mode on 127.0.0.1).
// Options: --port N (browser mode), --db PATH (another database file), --no-open (browser mode:
// print the address without opening the browser; PARTERRE_NO_OPEN=1 does the same, for tests).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The engine runs from its TypeScript sources in browser mode, like the command line.
register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runtime = await import('../electron/desktop/runtime.ts');
const { defaultDataDir } = await import('../electron/data-dir.ts');

let options;
try {
  options = runtime.parseStartArgs(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const rendererIndex = join(root, 'dist', 'renderer', 'index.html');
const rendererSources = ['renderer', 'shared'].map((path) => join(root, path));
// PARTERRE_NO_BUILD=1: the caller built already (tests, scripts); never rebuild behind its back.
if (process.env.PARTERRE_NO_BUILD !== '1' && runtime.rendererNeedsBuild(rendererIndex, rendererSources, fs)) {
  console.log("Construction de l'interface…");
  const built = spawnSync(npm, ['run', '--silent', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error("La construction de l'interface a échoué (npm run build:renderer) : voir les messages ci-dessus.");
    process.exit(built.status ?? 1);
  }
}

// Resolving electron/package.json does not run electron/index.js, which would download the binary.
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(fs.readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const desktop = await import('../electron/desktop/desktop-runtime.ts');
const quietly = (command, args, { cwd, timeoutMs }) => {
  const result = spawnSync(command, args, { cwd, timeout: timeoutMs, encoding: 'utf8', shell: process.platform === 'win32' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
};

let binary = runtime.findElectronBinary(electronDir, process.env, fs);
if (!binary && desktop.fetchElectron(electronDir, process.env, quietly)) {
  binary = runtime.findElectronBinary(electronDir, process.env, fs);
}
let sqliteBinding = null;
if (binary) {
  const prepared = desktop.ensureElectronSqlite(root, electronVersion, fs, quietly);
  sqliteBinding = prepared.binding;
  if (!sqliteBinding) console.error(prepared.output.trim().split('\n').slice(-5).join('\n'));
}

if (binary && sqliteBinding) {
  if (process.env.PARTERRE_NO_BUILD !== '1') {
    const { buildElectron } = await import('../scripts/build-electron.mjs');
    await buildElectron();
  }
  const args = [root, ...(options.db ? ['--db', resolve(options.db)] : [])];
  const env = { ...process.env, PARTERRE_SQLITE_BINDING: sqliteBinding };
  const child = spawn(binary, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('close', (code) => process.exit(code ?? 1));
} else {
  console.log(binary ? runtime.DESKTOP_SQLITE_UNAVAILABLE : runtime.DESKTOP_UNAVAILABLE);
  const { startServer } = await import('../electron/server/server.ts');
  const dataDir = defaultDataDir(process.env);
  fs.mkdirSync(dataDir, { recursive: true });
  const dbPath = options.db ? resolve(options.db) : join(dataDir, 'parterre.sqlite');
  let server;
  try {
    server = await startServer({ dbPath, dataDir, port: options.port });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  // The address carries its token: the browser opens on it, so nobody copies 90 characters by hand.
  // Printed as well: the opener may be missing (no desktop), or open another profile than wanted.
  runtime.openInBrowser(server.url, { platform: process.platform, env: process.env, spawn, noOpen: options.noOpen });
  console.log(runtime.browserModeMessage(server.url));
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
