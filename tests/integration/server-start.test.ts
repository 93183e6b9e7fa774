/**
 * `npm start` where no Electron runtime exists (as on this machine): one French sentence, then
 * browser mode and its address, which answers calls with the printed token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DESKTOP_UNAVAILABLE } from '../../electron/desktop/runtime.js';
import { tempDir } from '../helpers/temp-db.js';

const root = join(import.meta.dirname, '..', '..');
const dataDir = tempDir('parterre-start-');
const noElectron = tempDir('parterre-no-electron-');
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  rmSync(noElectron, { recursive: true, force: true });
});

/** Runs bin/start.mjs until it prints the address (or fails). */
function startUntilAddress(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [join(root, 'bin', 'start.mjs'), ...args], {
      cwd: root,
      env: {
        ...process.env,
        PARTERRE_DATA_DIR: dataDir,
        PARTERRE_NO_BUILD: '1',
        // Never a browser window from a test.
        PARTERRE_NO_OPEN: '1',
        // An empty folder as Electron's dist: the runtime is certainly absent.
        ELECTRON_OVERRIDE_DIST_PATH: noElectron,
      },
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.test(out)) resolve(out.trim().split('\n'));
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`start.mjs exited (${code}): ${out}${err}`)));
  });
}

describe('npm start without an Electron runtime', () => {
  it('prints the sentence, then an address that serves the engine', async () => {
    const lines = await startUntilAddress(['--db', join(dataDir, 'autre.sqlite')]);
    expect(lines[0]).toBe(DESKTOP_UNAVAILABLE);
    expect(lines).toHaveLength(2);
    const match = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/.exec(lines[1])!;
    const [, port, token] = match;
    const response = await fetch(`http://127.0.0.1:${port}/rpc`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'app.info', input: {} }),
    });
    const result = (await response.json()) as { ok: boolean; value: { dbPath: string } };
    // --db was passed through: the engine opened that file, not <data>/parterre.sqlite.
    expect(result).toMatchObject({ ok: true, value: { dbPath: join(dataDir, 'autre.sqlite') } });
  });
});
