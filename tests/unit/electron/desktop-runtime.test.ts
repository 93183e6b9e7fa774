import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronSqliteBinding,
  electronSqliteDir,
  ensureElectronSqlite,
  fetchElectron,
  type CopyFs,
  type Spawner,
} from '../../../electron/desktop/desktop-runtime.js';

function recordingSpawner(results: boolean[], onRun: (args: string[]) => void = () => {}) {
  const calls: { command: string; args: string[]; cwd: string }[] = [];
  const spawn: Spawner = (command, args, { cwd }) => {
    calls.push({ command, args, cwd });
    onRun(args);
    return { ok: results[calls.length - 1] ?? false, output: `run ${calls.length}\n` };
  };
  return { spawn, calls };
}

function fakeFs(existing: string[]) {
  const files = new Set(existing);
  const copies: [string, string][] = [];
  const fs: CopyFs = {
    existsSync: (path) => files.has(path),
    cpSync: (from, to) => void copies.push([from, to]),
    rmSync: (path) => void files.delete(path),
  };
  return { fs, files, copies };
}

describe('fetching Electron at first launch', () => {
  it("runs Electron's own installer and reports whether it worked", () => {
    const ok = recordingSpawner([true]);
    expect(fetchElectron('/app/node_modules/electron', {}, ok.spawn)).toBe(true);
    expect(ok.calls[0].args).toEqual(['/app/node_modules/electron/install.js']);
    expect(fetchElectron('/e', {}, recordingSpawner([false]).spawn)).toBe(false);
  });
  it('does not even try where downloads are switched off (CI, offline machines)', () => {
    const never = recordingSpawner([true]);
    expect(fetchElectron('/e', { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, never.spawn)).toBe(false);
    expect(never.calls).toHaveLength(0);
  });
});

describe('better-sqlite3 for Electron', () => {
  const root = '/app';
  const binding = electronSqliteBinding(root, '45.4.1');

  it('is kept apart from the Node build, per Electron version', () => {
    expect(electronSqliteDir(root, '45.4.1')).toBe(join(root, 'node_modules', '.cache', 'parterre', 'better-sqlite3-electron-45.4.1'));
    expect(binding.endsWith(join('build', 'Release', 'better_sqlite3.node'))).toBe(true);
  });

  it('is reused once built, without running anything', () => {
    const { fs } = fakeFs([binding]);
    const spawner = recordingSpawner([]);
    expect(ensureElectronSqlite(root, '45.4.1', fs, spawner.spawn).binding).toBe(binding);
    expect(spawner.calls).toHaveLength(0);
  });

  it('copies the module, tries a prebuilt binary, then a compile against Electron headers', () => {
    const { fs, files, copies } = fakeFs([]);
    // The prebuilt download fails; the compile succeeds and leaves the binding on disk.
    const spawner = recordingSpawner([false, true], (args) => {
      if (args.includes('node-gyp')) files.add(binding);
    });
    const result = ensureElectronSqlite(root, '45.4.1', fs, spawner.spawn);
    expect(result.binding).toBe(binding);
    expect(copies).toEqual([[join(root, 'node_modules', 'better-sqlite3'), electronSqliteDir(root, '45.4.1')]]);
    expect(spawner.calls.map((c) => c.args[1])).toEqual(['prebuild-install', 'node-gyp']);
    for (const call of spawner.calls) {
      expect(call.cwd).toBe(electronSqliteDir(root, '45.4.1'));
      expect(call.args).toContain('--runtime=electron');
      expect(call.args).toContain('--target=45.4.1');
    }
  });

  it('says it could not, with what the tools printed', () => {
    const { fs } = fakeFs([]);
    const result = ensureElectronSqlite(root, '45.4.1', fs, recordingSpawner([false, false]).spawn);
    expect(result.binding).toBeNull();
    expect(result.output).toBe('run 1\nrun 2\n');
  });
});
