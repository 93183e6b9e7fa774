/**
 * Browser-mode file upload: the browser cannot hand the engine a path, so the raw bytes are
 * streamed (never held whole in memory: exports reach hundreds of megabytes) into a new file of a
 * folder Parterre creates for itself under the data folder, whose path the renderer then passes
 * to imports.inspect and imports.run (the engine reads there: it is inside the data folder, see
 * electron/engine/path-policy.ts).
 *
 * Parterre removes only what it made: the folder is created fresh at each start (mkdtemp, so it
 * never exists before) and marked as ours; at stop, only the files this server wrote, then the
 * marker, then the folder if it is empty. Never a recursive removal: a folder the user happens to
 * call `uploads`, or a file the user put into ours, is left alone. Folders of a server that died
 * without stopping are emptied the same way by the next start, once their process is gone.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdtemp, readdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { formatBytes } from '../../shared/format.js';

export interface UploadLimits {
  /** Far above any box-office export; only there so that one runaway upload cannot fill the disk. */
  perFileBytes: number;
  /** All the uploads of one run of the server together. */
  totalBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { perFileBytes: 2 * 1024 ** 3, totalBytes: 8 * 1024 ** 3 };

/** A refusal whose message is for the user as it is (the route answers 413). */
export class UploadRefusedError extends Error {}

export const UPLOADS_PREFIX = 'parterre-uploads-';
const FOLDER_PATTERN = /^parterre-uploads-[A-Za-z0-9]{6}$/;
const MARKER = '.parterre-uploads.json';
/** `<16 hex>-<name>`: the files an upload wrote; nothing else in the folder is removed. */
const OUR_FILE = /^[0-9a-f]{16}-/;
/** File names are limited to 255 bytes on most file systems; the prefix takes 17. */
const MAX_NAME_BYTES = 200;

/** The file's own name reduced to something safe on every file system (no folders, no control characters, not too long). */
export function safeFileName(name: string): string {
  let base = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  if (Buffer.byteLength(base) > MAX_NAME_BYTES) {
    // Keep the extension (the user recognises « .csv »), shorten the stem by whole characters.
    const dot = base.lastIndexOf('.');
    const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
    let stem = [...base.slice(0, base.length - extension.length)];
    while (stem.length && Buffer.byteLength(stem.join('') + '…' + extension) > MAX_NAME_BYTES) stem = stem.slice(0, -1);
    base = `${stem.join('')}…${extension}`;
  }
  return base || 'fichier';
}

export interface UploadedFile {
  path: string;
  name: string;
  sizeBytes: number;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the files an upload wrote in `folder`, the marker, then the folder if nothing else is left. */
async function emptyOurFolder(folder: string, files?: Iterable<string>): Promise<void> {
  const names = files ? [...files] : (await readdir(folder).catch(() => [])).filter((name) => OUR_FILE.test(name));
  for (const name of names) {
    const path = join(folder, name);
    const info = await lstat(path).catch(() => null);
    if (info?.isFile()) await unlink(path).catch(() => undefined);
  }
  await unlink(join(folder, MARKER)).catch(() => undefined);
  await rmdir(folder).catch(() => undefined);
}

/** Upload folders left by a server that stopped without cleaning (a crash, a power cut). */
export async function removeStaleUploadFolders(dataDir: string): Promise<void> {
  for (const entry of await readdir(dataDir).catch(() => [] as string[])) {
    if (!FOLDER_PATTERN.test(entry)) continue;
    const folder = join(dataDir, entry);
    const info = await lstat(folder).catch(() => null);
    if (!info?.isDirectory()) continue;
    const marker = await readFile(join(folder, MARKER), 'utf8').catch(() => null);
    if (marker === null) continue; // not ours
    let pid: unknown;
    try {
      pid = (JSON.parse(marker) as { pid?: unknown }).pid;
    } catch {
      continue;
    }
    if (typeof pid !== 'number' || isAlive(pid)) continue;
    await emptyOurFolder(folder);
  }
}

export interface Uploads {
  readonly folder: string;
  save(request: IncomingMessage, name: string): Promise<UploadedFile>;
  /** Removes what this server uploaded, and the folder if nothing else is in it. */
  remove(): Promise<void>;
}

export async function createUploads(dataDir: string, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Promise<Uploads> {
  await removeStaleUploadFolders(dataDir);
  const folder = await mkdtemp(join(dataDir, UPLOADS_PREFIX));
  await writeFile(join(folder, MARKER), JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }), { flag: 'wx' });
  const written = new Set<string>();
  // Bytes of finished uploads plus those still arriving: two uploads at once cannot both pass.
  let reserved = 0;

  const totalRefusal = () =>
    new UploadRefusedError(
      `Envoi refusé : les fichiers envoyés depuis le démarrage de Parterre dépasseraient ${formatBytes(limits.totalBytes)} au total. ` +
        'Redémarrez Parterre pour libérer cette place.',
    );
  const fileRefusal = (name: string) =>
    new UploadRefusedError(`Fichier trop volumineux : « ${name} » dépasse la limite de ${formatBytes(limits.perFileBytes)} par fichier.`);

  return {
    folder,
    async save(request, name) {
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.perFileBytes) throw fileRefusal(name);
      if (Number.isFinite(declared) && reserved + declared > limits.totalBytes) throw totalRefusal();
      // A random prefix: two uploads of « billets.csv » never overwrite each other.
      const fileName = `${randomBytes(8).toString('hex')}-${safeFileName(name)}`;
      const path = join(folder, fileName);
      let sizeBytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sizeBytes += chunk.length;
          reserved += chunk.length;
          if (sizeBytes > limits.perFileBytes) return done(fileRefusal(name));
          if (reserved > limits.totalBytes) return done(totalRefusal());
          done(null, chunk);
        },
      });
      written.add(fileName);
      try {
        await pipeline(request, counter, createWriteStream(path, { flags: 'wx' }));
      } catch (error) {
        reserved -= sizeBytes;
        written.delete(fileName);
        await unlink(path).catch(() => undefined);
        throw error;
      }
      return { path, name, sizeBytes };
    },
    remove: () => emptyOurFolder(folder, written),
  };
}
