/**
 * The built renderer served as static files: only files inside its folder (no `..`, no encoded
 * escape), with their MIME type; a path without an extension gets index.html (the app routes in
 * the page itself).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticTarget = { kind: 'file'; path: string } | { kind: 'forbidden' } | { kind: 'bad-request' };

/** Where a URL path points inside `root`, or why it may not be served. */
export function resolveStaticPath(root: string, urlPath: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0')) return { kind: 'bad-request' };
  // Any `..` segment is refused outright, even one that would stay inside the folder.
  if (decoded.split(/[\\/]/).includes('..')) return { kind: 'forbidden' };
  const base = resolve(root);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[\\/]+/, '');
  const path = resolve(base, relative);
  if (path !== base && !path.startsWith(base + sep)) return { kind: 'forbidden' };
  return { kind: 'file', path: extname(path) === '' ? join(base, 'index.html') : path };
}

/** Streams the file with its type; false when there is no such file (the caller answers 404). */
export async function sendStaticFile(
  response: ServerResponse,
  path: string,
  headers: Record<string, string>,
  headOnly: boolean,
): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return false;
  response.writeHead(200, { ...headers, 'Content-Type': mimeType(path), 'Content-Length': String(info.size) });
  if (headOnly) {
    response.end();
    return true;
  }
  createReadStream(path)
    .on('error', () => response.destroy())
    .pipe(response);
  return true;
}
