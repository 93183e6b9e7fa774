/**
 * The app's folder: the nearest folder above this module whose package.json is Parterre's. The
 * engine runs from its sources (electron/engine/…), from the desktop build (dist-electron/…, which
 * holds a package.json of its own) and from the command line's bundle (node_modules/.cache/…,
 * where every module is flattened into one folder): a path counted in `../` would hold for one of
 * them only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPackage {
  root: string;
  name: string;
  version: string;
}

const found = new Map<string, AppPackage>();

export function appPackage(from: string = fileURLToPath(import.meta.url)): AppPackage {
  const cached = found.get(from);
  if (cached) return cached;
  let folder = dirname(from);
  for (;;) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'parterre') {
        const result = { root: folder, name: pkg.name, version: pkg.version ?? '0.0.0' };
        found.set(from, result);
        return result;
      }
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`package.json de Parterre introuvable au-dessus de ${from}`);
    folder = parent;
  }
}
