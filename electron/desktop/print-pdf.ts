/**
 * « Enregistrer en PDF » in the desktop app: a save dialog, then the window's own page printed
 * by Chromium's printToPDF with the page's print stylesheet (A4 from its @page rule, background
 * colours kept): the same document as the print dialog and as `parterre report --pdf`.
 */
import { writeFile } from 'node:fs/promises';
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';

/** A file name without characters Windows or macOS refuse. */
export function safeFileName(name: string): string {
  const printable = [...name].map((char) => (char.charCodeAt(0) < 32 ? ' ' : char)).join('');
  const cleaned = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.toLowerCase().endsWith('.pdf') ? cleaned : `${cleaned || 'rapport'}.pdf`;
}

/** The chosen path, or null when the user cancelled. */
export async function savePageAsPdf(window: BrowserWindow, fileName: string): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title: 'Enregistrer le rapport en PDF',
    buttonLabel: 'Enregistrer',
    defaultPath: join(app.getPath('documents'), safeFileName(fileName)),
    filters: [{ name: 'Document PDF', extensions: ['pdf'] }],
  });
  if (result.canceled || !result.filePath) return null;
  const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  await writeFile(result.filePath, pdf);
  return result.filePath;
}
