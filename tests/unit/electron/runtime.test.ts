import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbPathArgument } from '../../../electron/desktop/app-paths.js';
import {
  DESKTOP_UNAVAILABLE,
  findElectronBinary,
  parseStartArgs,
  rendererNeedsBuild,
  type RuntimeFs,
  type TreeFs,
} from '../../../electron/desktop/runtime.js';

/** A fake file system: a map of path → content. */
function fakeFs(files: Record<string, string>): RuntimeFs {
  return {
    existsSync: (path) => path in files,
    readFileSync: (path) => {
      if (!(path in files)) throw new Error(`ENOENT ${path}`);
      return files[path];
    },
  };
}

/** A fake tree: path → modification time, folders implied by the paths under them. */
function fakeTree(mtimes: Record<string, number>): TreeFs {
  const isDir = (path: string) => Object.keys(mtimes).some((file) => file.startsWith(path + '/'));
  return {
    existsSync: (path) => path in mtimes || isDir(path),
    statSync: (path) => ({ mtimeMs: mtimes[path] ?? 0, isDirectory: () => isDir(path) }),
    readdirSync: (path) => [
      ...new Set(
        Object.keys(mtimes)
          .filter((file) => file.startsWith(path + '/'))
          .map((file) => file.slice(path.length + 1).split('/')[0]),
      ),
    ],
  };
}

const dir = '/projet/node_modules/electron';

describe('finding the Electron runtime without downloading it', () => {
  it('finds the binary named in path.txt under dist/', () => {
    const fs = fakeFs({ [join(dir, 'path.txt')]: 'electron', [join(dir, 'dist', 'electron')]: '' });
    expect(findElectronBinary(dir, {}, fs)).toBe(join(dir, 'dist', 'electron'));
  });

  it('reports none when path.txt is missing (the binary was never fetched)', () => {
    expect(findElectronBinary(dir, {}, fakeFs({}))).toBeNull();
  });

  it('reports none when path.txt names a binary that is not on disk', () => {
    expect(findElectronBinary(dir, {}, fakeFs({ [join(dir, 'path.txt')]: 'electron' }))).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(findElectronBinary(dir, env, fakeFs({ '/opt/electron/electron': '' }))).toBe('/opt/electron/electron');
    expect(findElectronBinary(dir, env, fakeFs({}))).toBeNull();
  });

  it('finds nothing on this machine, where the binary was never downloaded', async () => {
    const fs = await import('node:fs');
    const { createRequire } = await import('node:module');
    const { dirname } = await import('node:path');
    const real = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const expected = fs.existsSync(join(real, 'path.txt')) && fs.existsSync(join(real, 'dist', fs.readFileSync(join(real, 'path.txt'), 'utf8')));
    expect(findElectronBinary(real, {}, fs) !== null).toBe(expected);
  });

  it('says so in one French sentence', () => {
    expect(DESKTOP_UNAVAILABLE.split(/[.!?](\s|$)/).filter((part) => part.trim()).length).toBe(1);
    expect(DESKTOP_UNAVAILABLE).toMatch(/navigateur/);
  });
});

describe('deciding to rebuild the renderer', () => {
  const index = '/projet/dist/renderer/index.html';
  const sources = ['/projet/renderer', '/projet/shared'];

  it('builds when the built index is missing', () => {
    expect(rendererNeedsBuild(index, sources, fakeTree({ '/projet/renderer/App.tsx': 100 }))).toBe(true);
  });

  it('builds when a source, however deep, is newer than the build', () => {
    const tree = fakeTree({ [index]: 200, '/projet/renderer/App.tsx': 100, '/projet/renderer/pages/deep/Page.tsx': 300 });
    expect(rendererNeedsBuild(index, sources, tree)).toBe(true);
  });

  it('does not build when every source is older', () => {
    const tree = fakeTree({ [index]: 200, '/projet/renderer/App.tsx': 100, '/projet/shared/contract.ts': 150 });
    expect(rendererNeedsBuild(index, sources, tree)).toBe(false);
  });
});

describe('start options', () => {
  it('reads --port and --db in both spellings', () => {
    expect(parseStartArgs(['--port', '8123', '--db', 'essai.sqlite'])).toEqual({ port: 8123, db: 'essai.sqlite' });
    expect(parseStartArgs(['--port=9000', '--db=/tmp/a=b.sqlite'])).toEqual({ port: 9000, db: '/tmp/a=b.sqlite' });
    expect(parseStartArgs([])).toEqual({});
  });

  it('refuses a bad port, a missing value or an unknown option, in French', () => {
    expect(() => parseStartArgs(['--port', 'abc'])).toThrow(/numéro de port/);
    expect(() => parseStartArgs(['--port', '70000'])).toThrow(/numéro de port/);
    expect(() => parseStartArgs(['--db'])).toThrow(/valeur est attendue/);
    expect(() => parseStartArgs(['--verbose'])).toThrow(/Option inconnue/);
  });

  it('finds --db among Electron’s own arguments', () => {
    expect(dbPathArgument(['/usr/bin/electron', '.', '--db', '/data/x.sqlite'])).toBe('/data/x.sqlite');
    expect(dbPathArgument(['/usr/bin/electron', '.', '--db=/data/y.sqlite'])).toBe('/data/y.sqlite');
    expect(dbPathArgument(['/usr/bin/electron', '.'])).toBeUndefined();
  });
});
