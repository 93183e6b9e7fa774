/**
 * `parterre serve`, the real command in its own process, beside a folder of the user's named
 * `uploads`: the folder and its file are still there after the server has stopped, and the
 * server's own upload folder is gone.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-db.js';

const root = join(import.meta.dirname, '..', '..');
const dataDir = tempDir('parterre-serve-');

afterAll(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

describe('parterre serve', () => {
  it('leaves the user’s own uploads folder and its file in place through start and stop', async () => {
    const mine = join(dataDir, 'uploads', 'abonnés 2024.csv');
    mkdirSync(join(dataDir, 'uploads'));
    writeFileSync(mine, 'N° client;Nom\n1;Dupont\n');

    const child = spawn(process.execPath, [join(root, 'bin', 'parterre.mjs'), 'serve', '--port', '0'], {
      cwd: root,
      env: { ...process.env, PARTERRE_DATA_DIR: dataDir },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let out = '';
    const address = await new Promise<RegExpExecArray>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/.exec(out);
        if (match) resolve(match);
      });
      void exited.then((code) => reject(new Error(`serve exited (${code}): ${out}`)));
    });
    const [, port, token] = address;
    const response = await fetch(`http://127.0.0.1:${port}/upload?name=billets.csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: 'a;b\n1;2\n',
    });
    const uploaded = ((await response.json()) as { value: { path: string } }).value.path;
    expect(existsSync(uploaded)).toBe(true);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(readFileSync(mine, 'utf8')).toBe('N° client;Nom\n1;Dupont\n');
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual(['abonnés 2024.csv']);
    expect(existsSync(uploaded)).toBe(false);
  });
});
