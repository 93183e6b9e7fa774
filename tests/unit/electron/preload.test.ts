import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 1 })), on: vi.fn(), removeListener: vi.fn() },
  webUtils: { getPathForFile: vi.fn((file: File) => `/media/usb/${file.name}`) },
}));
vi.mock('electron', () => electron);

await import('../../../electron/desktop/preload.js');
const [[key, api]] = electron.contextBridge.exposeInMainWorld.mock.calls as unknown as [
  [string, { invoke(name: string, input?: unknown): Promise<unknown>; on(listener: (event: unknown) => void): () => void }],
];

describe('preload', () => {
  it('exposes exactly window.parterre = { invoke, on }', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(key).toBe('parterre');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke sends {name, input} on parterre:invoke and returns its answer', async () => {
    await expect(api.invoke('seasons.list', {})).resolves.toEqual({ ok: true, value: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('parterre:invoke', { name: 'seasons.list', input: {} });
  });

  it('reads the path of a dropped file itself and hands it to the main process on its own channel', async () => {
    electron.ipcRenderer.invoke.mockClear();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { path: '/media/usb/export.csv' } } as never);
    const file = new File(['a;b'], 'export.csv');
    await expect(api.invoke('dialog.pathOfDroppedFile', { file })).resolves.toEqual({ ok: true, value: { path: '/media/usb/export.csv' } });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('parterre:dropped', '/media/usb/export.csv');
  });

  it('sends nothing for something that is not a dropped file (a made-up File has no path)', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await expect(api.invoke('dialog.pathOfDroppedFile', { file: 'not a file' })).resolves.toMatchObject({ ok: false });
    electron.webUtils.getPathForFile.mockReturnValueOnce('');
    await expect(api.invoke('dialog.pathOfDroppedFile', { file: new File([''], 'fabriqué.csv') })).resolves.toMatchObject({ ok: false });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('never lets the page reach the drop channel through invoke', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await api.invoke('parterre:dropped', '/etc/passwd');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('parterre:invoke', { name: 'parterre:dropped', input: '/etc/passwd' });
  });

  it('on passes the event payload only, and its return value unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.on(listener);
    const [channel, relay] = electron.ipcRenderer.on.mock.calls[0] as unknown as [string, (e: unknown, p: unknown) => void];
    expect(channel).toBe('parterre:event');
    const ipcEvent = { sender: 'ipcRenderer itself' };
    relay(ipcEvent, { type: 'menu', action: 'import' });
    expect(listener).toHaveBeenCalledWith({ type: 'menu', action: 'import' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('parterre:event', relay);
  });
});
