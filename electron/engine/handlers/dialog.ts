/**
 * The dialog.* calls exist in the contract for the desktop app, whose shell answers them before
 * the engine sees them (electron/desktop/ipc.ts: native choosers; preload's webUtils for a
 * dropped file). Anywhere else (browser mode, command line) the engine says plainly that the call
 * is not available there, and what to do instead.
 */
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';

const desktopOnly = (message: string) => (): never => {
  throw new EngineError('UNAVAILABLE', message);
};

const importChooser =
  "Le sélecteur de fichiers natif n'existe que dans l'application de bureau : ici, choisissez ou déposez les fichiers dans la page d'import.";
// Browser mode grants no path (path-policy.ts): only the data folder is reachable from here.
const archiveChooser =
  "Le sélecteur de fichiers natif n'existe que dans l'application de bureau. Ici, tapez le chemin d'une archive rangée dans le dossier de données de Parterre ; " +
  "pour une archive venue d'ailleurs, utilisez l'application de bureau ou « parterre attach FICHIER ».";
const folderChooser =
  "Le sélecteur de dossiers natif n'existe que dans l'application de bureau. Ici, tapez le chemin d'un dossier situé dans le dossier de données de Parterre ; " +
  "ailleurs, utilisez l'application de bureau, « parterre backup --out DOSSIER » ou « parterre restore DOSSIER ».";

export const dialogHandlers: HandlerTable<'dialog.openFiles' | 'dialog.pathOfDroppedFile' | 'dialog.chooseArchive' | 'dialog.chooseFolder'> = {
  'dialog.openFiles': desktopOnly(importChooser),
  'dialog.pathOfDroppedFile': desktopOnly(importChooser),
  'dialog.chooseArchive': desktopOnly(archiveChooser),
  'dialog.chooseFolder': desktopOnly(folderChooser),
};
