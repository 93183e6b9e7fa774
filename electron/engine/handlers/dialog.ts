/**
 * dialog.openFiles exists in the contract for the desktop app, whose shell (electron/ipc.ts)
 * answers it with the native file chooser before the engine sees it. Anywhere else (browser mode,
 * command line) the engine says plainly that the call is not available there.
 */
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';

export const dialogHandlers: HandlerTable<'dialog.openFiles'> = {
  'dialog.openFiles': () => {
    throw new EngineError(
      'UNAVAILABLE',
      "Le sélecteur de fichiers natif n'existe que dans l'application de bureau : ici, choisissez ou déposez les fichiers dans la page d'import.",
    );
  },
};
