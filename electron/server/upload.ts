/**
 * Browser-mode file upload: the browser cannot hand the engine a path, so the raw bytes are
 * streamed (never held whole in memory: exports reach hundreds of megabytes) into a new file under
 * `<dataDir>/uploads/`, whose path the renderer then passes to imports.inspect and imports.run.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Far above any box-office export; only there so that a runaway upload cannot fill the disk. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export class UploadTooLargeError extends Error {
  constructor() {
    super(`Fichier trop volumineux : la limite est de ${MAX_UPLOAD_BYTES / 1024 ** 3} Go.`);
  }
}

/** The file's own name reduced to something safe on every file system (no folders, no control characters). */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return (base || 'fichier').slice(0, 120);
}

export interface UploadedFile {
  path: string;
  name: string;
  sizeBytes: number;
}

export const uploadsFolder = (dataDir: string) => join(dataDir, 'uploads');

/**
 * Uploads are copies made for one import; the originals stay on the user's stick. They are
 * removed when the server starts and stops, so copies of customer files do not pile up.
 */
export async function clearUploads(dataDir: string): Promise<void> {
  await rm(uploadsFolder(dataDir), { recursive: true, force: true });
}

export async function saveUpload(
  request: IncomingMessage,
  dataDir: string,
  name: string,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<UploadedFile> {
  const folder = uploadsFolder(dataDir);
  await mkdir(folder, { recursive: true });
  // A random prefix: two uploads of « billets.csv » never overwrite each other.
  const path = join(folder, `${randomBytes(8).toString('hex')}-${safeFileName(name)}`);
  let sizeBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      done(sizeBytes > maxBytes ? new UploadTooLargeError() : null, chunk);
    },
  });
  try {
    await pipeline(request, counter, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await unlink(path).catch(() => undefined);
    throw error;
  }
  return { path, name, sizeBytes };
}
