/**
 * What the window may touch of the desktop: exactly `window.parterre = { invoke, on }`, nothing
 * else (no ipcRenderer, no Node). Runs sandboxed, so it is bundled to CommonJS by the build.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { EngineEvent } from '../../shared/contract.js';

// Repeated here rather than imported from ipc.ts, which imports ipcMain: a sandboxed preload may
// only require a few modules, and its bundle must not pull the main process's code.
const INVOKE_CHANNEL = 'parterre:invoke';
const EVENT_CHANNEL = 'parterre:event';
const DROP_CHANNEL = 'parterre:dropped';

const api = {
  invoke(name: string, input?: unknown): Promise<unknown> {
    // A dropped File has its path only here (webUtils is preload-only, a File cannot cross IPC).
    // The path goes to the main process on a channel of its own, so that the engine may read it:
    // a page can hand over a real File the user dropped, never a path it made up.
    if (name === 'dialog.pathOfDroppedFile') {
      const file = (input as { file?: unknown } | undefined)?.file;
      const path = file instanceof File ? webUtils.getPathForFile(file) : '';
      if (!path) return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: 'Aucun fichier déposé.' } });
      return ipcRenderer.invoke(DROP_CHANNEL, path);
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, { name, input });
  },
  on(listener: (event: EngineEvent) => void): () => void {
    // The IPC event object is not passed on: it would hand the page a way back to ipcRenderer.
    const relay = (_event: IpcRendererEvent, payload: EngineEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('parterre', api);
