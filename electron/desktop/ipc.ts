/**
 * The single IPC channel between the window and the engine. Calls are accepted only from the
 * app's own main frame showing the app's own file URL (an iframe or a page the window was somehow
 * led to gets nothing). `dialog.openFiles` is answered here with the native chooser and
 * `print.savePdf` with a save dialog and printToPDF; every other call goes to the engine as it
 * is: the engine validates the name and the input.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { CallResult, EngineEvent } from '../../shared/contract.js';
import { withoutFragment } from './app-paths.js';

export const INVOKE_CHANNEL = 'parterre:invoke';
export const EVENT_CHANNEL = 'parterre:event';

export interface IpcEngine {
  callRaw(name: string, input: unknown): Promise<CallResult<unknown>>;
}

export interface IpcOptions {
  engine: IpcEngine;
  getWindow: () => BrowserWindow | null;
  appUrl: string;
  /** The native file chooser (electron/desktop/dialogs.ts), given the window it belongs to. */
  openFiles: (window: BrowserWindow) => Promise<string[]>;
  /** « Enregistrer en PDF » (electron/desktop/print-pdf.ts): the saved path, null when cancelled. */
  savePdf?: (window: BrowserWindow, fileName: string) => Promise<string | null>;
}

export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, appUrl: string): boolean {
  if (!window || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame || event.sender !== window.webContents) return false;
  if (frame !== window.webContents.mainFrame) return false;
  return withoutFragment(frame.url) === withoutFragment(appUrl);
}

const refused: CallResult<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: "Appel refusé : il ne vient pas de la fenêtre de Parterre." },
};

export function registerIpc(options: IpcOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, request: unknown): Promise<CallResult<unknown>> => {
    const window = options.getWindow();
    if (!isTrustedSender(event, window, options.appUrl)) return refused;
    const { name, input } = (typeof request === 'object' && request !== null ? request : {}) as {
      name?: unknown;
      input?: unknown;
    };
    if (typeof name !== 'string') {
      return { ok: false, error: { code: 'VALIDATION', message: 'Appel illisible : le nom manque.' } };
    }
    if (name === 'dialog.openFiles') return { ok: true, value: { paths: await options.openFiles(window!) } };
    if (name === 'print.savePdf' && options.savePdf) {
      const fileName = (input as { fileName?: unknown } | undefined)?.fileName;
      if (typeof fileName !== 'string' || fileName.trim() === '') {
        return { ok: false, error: { code: 'VALIDATION', message: 'Entrée invalide — fileName : un nom de fichier est attendu.' } };
      }
      try {
        return { ok: true, value: { path: await options.savePdf(window!, fileName) } };
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `Le PDF n’a pas pu être enregistré : ${(error as Error).message}` } };
      }
    }
    return options.engine.callRaw(name, input ?? {});
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Engine events and menu actions to the window, which listens through preload's `on`. */
export function sendToWindow(window: BrowserWindow | null, event: EngineEvent): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(EVENT_CHANNEL, event);
  }
}
