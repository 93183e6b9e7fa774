/**
 * `parterre serve` on a fresh install, where nothing has built the interface yet: it builds it
 * before serving (never a 404 page), and when it cannot, it says exactly what to run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../electron/cli/run.js';
import { appPackage } from '../../electron/engine/app-root.js';
import { tempDir } from '../helpers/temp-db.js';

const dir = tempDir('parterre-serve-');
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

/** Runs `parterre serve` with these env and build; resolves with the address once printed, or the exit. */
function serve(rendererDir: string, env: NodeJS.ProcessEnv, buildRenderer?: CliIo['buildRenderer']) {
  let stdout = '';
  let stderr = '';
  let interrupt: (() => void) | undefined;
  let sawAddress: (url: string) => void;
  const address = new Promise<string>((resolve) => (sawAddress = resolve));
  const done = runCli(['serve', '--db', join(dir, 'parterre.sqlite'), '--port', '0'], {
    stdout(text) {
      stdout += text;
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(stdout);
      if (match) sawAddress(match[0]);
    },
    stderr: (text) => void (stderr += text),
    env: { ...env, PARTERRE_RENDERER_DIR: rendererDir },
    onInterrupt(handler) {
      interrupt = handler;
      return () => (interrupt = undefined);
    },
    buildRenderer,
  });
  return {
    first: Promise.race([address.then((url) => ({ url })), done.then((code) => ({ code }))]),
    stop: () => interrupt?.(),
    done,
    output: () => ({ stdout, stderr }),
  };
}

describe('parterre serve without a built interface', () => {
  it('says what to run when it may not build (PARTERRE_NO_BUILD=1), and starts nothing', async () => {
    const empty = join(dir, 'no-build');
    const run = serve(empty, { PARTERRE_NO_BUILD: '1' }, () => {
      throw new Error('must not build');
    });
    expect(await run.first).toEqual({ code: 1 });
    const { stdout, stderr } = run.output();
    expect(stdout).toBe('');
    expect(stderr).toContain('« npm run build:renderer »');
    expect(stderr).toContain(appPackage().root);
    expect(stderr).toContain(join(empty, 'index.html'));
  });

  it('builds it first, then serves the page instead of a 404', async () => {
    const rendererDir = join(dir, 'built');
    const roots: string[] = [];
    const run = serve(rendererDir, {}, (root) => {
      roots.push(root);
      mkdirSync(rendererDir, { recursive: true });
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Parterre</title><div id="root"></div>');
      return { ok: true, output: '' };
    });
    const first = await run.first;
    expect(first).toHaveProperty('url');
    expect(roots).toEqual([appPackage().root]);
    expect(run.output().stderr).toContain("Construction de l'interface");
    const page = await fetch(new URL('/', (first as { url: string }).url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Parterre</title>');
    run.stop();
    expect(await run.done).toBe(0);
  });

  it('passes on the end of a failed build and what to run', async () => {
    const run = serve(join(dir, 'failed'), {}, () => ({ ok: false, output: 'vite: not found\n' }));
    expect(await run.first).toEqual({ code: 1 });
    const { stderr } = run.output();
    expect(stderr).toContain("n'a pas pu être construite");
    expect(stderr).toContain('vite: not found');
    expect(stderr).toContain('« npm run build:renderer »');
  });
});
