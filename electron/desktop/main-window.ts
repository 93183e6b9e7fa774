/** The one main window: its locks, its remembered place, and the built renderer loaded in it. */
import { BrowserWindow, screen } from 'electron';
import type { AppPaths } from './app-paths.js';
import { hardenWebContents, secureWebPreferences } from './security.js';
import { loadWindowState, MIN_SIZE, saveWindowState } from './window-state.js';

export function createMainWindow(paths: AppPaths): BrowserWindow {
  const state = loadWindowState(
    paths.windowStatePath,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Parterre',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(paths.preloadPath),
  });
  hardenWebContents(window.webContents);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    // The normal bounds even when maximized, so that un-maximizing next time gives a sane size.
    saveWindowState(paths.windowStatePath, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  // From our own scheme, never file:// (app-protocol.ts).
  void window.loadURL(paths.appUrl);
  return window;
}
