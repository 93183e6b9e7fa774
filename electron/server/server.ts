/**
 * Browser mode: the real engine behind HTTP on 127.0.0.1, the built renderer as static files, a
 * fresh random token per start. `npm start` uses it where no Electron runtime exists, the
 * end-to-end tests drive it in Chromium, and `parterre serve` opens it. It prints nothing: the
 * caller prints the address.
 */
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { appPackage } from '../engine/app-root.js';
import { startEngine } from '../engine/client.js';
import { newToken } from './guard.js';
import { createRequestHandler } from './routes.js';
import { createUploads, DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload.js';

export interface StartedServer {
  /** `http://127.0.0.1:<port>/#token=<token>`: the token is in the fragment, never sent to a server or logged. */
  url: string;
  port: number;
  token: string;
  /** The folder Parterre made for this run's uploads (removed at close if nothing else is in it). */
  uploadsFolder: string;
  close(): Promise<void>;
}

export const DEFAULT_RENDERER_DIR = join(appPackage().root, 'dist', 'renderer');

export async function startServer(options: {
  dbPath: string;
  dataDir: string;
  port?: number;
  rendererDir?: string;
  uploadLimits?: UploadLimits;
}): Promise<StartedServer> {
  await mkdir(options.dataDir, { recursive: true });
  const uploads = await createUploads(options.dataDir, options.uploadLimits ?? DEFAULT_UPLOAD_LIMITS);
  const engine = startEngine({ dbPath: options.dbPath, dataDir: options.dataDir });
  const token = newToken();
  const streams = new Set<() => void>();
  let port = 0;

  const server = createServer(
    createRequestHandler({
      engine,
      token,
      port: () => port,
      rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
      uploads,
      trackStream(stop) {
        streams.add(stop);
        return () => streams.delete(stop);
      },
    }),
  );

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await engine.close();
    await uploads.remove();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Le port ${options.port} est déjà utilisé : choisissez-en un autre avec --port.`, { cause: error });
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    uploadsFolder: uploads.folder,
    async close() {
      for (const stop of streams) stop();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await engine.close();
      await uploads.remove();
    },
  };
}
