import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../electron/server/server.js';
import { tempDir } from '../helpers/temp-db.js';

describe('uploaded copies of exports', () => {
  it('are removed when browser mode starts and when it stops', async () => {
    const dataDir = tempDir('parterre-uploads-');
    const leftover = join(dataDir, 'uploads', 'old-clients.csv');
    mkdirSync(join(dataDir, 'uploads'), { recursive: true });
    writeFileSync(leftover, 'N° client;Nom\n1;Dupont\n');
    const rendererDir = join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');

    const server = await startServer({ dbPath: join(dataDir, 'parterre.sqlite'), dataDir, rendererDir });
    expect(existsSync(leftover)).toBe(false);
    const response = await fetch(`http://127.0.0.1:${server.port}/upload?name=billets.csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: 'a;b\n1;2\n',
    });
    const uploaded = (await response.json()) as { ok: true; value: { path: string } };
    expect(existsSync(uploaded.value.path)).toBe(true);
    await server.close();
    expect(existsSync(uploaded.value.path)).toBe(false);
  });
});
