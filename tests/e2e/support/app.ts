/**
 * Starts Parterre the way a user would (`parterre serve --port 0`) on a fresh database in a
 * temporary folder, and reads the printed address. The command line is also the independent
 * witness the tests compare the screens against.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { CallInput, CallName, CallOutput, CallResult } from '../../../shared/contract.js';

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/parterre.mjs');

export interface RunningApp {
  dir: string;
  dbPath: string;
  url: string;
  origin: string;
  token: string;
  /** Calls the engine through the same HTTP door as the page. */
  rpc<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /** `parterre <args> --db <this db> --json`, parsed. */
  cli<T>(...args: string[]): Promise<T>;
  stop(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'parterre-e2e-'));
  const dbPath = join(dir, 'parterre.sqlite');
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--db', dbPath, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`parterre serve did not print its address:\n${out}\n${err}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parterre serve exited (${code}):\n${out}\n${err}`));
    });
  });
  const origin = new URL(url).origin;
  const token = url.split('#token=')[1];

  return {
    dir,
    dbPath,
    url,
    origin,
    token,
    async rpc(name, input) {
      const response = await fetch(`${origin}/rpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ name, input }),
      });
      const result = (await response.json()) as CallResult<never>;
      if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async cli<T>(...args: string[]) {
      const { stdout } = await run(process.execPath, [BIN, ...args, '--db', dbPath, '--json'], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
      return JSON.parse(stdout) as T;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGINT');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}

/** A demo export of about `lines` ticket lines, written by the seeded demo generator. */
export async function generateDemo(path: string, lines: number): Promise<{ path: string; lines: number; bytes: number }> {
  const script = `import { generateDemoExport } from ${JSON.stringify(join(ROOT, 'resources/demo/generate.ts'))};
const result = await generateDemoExport({ path: ${JSON.stringify(path)}, lines: ${lines} });
process.stdout.write(JSON.stringify(result));`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT });
  return JSON.parse(stdout) as { path: string; lines: number; bytes: number };
}
