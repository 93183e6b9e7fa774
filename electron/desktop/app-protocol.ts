/**
 * The window's pages come from `app://parterre/`, a scheme of our own served from the built
 * renderer folder, never from `file://`: a file URL would give the page the reach of the whole
 * disk's file URLs (Electron's security checklist, « Use custom protocols instead of file:// »),
 * and a page the window was somehow led to on the disk would share the app's origin.
 *
 * The scheme is registered as privileged (standard, secure, fetch) before the app is ready, as
 * Electron requires; the handler answers only files inside the renderer folder (the same rules as
 * browser mode's static files: no `..`, no encoded escape), each with the app's CSP.
 */
import type { Protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../csp.js';
import { mimeType, resolveStaticPath } from '../server/static.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'parterre';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one URL the window shows and accepts calls from. */
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Before `app.whenReady()`: a standard, secure scheme (origin, storage, fetch like https). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

const refusal = (status: number, text: string) =>
  new Response(text, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** The answer to one request of the window: a file of the renderer folder, or a refusal. */
export async function answerAppRequest(rendererDir: string, requestUrl: string, method = 'GET'): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refusal(400, 'Adresse illisible.');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(403, 'Adresse refusée.');
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Méthode refusée.');
  const target = resolveStaticPath(rendererDir, url.pathname);
  if (target.kind === 'forbidden') return refusal(403, 'Chemin refusé.');
  if (target.kind === 'bad-request') return refusal(400, 'Chemin illisible.');
  const info = await stat(target.path).catch(() => null);
  if (!info?.isFile()) return refusal(404, 'Introuvable.');
  const headers = { ...HEADERS, 'Content-Type': mimeType(target.path), 'Content-Length': String(info.size) };
  return new Response(method === 'HEAD' ? null : await readFile(target.path), { status: 200, headers });
}

/** After ready: serve `app://parterre/…` from the built renderer. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request.url, request.method));
}
