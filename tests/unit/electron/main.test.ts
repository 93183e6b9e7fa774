/**
 * main.ts wired against a mocked Electron and a mocked engine: the window it opens, the session
 * locks, the one IPC channel, the data folder, the menu and the event relay.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-db.js';
import { FakeSession, FakeWebContents } from './fake-electron.js';

const root = tempDir('parterre-main-');
const appPath = join(root, 'app');
const dataDir = join(root, 'données');
mkdirSync(join(appPath, 'dist', 'renderer'), { recursive: true });
writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html>');
vi.stubEnv('PARTERRE_DATA_DIR', dataDir);

const mocks = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; webContents: unknown; loadURL: ReturnType<typeof import('vitest').vi.fn> }[] = [];
  const order: string[] = [];
  return {
    windows,
    order,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => order.push('handle')),
    },
    session: { value: null as unknown },
    ipcMain: { handle: vi.fn(), on: vi.fn(), removeHandler: vi.fn() },
    menuTemplates: [] as unknown[],
    engineListeners: [] as ((event: unknown) => void)[],
    startEngine: vi.fn(),
    app: {
      getPath: vi.fn(() => '/appData'),
      getAppPath: vi.fn(),
      setPath: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: vi.fn(() => (order.push('whenReady'), Promise.resolve())),
      on: vi.fn(),
      quit: vi.fn(),
      isPackaged: false,
    },
  };
});
mocks.app.getAppPath.mockReturnValue(appPath);
mocks.session.value = new FakeSession();

vi.mock('electron', async () => {
  const { FakeWebContents } = await import('./fake-electron.js');
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    constructor(readonly options: Record<string, unknown>) {
      super();
      mocks.windows.push(this as never);
    }
    isDestroyed = () => false;
    maximize = vi.fn();
    show = vi.fn();
  }
  return {
    app: mocks.app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn() },
    ipcMain: mocks.ipcMain,
    protocol: mocks.protocol,
    Menu: {
      buildFromTemplate: (template: unknown) => (mocks.menuTemplates.push(template), template),
      setApplicationMenu: vi.fn(),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      get defaultSession() {
        return mocks.session.value;
      },
    },
  };
});
vi.mock('../../../electron/engine/client.js', () => ({
  startEngine: mocks.startEngine.mockImplementation(() => ({
    callRaw: vi.fn(async () => ({ ok: true, value: null })),
    on: (listener: (event: unknown) => void) => (mocks.engineListeners.push(listener), () => undefined),
    close: vi.fn(async () => undefined),
  })),
}));

await import('../../../electron/desktop/main.js');
await new Promise((resolve) => setImmediate(resolve));

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('main process', () => {
  it('starts the engine on <PARTERRE_DATA_DIR>/parterre.sqlite', () => {
    expect(mocks.startEngine).toHaveBeenCalledWith({ dbPath: join(dataDir, 'parterre.sqlite'), dataDir });
  });

  it('opens one window with the locked web preferences and the built renderer', () => {
    expect(mocks.windows).toHaveLength(1);
    const [window] = mocks.windows;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(appPath, 'dist-electron', 'preload.cjs'),
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://parterre/index.html');
  });

  it('declares app:// privileged before the app is ready, then serves it from the built renderer', async () => {
    expect(mocks.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(mocks.order.indexOf('whenReady'));
    expect(mocks.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const [scheme, handler] = mocks.protocol.handle.mock.calls[0] as unknown as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://parterre/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('locks every web contents the app creates, not just the main window', () => {
    const [, listener] = mocks.app.on.mock.calls.find((call) => call[0] === 'web-contents-created') as unknown as [
      string,
      (event: unknown, contents: FakeWebContents) => void,
    ];
    const contents = new FakeWebContents();
    listener({}, contents);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('locks the window against navigation and new windows', () => {
    const contents = mocks.windows[0].webContents as FakeWebContents;
    const event = { preventDefault: vi.fn() };
    contents.emit('will-navigate', event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('locks the session: CSP header and no permission', () => {
    const session = mocks.session.value as FakeSession;
    expect(session.headersListener).not.toBeNull();
    const granted: boolean[] = [];
    session.permissionRequestHandler!({}, 'media', (value) => granted.push(value));
    expect(granted).toEqual([false]);
  });

  it('registers the call channel and the drop channel', () => {
    expect(mocks.ipcMain.handle.mock.calls.map((call) => call[0])).toEqual(['parterre:invoke', 'parterre:dropped']);
  });

  it('relays engine events and menu actions to the window on parterre:event', () => {
    const contents = mocks.windows[0].webContents as FakeWebContents;
    const progress = { type: 'import.progress', progress: { percent: 40 } };
    mocks.engineListeners.forEach((listener) => listener(progress));
    expect(contents.send).toHaveBeenCalledWith('parterre:event', progress);

    type Item = { label?: string; submenu?: Item[]; click?: () => void };
    const template = mocks.menuTemplates[0] as Item[];
    const item = (menu: string, label: string) =>
      template.find((entry) => entry.label === menu)!.submenu!.find((entry) => entry.label === label)!;
    item('Fichier', 'Importer…').click!();
    expect(contents.send).toHaveBeenLastCalledWith('parterre:event', { type: 'menu', action: 'import' });
    item('Aide', 'À propos de Parterre').click!();
    expect(contents.send).toHaveBeenLastCalledWith('parterre:event', { type: 'menu', action: 'about' });
    item('Fichier', 'Imprimer…').click!();
    expect(contents.print).toHaveBeenCalledOnce();
  });
});
