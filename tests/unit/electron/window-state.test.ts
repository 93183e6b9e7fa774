import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, loadWindowState, saveWindowState } from '../../../electron/desktop/window-state.js';
import { resolveAppPaths } from '../../../electron/desktop/app-paths.js';
import { tempDir } from '../../helpers/temp-db.js';

const dir = tempDir('parterre-window-');
const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('remembers size, position and maximized across a save and a load', () => {
    const path = join(dir, 'sous-dossier', 'window-state.json');
    saveWindowState(path, { x: 120, y: 80, width: 1400, height: 900, maximized: true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ x: 120, y: 80, width: 1400, height: 900, maximized: true });
    expect(loadWindowState(path, screen)).toEqual({ x: 120, y: 80, width: 1400, height: 900, maximized: true });
  });

  it('falls back to the default size when the file is missing, broken or absurd', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "width": ');
    const tiny = join(dir, 'tiny.json');
    writeFileSync(tiny, JSON.stringify({ width: 10, height: 10 }));
    for (const path of [join(dir, 'absent.json'), broken, tiny]) {
      expect(loadWindowState(path, screen)).toEqual({ ...DEFAULT_SIZE, maximized: false });
    }
  });

  it('forgets a position that is on no screen any more (an unplugged monitor), keeping the size', () => {
    const path = join(dir, 'offscreen.json');
    saveWindowState(path, { x: 2500, y: 100, width: 1000, height: 700, maximized: false });
    expect(loadWindowState(path, screen)).toEqual({ width: 1000, height: 700, maximized: false });
    // The same place is kept while a second monitor is there.
    const twoScreens = [...screen, { x: 1920, y: 0, width: 1920, height: 1080 }];
    expect(loadWindowState(path, twoScreens)).toMatchObject({ x: 2500, y: 100 });
  });
});

describe('app paths', () => {
  it('keeps data in userData unless PARTERRE_DATA_DIR says otherwise', () => {
    const base = { userData: '/home/u/.config/Parterre', appPath: '/opt/parterre' };
    expect(resolveAppPaths({ ...base, env: {} }).dbPath).toBe(join('/home/u/.config/Parterre', 'parterre.sqlite'));
    const custom = resolveAppPaths({ ...base, env: { PARTERRE_DATA_DIR: '/mnt/données' } });
    expect(custom.dataDir).toBe('/mnt/données');
    expect(custom.dbPath).toBe(join('/mnt/données', 'parterre.sqlite'));
    expect(custom.windowStatePath).toBe(join('/mnt/données', 'window-state.json'));
    // The window's page comes from the app's own scheme, never a file URL.
    expect(custom.appUrl).toBe('app://parterre/index.html');
    expect(custom.rendererDir).toBe(join('/opt/parterre', 'dist', 'renderer'));
  });
});
