/**
 * Native dialogs of the desktop app. What they return is what the user chose: electron/desktop/ipc.ts
 * grants it to the engine (path-policy.ts), so they are the only way the desktop app reaches a file
 * outside Parterre's data folder.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { FolderPurpose } from '../../shared/contract.js';

/** The export files to import (several at once: tickets, customers, performances); [] when cancelled. */
export async function chooseImportFiles(window: BrowserWindow): Promise<string[]> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Importer des exports de billetterie',
    buttonLabel: 'Importer',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Exports CSV ou texte', extensions: ['csv', 'txt', 'CSV', 'TXT'] },
      { name: 'Tous les fichiers', extensions: ['*'] },
    ],
  });
  return result.canceled ? [] : result.filePaths;
}

/** « Ouvrir une archive… »: one archive file, wherever it is (a USB stick); null when cancelled. */
export async function chooseArchiveFile(window: BrowserWindow): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Choisir une archive',
    buttonLabel: 'Ouvrir',
    properties: ['openFile'],
    filters: [
      { name: 'Archives Parterre (SQLite)', extensions: ['sqlite', 'SQLITE'] },
      { name: 'Tous les fichiers', extensions: ['*'] },
    ],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

const folderDialogs: Record<FolderPurpose, OpenDialogOptions> = {
  // The destination of a backup may not exist yet: the user can make it from the dialog.
  backup: { title: 'Choisir le dossier de sauvegarde', buttonLabel: 'Sauvegarder ici', properties: ['openDirectory', 'createDirectory'] },
  // Only choosing: the page still asks before it restores anything.
  restore: { title: 'Choisir une sauvegarde à restaurer', buttonLabel: 'Choisir', properties: ['openDirectory'] },
};

/** A folder: where to back up, or a backup to restore; null when cancelled. */
export async function chooseFolder(window: BrowserWindow, purpose: FolderPurpose): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, folderDialogs[purpose]);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
