/**
 * Which files the engine may touch: the one rule that every handler taking a path goes through
 * (imports, the demo, archives opened from elsewhere, backups and restores). A caller of the
 * engine — the window, a browser tab holding the token, a script — names paths; the engine does
 * not take its word for them.
 *
 * 1. The data folder (the database's folder, or PARTERRE_DATA_DIR) is Parterre's own: the engine
 *    may read there, and create its own files there (the demo, browser-mode uploads, backups...).
 * 2. Anywhere else, only the files the user chose. The transport that hears the user grants them
 *    to the engine before the call (`EngineClient.grant`, a message no caller can send): the
 *    command line its path arguments, the desktop shell the paths its file dialog returned or that
 *    were dropped on its window. Browser mode grants nothing: its files arrive as uploads, inside
 *    the data folder.
 * 3. Paths are compared after `..` and symbolic links are resolved: a link in the data folder
 *    cannot lead out of it.
 * 4. The engine never replaces an existing file a caller names: a new file must not exist yet (and
 *    is then created exclusively, `wx`), unless the user chose that very file as a destination (a
 *    save dialog, which asks before replacing: a grant with access 'write').
 * 5. A folder the user chose grants what is inside it: to read (« Restaurer… » from a backup
 *    folder), or, with access 'write', to create new files and folders there (« Sauvegarder
 *    vers… » a USB stick) — never to replace one.
 *
 * A handler calls `ctx.paths.readable(path)` for a file to read and `ctx.paths.creatable(path)`
 * for a file to write, and uses the canonical path they return. Engine-made names (the demo's
 * place) use `ownPath`.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { EngineError } from './errors.js';

export type GrantAccess = 'read' | 'write';

export interface PathPolicy {
  /** The data folder, canonical. */
  readonly dataDir: string;
  /** Records paths the user chose (read: an export to import; write: a save destination). */
  grant(paths: readonly string[], access: GrantAccess): void;
  /** The canonical path of a file a caller asks to read; throws UNAUTHORIZED where it may not. */
  readable(path: string): string;
  /** The canonical path of a new file a caller asks to write; throws where it may not, or if it exists. */
  creatable(path: string): string;
}

/**
 * The path with `..` and every symbolic link resolved. A path that does not exist yet is its
 * deepest existing folder, resolved, joined with the rest.
 */
export function canonicalPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return join(canonicalPath(parent), basename(absolute));
  }
}

/** True when `path` is `folder` or lies under it (both canonical). */
export function isInside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest));
}

/** A file of the engine's own, under the data folder (names chosen by the engine, never a caller). */
export function ownPath(dataDir: string, ...segments: string[]): string {
  return join(dataDir, ...segments);
}

function refused(path: string): EngineError {
  return new EngineError(
    'UNAUTHORIZED',
    `Accès refusé à « ${path} » : Parterre n'ouvre que les fichiers que vous avez choisis ` +
      '(sélecteur de fichiers, dépôt dans la fenêtre, envoi dans le navigateur, argument de la ligne de commande) ' +
      'et ceux de son dossier de données.',
  );
}

export function createPathPolicy(options: { dataDir: string }): PathPolicy {
  const dataDir = canonicalPath(options.dataDir);
  const granted = new Map<string, GrantAccess>();

  /** The grant covering `canonical`: its own, or that of a folder it lies in (the widest access wins). */
  const grantOf = (canonical: string): GrantAccess | undefined => {
    let found: GrantAccess | undefined = granted.get(canonical);
    for (const [path, access] of granted) {
      if (found === 'write') break;
      if (isInside(path, canonical)) found = access === 'write' ? 'write' : (found ?? access);
    }
    return found;
  };
  const allowedToRead = (canonical: string) => isInside(dataDir, canonical) || grantOf(canonical) !== undefined;

  return {
    dataDir,
    grant(paths, access) {
      for (const path of paths) {
        const canonical = canonicalPath(path);
        // A write grant includes reading; a later read grant does not take the write away.
        if (granted.get(canonical) !== 'write') granted.set(canonical, access);
      }
    },
    readable(path) {
      const canonical = canonicalPath(path);
      if (!allowedToRead(canonical)) throw refused(path);
      return canonical;
    },
    creatable(path) {
      const canonical = canonicalPath(path);
      if (granted.get(canonical) === 'write') return canonical;
      // New files go in the data folder or in a folder the user chose as a destination.
      const mayCreate = isInside(dataDir, canonical) || grantOf(canonical) === 'write';
      if (!mayCreate && !allowedToRead(canonical)) throw refused(path);
      if (existsSync(canonical)) {
        throw new EngineError(
          'VALIDATION',
          `Le fichier « ${path} » existe déjà : Parterre ne remplace pas un fichier existant. Choisissez un autre nom.`,
        );
      }
      if (!mayCreate) throw refused(path);
      return canonical;
    },
  };
}
