/**
 * The command line's bundle is rebuilt exactly when one of its inputs changed: a source it was
 * built from, a file added to or removed from the copied migrations, or the bundle gone. Run on a
 * tiny project of its own in a temporary folder; modification times are set explicitly, never
 * waited for.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript module (bin/parterre.mjs imports it without a loader)
import { ensureBundle } from '../../../scripts/cli-bundle.mjs';
import { tempDir } from '../../helpers/temp-db.js';

interface Bundle {
  dir: string;
  rebuilt: boolean;
  reason: string | null;
}

const root = tempDir('parterre-bundle-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cacheDir = join(root, 'cache');
const entries = { cli: 'src/cli.ts', worker: 'src/worker.ts' };
const assets = { migrations: 'db/migrations' };
const ensure = () => ensureBundle({ root, cacheDir, entries, assets }) as Promise<Bundle | null>;
const write = (file: string, text: string, mtimeSeconds?: number) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
  if (mtimeSeconds !== undefined) utimesSync(join(root, file), mtimeSeconds, mtimeSeconds);
};
const run = (bundle: Bundle) => execFileSync(process.execPath, [join(bundle.dir, 'cli.js')], { encoding: 'utf8' }).trim();

write('src/message.ts', "export const message: string = 'un';\n", 1_700_000_000);
write('src/cli.ts', "import { message } from './message.js';\nimport { shout } from 'fake-package';\nconsole.log(shout(message));\n", 1_700_000_000);
// A package, bundled too: its files are not watched one by one, npm's lock file stands for them.
write('node_modules/fake-package/package.json', '{ "name": "fake-package", "type": "module", "main": "index.js" }\n', 1_700_000_000);
write('node_modules/fake-package/index.js', 'export const shout = (text) => text;\n', 1_700_000_000);
write('node_modules/.package-lock.json', '{ "lockfileVersion": 3 }\n', 1_700_000_000);
write('src/worker.ts', "import { message } from './message.js';\nexport const echo = message;\n", 1_700_000_000);
write('db/migrations/0000_first.sql', 'CREATE TABLE a (x INTEGER) STRICT;\n', 1_700_000_000);

describe('the command line bundle', () => {
  it('is built on the first run, with the migrations beside it, then reused', async () => {
    const first = (await ensure())!;
    expect(first.rebuilt).toBe(true);
    expect(run(first)).toBe('un');
    const again = (await ensure())!;
    expect(again).toMatchObject({ rebuilt: false, reason: null, dir: first.dir });
  });

  it('is rebuilt when a source it imports is newer, even at the same size', async () => {
    write('src/message.ts', "export const message: string = 'ds';\n", 1_700_000_100);
    const bundle = (await ensure())!;
    expect(bundle.rebuilt).toBe(true);
    expect(bundle.reason).toBe('src/message.ts changed');
    expect(run(bundle)).toBe('ds');
    expect((await ensure())!.rebuilt).toBe(false);
  });

  it('is rebuilt when a source is restored with an older time (a checkout)', async () => {
    write('src/message.ts', "export const message: string = 'trois';\n", 1_600_000_000);
    const bundle = (await ensure())!;
    expect(bundle.rebuilt).toBe(true);
    expect(run(bundle)).toBe('trois');
  });

  it('is rebuilt after an install (npm rewrites its lock file in node_modules)', async () => {
    write('node_modules/fake-package/index.js', 'export const shout = (text) => text.toUpperCase();\n', 1_700_000_300);
    write('node_modules/.package-lock.json', '{ "lockfileVersion": 3, "packages": {} }\n', 1_700_000_300);
    const bundle = (await ensure())!;
    expect(bundle).toMatchObject({ rebuilt: true, reason: 'node_modules/.package-lock.json changed' });
    expect(run(bundle)).toBe('TROIS');
    write('node_modules/fake-package/index.js', 'export const shout = (text) => text;\n', 1_700_000_400);
    write('node_modules/.package-lock.json', '{ "lockfileVersion": 3 }\n', 1_700_000_400);
    expect(run((await ensure())!)).toBe('trois');
  });

  it('is rebuilt when a migration is added', async () => {
    write('db/migrations/0001_second.sql', 'CREATE TABLE b (x INTEGER) STRICT;\n', 1_700_000_000);
    const bundle = (await ensure())!;
    expect(bundle).toMatchObject({ rebuilt: true, reason: 'db/migrations has files added or removed' });
    expect(execFileSync('ls', [join(bundle.dir, 'migrations')], { encoding: 'utf8' }).split('\n')).toContain('0001_second.sql');
  });

  it('is rebuilt when its folder was removed, and never when nothing changed', async () => {
    const current = (await ensure())!;
    expect(current.rebuilt).toBe(false);
    rmSync(current.dir, { recursive: true, force: true });
    const rebuilt = (await ensure())!;
    expect(rebuilt).toMatchObject({ rebuilt: true, reason: 'bundle folder missing' });
    expect(run(rebuilt)).toBe('trois');
  });

  it('gives way to the sources when it cannot be built', async () => {
    write('src/cli.ts', 'this is not TypeScript (\n', 1_700_000_200);
    expect(await ensure()).toBeNull();
  });
});
