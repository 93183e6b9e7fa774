/** Native dialogs of the desktop app. */
import { dialog, type BrowserWindow } from 'electron';

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
