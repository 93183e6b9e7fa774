/**
 * dialog.openFiles and dialog.pathOfDroppedFile exist in the contract for the desktop app, whose shell (electron/desktop/ipc.ts)
 * answers them (native file chooser; preload's webUtils) before the engine sees them. Anywhere else (browser mode,
 * command line) the engine says plainly that the call is not available there.
 */
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';

const desktopOnly = (): never => {
  throw new EngineError(
    'UNAVAILABLE',
    "Le sélecteur de fichiers natif n'existe que dans l'application de bureau : ici, choisissez ou déposez les fichiers dans la page d'import.",
  );
};

export const dialogHandlers: HandlerTable<'dialog.openFiles' | 'dialog.pathOfDroppedFile'> = {
  'dialog.openFiles': desktopOnly,
  'dialog.pathOfDroppedFile': desktopOnly,
};
