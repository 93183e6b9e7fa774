/**
 * The browser-mode HTTP routes, apart from the listening socket so that tests can run them against
 * a fake engine:
 *   GET  /, static files     the built renderer (no token: it holds no data)
 *   POST /rpc                {name, input} → the engine's {ok, value} | {ok: false, error}
 *   GET  /events?token=      engine events as server-sent events
 *   POST /upload?name=       raw file bytes streamed into Parterre's own uploads folder (upload.ts)
 * Every request must name our own host and port (DNS rebinding); /rpc and /upload need
 * `Authorization: Bearer <token>`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallError, CallResult, EngineEvent } from '../../shared/contract.js';
import { CONTENT_SECURITY_POLICY } from '../csp.js';
import { relayEvents } from './events.js';
import { bearerToken, isOwnRequest, sameToken } from './guard.js';
import { resolveStaticPath, sendStaticFile } from './static.js';
import { UploadRefusedError, type Uploads } from './upload.js';

/** A call's JSON body is small (search terms, file paths, a mapping); this is generous. */
export const MAX_RPC_BODY_BYTES = 1024 * 1024;

export interface RouteEngine {
  callRaw(name: string, input: unknown): Promise<CallResult<unknown>>;
  on(listener: (event: EngineEvent) => void): () => void;
}

export interface RouteOptions {
  engine: RouteEngine;
  token: string;
  /** The port actually listened on (the Host check needs it). */
  port: () => number;
  rendererDir: string;
  /** Where uploads go, with their caps (upload.ts). */
  uploads: Pick<Uploads, 'save'>;
  /** Called with each open event stream's stop function, so that closing the server ends them. */
  trackStream?: (stop: () => void) => () => void;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: CallError,
  ) {
    super(error.message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function fail(status: number, code: CallError['code'], message: string): HttpError {
  return new HttpError(status, { code, message });
}

const unauthorized = () =>
  fail(401, 'UNAUTHORIZED', 'Accès refusé : jeton absent ou invalide. Rouvrez Parterre depuis l’adresse affichée au démarrage.');

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_RPC_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RPC_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw fail(400, 'VALIDATION', 'Requête illisible : le corps doit être un objet JSON { name, input }.');
  }
}

function tooLarge(): HttpError {
  return fail(413, 'VALIDATION', `Requête trop volumineuse (plus de ${MAX_RPC_BODY_BYTES / 1024} Kio).`);
}

export function createRequestHandler(options: RouteOptions) {
  const { engine, token } = options;

  const rpc = async (request: IncomingMessage, response: ServerResponse) => {
    if (!sameToken(bearerToken(request), token)) throw unauthorized();
    const body = await readJsonBody(request);
    if (typeof body !== 'object' || body === null || typeof (body as { name?: unknown }).name !== 'string') {
      throw fail(400, 'VALIDATION', 'Requête illisible : le corps doit être un objet JSON { name, input }.');
    }
    const { name, input } = body as { name: string; input?: unknown };
    // The engine validates the name and the input: an unknown call or a bad input comes back as
    // its UNKNOWN_CALL or VALIDATION answer, with status 200 like every engine answer.
    sendJson(response, 200, await engine.callRaw(name, input ?? {}));
  };

  const upload = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (!sameToken(bearerToken(request), token)) throw unauthorized();
    const name = url.searchParams.get('name')?.trim();
    if (!name) throw fail(400, 'VALIDATION', 'Envoi refusé : le nom du fichier manque (?name=…).');
    try {
      sendJson(response, 200, { ok: true, value: await options.uploads.save(request, name) });
    } catch (error) {
      if (error instanceof UploadRefusedError) throw fail(413, 'VALIDATION', error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC') throw fail(507, 'INTERNAL', 'Envoi impossible : le disque de Parterre est plein.');
      throw error;
    }
  };

  const events = (response: ServerResponse, url: URL) => {
    if (!sameToken(url.searchParams.get('token'), token)) throw unauthorized();
    const stop = relayEvents((listener) => engine.on(listener), response, SECURITY_HEADERS);
    const untrack = options.trackStream?.(stop);
    if (untrack) response.on('close', untrack);
  };

  const staticFile = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const target = resolveStaticPath(options.rendererDir, url.pathname);
    if (target.kind === 'forbidden') throw fail(403, 'UNAUTHORIZED', 'Chemin refusé.');
    if (target.kind === 'bad-request') throw fail(400, 'VALIDATION', 'Chemin illisible.');
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
    if (!(await sendStaticFile(response, target.path, headers, request.method === 'HEAD'))) {
      throw fail(404, 'NOT_FOUND', `Introuvable : ${url.pathname}`);
    }
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    if (!isOwnRequest(request, options.port())) {
      throw fail(403, 'UNAUTHORIZED', 'Requête refusée : elle ne vient pas de Parterre sur cet ordinateur.');
    }
    // Parsed against a fixed base: only the path and the query of the request are used.
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    if (url.pathname === '/rpc' && method === 'POST') return rpc(request, response);
    if (url.pathname === '/upload' && method === 'POST') return upload(request, response, url);
    if (url.pathname === '/events' && method === 'GET') return events(response, url);
    if (method === 'GET' || method === 'HEAD') return staticFile(request, response, url);
    throw fail(405, 'NOT_FOUND', `Méthode ${method} non prise en charge ici.`);
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      // An unexpected error's own message may name the server's folders: only its code goes out.
      const code = (error as NodeJS.ErrnoException | null)?.code;
      const callError: CallError =
        error instanceof HttpError
          ? error.error
          : { code: 'INTERNAL', message: `Erreur du serveur : la demande n'a pas abouti${typeof code === 'string' ? ` (${code})` : ''}.` };
      if (response.headersSent) {
        response.destroy();
        return;
      }
      // The rest of a refused body is not read: close the connection rather than drain it.
      if (!request.complete) response.setHeader('Connection', 'close');
      sendJson(response, status, { ok: false, error: callError });
    });
  };
}
