/**
 * The IPC between the window and the engine. Calls are accepted only from the app's own main frame
 * showing the app's own page, app://parterre/ (an iframe or a page the window was somehow led to
 * gets nothing). The native choosers (`dialog.openFiles`, `dialog.chooseArchive`,
 * `dialog.chooseFolder`) are answered here, and `print.savePdf` with a save dialog and printToPDF;
 * every other call goes to the engine as it is: the engine validates the name and the input.
 *
 * Paths: the engine reads outside its data folder only the files the user chose (see
 * electron/engine/path-policy.ts), and only this module tells it which: the paths the native
 * choosers returned (a backup's destination folder with access 'write': new files may be created
 * in it; everything else to read), and those of files dropped on the window, which the preload reads with
 * webUtils (only it can) and hands here on a channel of their own, `parterre:dropped`, that the
 * page cannot reach (the page's `invoke` only ever sends on `parterre:invoke`). A path the window
 * makes up is refused by the engine, whatever call carries it.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { contract, type CallResult, type EngineEvent, type FolderPurpose } from '../../shared/contract.js';
import type { GrantAccess } from '../engine/path-policy.js';
import { isAbsolute } from 'node:path';
import { withoutFragment } from './app-paths.js';

export const INVOKE_CHANNEL = 'parterre:invoke';
export const EVENT_CHANNEL = 'parterre:event';
/** The preload's own channel for the path of a dropped file (not reachable through `invoke`). */
export const DROP_CHANNEL = 'parterre:dropped';

export interface IpcEngine {
  callRaw(name: string, input: unknown): Promise<CallResult<unknown>>;
  /** Paths the user chose, handed out by this process (path-policy.ts). */
  grant(paths: readonly string[], access?: GrantAccess): void;
}

export interface IpcOptions {
  engine: IpcEngine;
  getWindow: () => BrowserWindow | null;
  appUrl: string;
  /** The native file chooser (electron/desktop/dialogs.ts), given the window it belongs to. */
  openFiles: (window: BrowserWindow) => Promise<string[]>;
  /** « Ouvrir une archive… »'s chooser (dialogs.ts): the chosen file, null when cancelled. */
  chooseArchive: (window: BrowserWindow) => Promise<string | null>;
  /** The folder chooser of « Sauvegarder vers… » and « Restaurer… » (dialogs.ts): null when cancelled. */
  chooseFolder: (window: BrowserWindow, purpose: FolderPurpose) => Promise<string | null>;
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

/** A backup writes new files into the folder chosen for it; a restore only reads its folder. */
const folderAccess: Record<FolderPurpose, GrantAccess> = { backup: 'write', restore: 'read' };

/**
 * dialog.chooseArchive and dialog.chooseFolder: the input checked against the contract (the engine
 * never sees these calls), the native chooser opened, and what the user chose granted with the
 * access its purpose needs. A cancel grants nothing.
 */
async function answerChooser(
  options: IpcOptions,
  window: BrowserWindow,
  name: 'dialog.chooseArchive' | 'dialog.chooseFolder',
  input: unknown,
): Promise<CallResult<{ path: string | null }>> {
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const expected = name === 'dialog.chooseFolder' ? 'purpose : « backup » ou « restore » est attendu, et rien d’autre' : 'aucune donnée n’est attendue';
    return { ok: false, error: { code: 'VALIDATION', message: `Entrée invalide — ${expected}.` } };
  }
  const purpose = name === 'dialog.chooseFolder' ? (parsed.data as { purpose: FolderPurpose }).purpose : null;
  try {
    const path = purpose ? await options.chooseFolder(window, purpose) : await options.chooseArchive(window);
    if (path) options.engine.grant([path], purpose ? folderAccess[purpose] : 'read');
    return { ok: true, value: { path } };
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: `Le sélecteur n’a pas pu s’ouvrir : ${(error as Error).message}` } };
  }
}

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
    if (name === 'dialog.openFiles') {
      const paths = await options.openFiles(window!);
      options.engine.grant(paths);
      return { ok: true, value: { paths } };
    }
    if (name === 'dialog.chooseArchive' || name === 'dialog.chooseFolder') return answerChooser(options, window!, name, input);
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
  ipcMain.handle(DROP_CHANNEL, (event, path: unknown): CallResult<{ path: string }> => {
    if (!isTrustedSender(event, options.getWindow(), options.appUrl)) return refused;
    if (typeof path !== 'string' || !isAbsolute(path)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Aucun fichier déposé.' } };
    }
    options.engine.grant([path]);
    return { ok: true, value: { path } };
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeHandler(DROP_CHANNEL);
  };
}

/** Engine events and menu actions to the window, which listens through preload's `on`. */
export function sendToWindow(window: BrowserWindow | null, event: EngineEvent): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(EVENT_CHANNEL, event);
  }
}
