import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './fake-electron.js';

const ipcMain = vi.hoisted(() => ({ handle: vi.fn(), on: vi.fn(), removeHandler: vi.fn() }));
vi.mock('electron', () => ({ ipcMain }));

const { registerIpc, isTrustedSender, sendToWindow } = await import('../../../electron/desktop/ipc.js');

const APP_URL = 'app://parterre/index.html';

function setup() {
  const contents = new FakeWebContents();
  const window = { webContents: contents, isDestroyed: () => false };
  const engine = { callRaw: vi.fn(async () => ({ ok: true as const, value: 'réponse' })), grant: vi.fn() };
  const openFiles = vi.fn(async () => ['/clé/billets.csv', '/clé/clients.csv']);
  registerIpc({ engine, getWindow: () => window as never, appUrl: APP_URL, openFiles, chooseArchive: vi.fn(), chooseFolder: vi.fn() });
  const handler = ipcMain.handle.mock.calls[0][1] as (event: unknown, request: unknown) => Promise<unknown>;
  const dropped = ipcMain.handle.mock.calls[1][1] as (event: unknown, path: unknown) => unknown;
  const trustedEvent = () => ({ sender: contents, senderFrame: contents.mainFrame });
  return { contents, window, engine, openFiles, handler, dropped, trustedEvent };
}

beforeEach(() => vi.clearAllMocks());

describe('ipc', () => {
  it('registers the call channel and the preload’s drop channel with ipcMain.handle, and nothing else', () => {
    setup();
    expect(ipcMain.handle.mock.calls.map((call) => call[0])).toEqual(['parterre:invoke', 'parterre:dropped']);
    expect(ipcMain.on).not.toHaveBeenCalled();
  });

  it('forwards {name, input} from the main frame to the engine', async () => {
    const { handler, trustedEvent, engine } = setup();
    const result = await handler(trustedEvent(), { name: 'customers.list', input: { search: 'Dupont' } });
    expect(engine.callRaw).toHaveBeenCalledWith('customers.list', { search: 'Dupont' });
    expect(result).toEqual({ ok: true, value: 'réponse' });
  });

  it('accepts the app URL with a fragment (the renderer routes by fragment)', async () => {
    const { handler, contents, engine } = setup();
    contents.mainFrame.url = `${APP_URL}#/clients/42`;
    await handler({ sender: contents, senderFrame: contents.mainFrame }, { name: 'app.info', input: {} });
    expect(engine.callRaw).toHaveBeenCalledOnce();
  });

  it('refuses a sub-frame, another URL, another sender or no frame, without calling the engine', async () => {
    const { handler, contents, engine } = setup();
    const request = { name: 'customers.list', input: {} };
    const otherFrame = { url: APP_URL };
    const cases = {
      'a sub-frame': { sender: contents, senderFrame: otherFrame },
      'a page elsewhere': { sender: contents, senderFrame: contents.mainFrame, url: 'https://example.com/' },
      'another webContents': { sender: new FakeWebContents(), senderFrame: contents.mainFrame },
      'no frame': { sender: contents, senderFrame: null },
    };
    for (const [label, event] of Object.entries(cases)) {
      const saved = contents.mainFrame.url;
      if ('url' in event) contents.mainFrame.url = event.url;
      const result = await handler(event, request);
      contents.mainFrame.url = saved;
      expect(result, label).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(engine.callRaw).not.toHaveBeenCalled();
  });

  it('refuses a file URL that is not the app page', () => {
    const contents = new FakeWebContents();
    contents.mainFrame.url = 'file:///home/user/Téléchargements/page.html';
    const window = { webContents: contents, isDestroyed: () => false };
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame } as never, window as never, APP_URL)).toBe(
      false,
    );
  });

  it('answers dialog.openFiles with the native chooser, not the engine, and grants the engine the chosen paths', async () => {
    const { handler, trustedEvent, engine, openFiles, window } = setup();
    const result = await handler(trustedEvent(), { name: 'dialog.openFiles', input: {} });
    expect(result).toEqual({ ok: true, value: { paths: ['/clé/billets.csv', '/clé/clients.csv'] } });
    expect(openFiles).toHaveBeenCalledWith(window);
    expect(engine.grant).toHaveBeenCalledWith(['/clé/billets.csv', '/clé/clients.csv']);
    expect(engine.callRaw).not.toHaveBeenCalled();
  });

  it('grants nothing when the chooser is cancelled', async () => {
    const { handler, trustedEvent, engine, openFiles } = setup();
    openFiles.mockResolvedValueOnce([]);
    expect(await handler(trustedEvent(), { name: 'dialog.openFiles', input: {} })).toEqual({ ok: true, value: { paths: [] } });
    expect(engine.grant).not.toHaveBeenCalledWith(expect.arrayContaining([expect.any(String)]));
  });

  it('grants the path of a file dropped on the window, from the main frame only', async () => {
    const { dropped, trustedEvent, contents, engine } = setup();
    expect(dropped(trustedEvent(), '/media/clé/billets.csv')).toEqual({ ok: true, value: { path: '/media/clé/billets.csv' } });
    expect(engine.grant).toHaveBeenCalledWith(['/media/clé/billets.csv']);
    engine.grant.mockClear();
    expect(dropped({ sender: contents, senderFrame: { url: APP_URL } }, '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    for (const bad of ['', 'relatif.csv', 42, null, { path: '/x' }]) {
      expect(dropped(trustedEvent(), bad), String(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(engine.grant).not.toHaveBeenCalled();
  });

  it('forwards a path the window made up to the engine unchanged and grants nothing: the engine refuses it', async () => {
    const { handler, trustedEvent, engine } = setup();
    await handler(trustedEvent(), { name: 'imports.inspect', input: { paths: ['/home/u/.ssh/id_rsa'] } });
    expect(engine.callRaw).toHaveBeenCalledWith('imports.inspect', { paths: ['/home/u/.ssh/id_rsa'] });
    expect(engine.grant).not.toHaveBeenCalled();
  });

  it('refuses a page served from file://, even the renderer’s own index.html', () => {
    const contents = new FakeWebContents();
    contents.mainFrame.url = 'file:///app/dist/renderer/index.html';
    const window = { webContents: contents, isDestroyed: () => false };
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame } as never, window as never, APP_URL)).toBe(false);
  });

  it('refuses dialog.openFiles from an untrusted frame without opening a dialog', async () => {
    const { handler, contents, openFiles } = setup();
    await handler({ sender: contents, senderFrame: { url: APP_URL } }, { name: 'dialog.openFiles', input: {} });
    expect(openFiles).not.toHaveBeenCalled();
  });

  it('relays an event to the window on parterre:event', () => {
    const contents = new FakeWebContents();
    sendToWindow({ webContents: contents, isDestroyed: () => false } as never, { type: 'menu', action: 'about' });
    expect(contents.send).toHaveBeenCalledWith('parterre:event', { type: 'menu', action: 'about' });
  });
});
