/**
 * Where the parse worker's code is. From a build, parse-worker.js sits beside this file. From
 * source (the command line, browser mode and tests run without a build step), a worker would need
 * the TypeScript loader, which costs it 0.6–0.8 s to start — every large import; instead the worker
 * is bundled once per process with esbuild (a few tens of milliseconds) into plain JavaScript in
 * node_modules/.cache, where its packages still resolve. The file is named by its content and
 * written by rename, so that processes bundling at the same time never read a half-written one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appPackage } from '../../app-root.js';

let bundled: Promise<URL> | null = null;

async function bundleFromSource(): Promise<URL> {
  const { build } = await import('esbuild');
  const entry = fileURLToPath(new URL('./parse-worker.ts', import.meta.url));
  // The app's folder (counted in ../ it pointed into electron/ once import/ gained sub-folders).
  const { root } = appPackage();
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    write: false,
  });
  const code = result.outputFiles[0].contents;
  const folder = join(root, 'node_modules', '.cache', 'parterre');
  const outfile = join(folder, `parse-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(outfile)) {
    mkdirSync(folder, { recursive: true });
    const partial = `${outfile}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, outfile);
  }
  return pathToFileURL(outfile);
}

/** Rejects when the worker cannot be bundled (from source, esbuild absent or node_modules read-only). */
export function parseWorkerUrl(): Promise<URL> {
  if (!import.meta.url.endsWith('.ts')) return Promise.resolve(new URL('./parse-worker.js', import.meta.url));
  bundled ??= bundleFromSource();
  return bundled;
}
