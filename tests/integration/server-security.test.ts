/**
 * Browser mode against a real engine on a temporary database: who gets in, what is refused, and
 * that a refusal never stops the server.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/contract.js';
import { startServer, type StartedServer } from '../../electron/server/server.js';
import { createRequestHandler } from '../../electron/server/routes.js';
import { tempDir } from '../helpers/temp-db.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch: fetch normalises `..` away and will not let a test set Host. */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer | Buffer[] },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    const body = options.body;
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk);
    else if (body !== undefined) req.write(body);
    req.end();
  });
}

let root: string;
let server: StartedServer;
const rpc = (body: unknown, token = server.token) =>
  raw(server.port, {
    method: 'POST',
    path: '/rpc',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  root = tempDir('parterre-server-');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Parterre</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // A file beside the renderer folder that no URL may reach.
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  server = await startServer({ dbPath: join(root, 'parterre.sqlite'), dataDir: root, rendererDir });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('browser-mode server', () => {
  it('prints an address on 127.0.0.1 whose token is in the fragment only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call that carries the token', async () => {
    const response = await rpc({ name: 'app.info', input: {} });
    expect(response.status).toBe(200);
    const result = JSON.parse(response.body);
    expect(result.ok).toBe(true);
    expect(result.value.dbPath).toBe(join(root, 'parterre.sqlite'));
  });

  it('refuses a call without the token, or with a wrong one, with 401 UNAUTHORIZED', async () => {
    const missing = await raw(server.port, { method: 'POST', path: '/rpc', body: JSON.stringify({ name: 'app.info', input: {} }) });
    const wrong = await rpc({ name: 'app.info', input: {} }, server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A'));
    for (const response of [missing, wrong]) {
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses an unknown call name', async () => {
    const response = await rpc({ name: 'customers.dropAll', input: {} });
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('answers a zod-invalid input with VALIDATION and keeps serving', async () => {
    const invalid = await rpc({ name: 'settings.set', input: { seasonStartMonth: 13 } });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const after = await rpc({ name: 'settings.get', input: {} });
    expect(JSON.parse(after.body)).toEqual({ ok: true, value: { seasonStartMonth: 9, venueName: '' } });
  });

  it('answers a body that is not JSON with 400 and keeps serving', async () => {
    const response = await raw(server.port, {
      method: 'POST',
      path: '/rpc',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect((await rpc({ name: 'settings.get', input: {} })).status).toBe(200);
  });

  it('refuses a call body above the limit with 413', async () => {
    const response = await rpc({ name: 'app.info', input: { padding: 'x'.repeat(2 * 1024 * 1024) } });
    expect(response.status).toBe(413);
  });

  it('refuses the native file chooser in browser mode with a French message', async () => {
    const result = JSON.parse((await rpc({ name: 'dialog.openFiles', input: {} })).body);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(result.error.message).toMatch(/application de bureau/);
  });

  it('refuses another Host header (DNS rebinding) with 403, even with the token', async () => {
    const response = await raw(server.port, {
      method: 'POST',
      path: '/rpc',
      headers: { Host: `evil.example:${server.port}`, Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ name: 'app.info', input: {} }),
    });
    expect(response.status).toBe(403);
    const page = await raw(server.port, { path: '/', headers: { Host: `127.0.0.1:${server.port + 1}` } });
    expect(page.status).toBe(403);
    const localhost = await raw(server.port, { path: '/', headers: { Host: `localhost:${server.port}` } });
    expect(localhost.status).toBe(200);
  });

  it('refuses a call from a page of another origin', async () => {
    const response = await raw(server.port, {
      method: 'POST',
      path: '/rpc',
      headers: { Origin: 'http://evil.example', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ name: 'app.info', input: {} }),
    });
    expect(response.status).toBe(403);
  });

  it('serves the renderer with its MIME type and the CSP, without a token', async () => {
    const page = await raw(server.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<title>Parterre</title>');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const script = await raw(server.port, { path: '/assets/app.js' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toBe('console.log(1)');
    expect((await raw(server.port, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it('refuses static paths that climb out of the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt']) {
      const response = await raw(server.port, { path });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toContain('SECRET');
    }
  });

  it('streams an upload to a new file in its own uploads folder and reports its size', async () => {
    // 3 MiB in 48 chunks: more than one socket read, and a known digest to compare with.
    const chunks = Array.from({ length: 48 }, () => randomBytes(64 * 1024));
    const expectedSize = 48 * 64 * 1024;
    const expectedDigest = createHash('sha256').update(Buffer.concat(chunks)).digest('hex');
    const response = await raw(server.port, {
      method: 'POST',
      path: `/upload?name=${encodeURIComponent('../Billets saison.csv')}`,
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/octet-stream' },
      body: chunks,
    });
    expect(response.status).toBe(200);
    const result = JSON.parse(response.body);
    expect(result.ok).toBe(true);
    expect(result.value.sizeBytes).toBe(expectedSize);
    expect(result.value.name).toBe('../Billets saison.csv');
    expect(result.value.path.startsWith(server.uploadsFolder + sep)).toBe(true);
    expect(server.uploadsFolder.startsWith(join(root, 'parterre-uploads-'))).toBe(true);
    expect(result.value.path.endsWith('-Billets saison.csv')).toBe(true);
    expect(statSync(result.value.path).size).toBe(expectedSize);
    expect(createHash('sha256').update(readFileSync(result.value.path)).digest('hex')).toBe(expectedDigest);
  });

  it('refuses an upload without the token and writes nothing', async () => {
    const response = await raw(server.port, { method: 'POST', path: '/upload?name=a.csv', body: 'x;y\n' });
    expect(response.status).toBe(401);
  });

  it('refuses the event stream without the right token', async () => {
    expect((await raw(server.port, { path: '/events' })).status).toBe(401);
    expect((await raw(server.port, { path: '/events?token=nope' })).status).toBe(401);
  });
});

describe('event stream', () => {
  let http: Server;
  let port: number;
  const listeners = new Set<(event: EngineEvent) => void>();
  const token = 'jeton-de-test';

  beforeAll(async () => {
    // The routes with a fake engine whose events the test fires itself.
    const handler = createRequestHandler({
      engine: {
        callRaw: async () => ({ ok: true, value: null }),
        on(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      token,
      port: () => port,
      rendererDir: tempDir('parterre-renderer-'),
      uploads: { save: () => Promise.reject(new Error('no upload here')) },
    });
    http = createServer(handler);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as AddressInfo).port;
  });

  afterAll(async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });

  it('delivers each engine event as one data line and unsubscribes when the client leaves', async () => {
    const event: EngineEvent = { type: 'menu', action: 'import' };
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: `/events?token=${token}` }, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('\n\ndata: ') && text.endsWith('\n\n')) {
            req.destroy();
            resolve(text);
          }
        });
        // The stream is open and subscribed: fire the event.
        setImmediate(() => listeners.forEach((listener) => listener(event)));
      });
      req.on('error', reject);
      req.end();
    });
    const dataLines = received.split('\n').filter((line) => line.startsWith('data: '));
    expect(dataLines).toEqual([`data: ${JSON.stringify(event)}`]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listeners.size).toBe(0);
  });
});
