/**
 * Opens a file the user gave for reading, or refuses it with a message naming it: not found, not
 * readable, a folder, or no regular file at all (a named pipe would make a read wait forever for
 * a writer, a device would never end). It is opened without blocking, then checked on the handle
 * itself, so that nothing swapped in between is read either.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { BadFileError } from '../../errors.js';

const CODES: Record<string, string> = {
  ENOENT: 'est introuvable (déplacé, renommé ou sur une clé retirée ?)',
  ENOTDIR: "est introuvable (un élément de son chemin n'est pas un dossier)",
  EACCES: 'ne peut pas être lu : accès refusé',
  EPERM: 'ne peut pas être lu : accès refusé',
  EISDIR: "est un dossier, pas un fichier : choisissez le fichier CSV qu'il contient",
  ELOOP: 'ne peut pas être lu : trop de liens symboliques',
  ENAMETOOLONG: 'ne peut pas être lu : son chemin est trop long',
};

export async function openImportFile(path: string, name: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new BadFileError(`« ${name} » ${CODES[code] ?? `ne peut pas être lu (${code || String(error)})`}.`, { file: name });
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new BadFileError(`« ${name} » ${CODES.EISDIR}.`, { file: name });
    if (!info.isFile()) {
      throw new BadFileError(`« ${name} » n'est pas un fichier ordinaire (tube nommé, périphérique ou socket) : choisissez un fichier CSV enregistré sur le disque.`, {
        file: name,
      });
    }
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
