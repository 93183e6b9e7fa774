/**
 * The desktop app's main process, kept thin: it wires the modules beside it. One window, the
 * engine in its worker thread, one IPC channel, French menus, native dialogs and printing.
 */
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dbPathArgument, resolveAppPaths } from './app-paths.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { APP_NAME } from '../data-dir.js';
import { chooseArchiveFile, chooseFolder, chooseImportFiles } from './dialogs.js';
import { startEngine, type EngineClient } from '../engine/client.js';
import { registerIpc, sendToWindow } from './ipc.js';
import { savePageAsPdf } from './print-pdf.js';
import { createMainWindow } from './main-window.js';
import { menuTemplate } from './menu.js';
import { hardenSession, hardenWebContents } from './security.js';

// userData is named after the product, whatever package.json's name, so that browser mode and
// the command line (electron/data-dir.ts) find the same folder.
const paths = resolveAppPaths({
  env: process.env,
  userData: join(app.getPath('appData'), APP_NAME),
  appPath: app.getAppPath(),
  dbPath: dbPathArgument(process.argv),
});
app.setPath('userData', paths.dataDir);
// Privileged schemes must be declared before the app is ready.
registerAppScheme(protocol);

let window: BrowserWindow | null = null;
let engine: EngineClient | null = null;

// One Parterre at a time on one database: a second launch brings the first window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  // Whatever web contents ever appears (a window, a frame's contents, devtools) gets the locks.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.whenReady().then(() => {
    if (!existsSync(paths.rendererIndex)) {
      dialog.showErrorBox('Parterre', `L'interface n'est pas construite (${paths.rendererIndex} manque) : lancez « npm start ».`);
      app.quit();
      return;
    }
    hardenSession(session.defaultSession);
    handleAppProtocol(protocol, paths.rendererDir);
    engine = startEngine({ dbPath: paths.dbPath, dataDir: paths.dataDir });
    engine.on((event) => sendToWindow(window, event));
    registerIpc({
      engine,
      getWindow: () => window,
      appUrl: paths.appUrl,
      openFiles: chooseImportFiles,
      chooseArchive: chooseArchiveFile,
      chooseFolder,
      savePdf: savePageAsPdf,
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          importFiles: () => sendToWindow(window, { type: 'menu', action: 'import' }),
          print: () => window?.webContents.print({ silent: false, printBackground: true }),
          about: () => sendToWindow(window, { type: 'menu', action: 'about' }),
          developer: !app.isPackaged,
        }),
      ),
    );

    window = createMainWindow(paths);
    window.on('closed', () => (window = null));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void engine?.close());
}
