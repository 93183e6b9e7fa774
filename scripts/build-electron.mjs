#!/usr/bin/env node
// Builds the desktop app's Node side into dist-electron/ with esbuild.
//
// The main process and the engine are transpiled file by file, keeping the source layout
// (dist-electron/electron/desktop/main.js, dist-electron/electron/engine/worker.js, dist-electron/db/...),
// rather than bundled: the engine finds files relative to its own modules — client.js starts
// ./worker.js beside itself, db/open.js reads ./migrations, the app.info handler reads the
// nearest package.json named parterre above it — and a bundle would move them all. So the migrations and a
// package.json are copied where those modules look, and dist-electron/main.js (package.json's
// "main") just imports the real entry.
//
// The preload is the exception: a sandboxed preload cannot import modules, so it is bundled into
// one CommonJS file, dist-electron/preload.cjs.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-electron');

/** Every TypeScript source of these folders, tests and type declarations left out. */
function sources(folder) {
  const found = [];
  const visit = (path) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts') && !entry.endsWith('.test.ts')) found.push(full);
    }
  };
  visit(join(root, folder));
  return found;
}

export async function buildElectron() {
  rmSync(out, { recursive: true, force: true });
  const nodeEntries = ['electron', 'db', 'shared', 'resources'].flatMap(sources).filter(
    (file) => relative(root, file) !== join('electron', 'desktop', 'preload.ts'),
  );
  await build({
    entryPoints: nodeEntries,
    outdir: out,
    outbase: root,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(root, 'electron', 'desktop', 'preload.ts')],
    outfile: join(out, 'preload.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['electron'],
    sourcemap: 'linked',
    logLevel: 'warning',
  });

  cpSync(join(root, 'db', 'migrations'), join(out, 'db', 'migrations'), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // type: module for the .js files here; name and version for app.info.
  writeFileSync(
    join(out, 'package.json'),
    JSON.stringify({ name: pkg.name, version: pkg.version, type: 'module', private: true }, null, 2) + '\n',
  );
  writeFileSync(join(out, 'main.js'), "import './electron/desktop/main.js';\n");
  mkdirSync(out, { recursive: true });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildElectron();
  console.log(`Application de bureau construite dans ${relative(process.cwd(), out) || '.'}/`);
}
