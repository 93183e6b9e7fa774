/**
 * Browser-mode uploads: Parterre removes only what it made, names that no file system takes are
 * shortened, and each file and the whole run have a cap with a French message.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestHandler } from '../../electron/server/routes.js';
import { startServer, type StartedServer } from '../../electron/server/server.js';
import { removeStaleUploadFolders, safeFileName, UPLOADS_PREFIX } from '../../electron/server/upload.js';
import { tempDir } from '../helpers/temp-db.js';

function rendererIn(dataDir: string): string {
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  return rendererDir;
}

async function upload(server: StartedServer, name: string, body: string | Buffer) {
  const response = await fetch(`http://127.0.0.1:${server.port}/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: { path: string; name: string }; error?: { code: string; message: string } } };
}

describe('uploaded copies of exports', () => {
  it('leave a folder named uploads beside the database, and the file in it, as they were', async () => {
    const dataDir = tempDir('parterre-uploads-');
    const mine = join(dataDir, 'uploads', 'clients-2024.csv');
    mkdirSync(join(dataDir, 'uploads'));
    writeFileSync(mine, 'N° client;Nom\n1;Dupont\n');
    const server = await startServer({ dbPath: join(dataDir, 'parterre.sqlite'), dataDir, rendererDir: rendererIn(dataDir) });
    expect(existsSync(mine)).toBe(true);
    const uploaded = await upload(server, 'billets.csv', 'a;b\n1;2\n');
    expect(uploaded.body.ok).toBe(true);
    await server.close();
    expect(existsSync(mine)).toBe(true);
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual(['clients-2024.csv']);
  });

  it('live in a folder Parterre made for this run, removed at stop with only the files it wrote', async () => {
    const dataDir = tempDir('parterre-uploads-');
    const server = await startServer({ dbPath: join(dataDir, 'parterre.sqlite'), dataDir, rendererDir: rendererIn(dataDir) });
    const { body } = await upload(server, 'billets.csv', 'a;b\n1;2\n');
    expect(body.value!.path.startsWith(join(server.uploadsFolder, ''))).toBe(true);
    expect(existsSync(body.value!.path)).toBe(true);
    await server.close();
    expect(existsSync(body.value!.path)).toBe(false);
    expect(existsSync(server.uploadsFolder)).toBe(false);
  });

  it('never remove a file the user put into Parterre’s folder', async () => {
    const dataDir = tempDir('parterre-uploads-');
    const server = await startServer({ dbPath: join(dataDir, 'parterre.sqlite'), dataDir, rendererDir: rendererIn(dataDir) });
    const { body } = await upload(server, 'billets.csv', 'a;b\n1;2\n');
    const stray = join(server.uploadsFolder, 'notes.txt');
    writeFileSync(stray, 'à garder');
    await server.close();
    expect(existsSync(body.value!.path)).toBe(false);
    expect(existsSync(stray)).toBe(true);
  });

  it('clear the folder of a server that died, not one of a living server nor an unmarked one', async () => {
    const dataDir = tempDir('parterre-uploads-');
    const make = (suffix: string, marker: object | null) => {
      const folder = join(dataDir, `${UPLOADS_PREFIX}${suffix}`);
      mkdirSync(folder);
      writeFileSync(join(folder, '0123456789abcdef-billets.csv'), 'a;b\n');
      if (marker) writeFileSync(join(folder, '.parterre-uploads.json'), JSON.stringify(marker));
      return folder;
    };
    // A pid far above any real one: that process does not exist.
    const dead = make('Dead01', { pid: 2 ** 22 + 12345 });
    const living = make('Live01', { pid: process.pid });
    const unmarked = make('Nomark', null);
    await removeStaleUploadFolders(dataDir);
    expect(existsSync(dead)).toBe(false);
    expect(readdirSync(living)).toHaveLength(2);
    expect(readdirSync(unmarked)).toEqual(['0123456789abcdef-billets.csv']);
  });

  it('take a name of 300 characters without an error or the server’s folder in the answer', async () => {
    const dataDir = tempDir('parterre-uploads-');
    const server = await startServer({ dbPath: join(dataDir, 'parterre.sqlite'), dataDir, rendererDir: rendererIn(dataDir) });
    try {
      for (const name of [`${'é'.repeat(296)}.csv`, `${'a'.repeat(296)}.csv`, `${'🎭'.repeat(150)}.csv`]) {
        const { status, body } = await upload(server, name, 'a;b\n1;2\n');
        expect(status, name).toBe(200);
        expect(body.value!.name).toBe(name);
        expect(body.value!.path.endsWith('….csv')).toBe(true);
        expect(existsSync(body.value!.path)).toBe(true);
      }
    } finally {
      await server.close();
    }
    expect(Buffer.byteLength(safeFileName('x'.repeat(400)))).toBeLessThanOrEqual(200);
  });

  it('refuse a file over the cap per file, and uploads over the cap in total, in French', async () => {
    const dataDir = tempDir('parterre-uploads-');
    const server = await startServer({
      dbPath: join(dataDir, 'parterre.sqlite'),
      dataDir,
      rendererDir: rendererIn(dataDir),
      uploadLimits: { perFileBytes: 1000, totalBytes: 2500 },
    });
    try {
      const big = await upload(server, 'gros.csv', Buffer.alloc(1001, 0x61));
      expect(big.status).toBe(413);
      expect(big.body.error).toEqual({ code: 'VALIDATION', message: 'Fichier trop volumineux : « gros.csv » dépasse la limite de 1\u202f000\u00a0o par fichier.' });
      expect((await upload(server, 'un.csv', Buffer.alloc(1000, 0x61))).status).toBe(200);
      expect((await upload(server, 'deux.csv', Buffer.alloc(1000, 0x61))).status).toBe(200);
      const third = await upload(server, 'trois.csv', Buffer.alloc(1000, 0x61));
      expect(third.status).toBe(413);
      expect(third.body.error!.message).toMatch(/^Envoi refusé : les fichiers envoyés depuis le démarrage de Parterre dépasseraient 2,4\u00a0ko au total\./);
      // Refused uploads leave no file behind: the two accepted ones and our marker only.
      expect(readdirSync(server.uploadsFolder).sort()).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

describe('an upload that fails unexpectedly', () => {
  it('answers 500 with the error code only, never the server’s folders', async () => {
    const failure = Object.assign(new Error("ENAMETOOLONG: name too long, open '/srv/parterre/secret/uploads/x.csv'"), { code: 'ENAMETOOLONG' });
    let port = 0;
    const http = createServer(
      createRequestHandler({
        engine: { callRaw: async () => ({ ok: true, value: null }), on: () => () => undefined },
        token: 'jeton',
        port: () => port,
        rendererDir: tempDir('parterre-renderer-'),
        uploads: { save: () => Promise.reject(failure) },
      }),
    );
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as AddressInfo).port;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/upload?name=x.csv`, { method: 'POST', headers: { Authorization: 'Bearer jeton' }, body: 'a' });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ ok: false, error: { code: 'INTERNAL', message: "Erreur du serveur : la demande n'a pas abouti (ENAMETOOLONG)." } });
      expect(text).not.toContain('/srv');
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
