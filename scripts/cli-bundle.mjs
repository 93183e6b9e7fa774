#!/usr/bin/env node
/**
 * The command line's bundle: `parterre …` and its engine worker run from plain JavaScript built
 * once with esbuild, instead of compiling some hundred TypeScript files through tsx at every start
 * (1.4 s before the first answer on a small database; a bare `node` starts in 0.1 s).
 *
 * Built on the first run (and by `npm install`'s prepare script) into node_modules/.cache/parterre,
 * where the external packages (better-sqlite3, drizzle, zod…) still resolve, and rebuilt whenever
 * one of its inputs changed: the manifest keeps the modification time and size of every source
 * file esbuild read (its metafile) and of every file of the copied assets (the migrations), so a
 * changed, added or removed file is seen by a few stat calls. Sizes are kept besides times because
 * a checkout may restore an older time.
 *
 * Three entry points, flattened into one folder, because each locates the next beside itself:
 * cli.js starts the engine's worker.js (electron/engine/client.ts), which starts the import's
 * parse-worker.js (import/read/parse-worker-url.ts) and reads ./migrations (db/open.ts).
 *
 * Concurrent first runs (the test suite starts several) never see a half-built bundle: each build
 * goes to a folder of its own, and the manifest naming the current one is replaced by a rename.
 * Never fatal: whoever cannot build (no esbuild, a read-only install) runs from the sources.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, cpSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped when the way the bundle is built changes, so that older bundles are rebuilt. */
const FORMAT = 2;

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRIES = {
  cli: 'electron/cli/index.ts',
  worker: 'electron/engine/worker.ts',
  'parse-worker': 'electron/engine/import/read/parse-worker.ts',
};

/**
 * Packages left out of the bundle: native code; iconv-lite, CommonJS that loads the encoding
 * tables it needs on demand (bundled, all of them: 550 KB to parse at every start); and tools
 * the sources load only when they run as TypeScript.
 */
// playwright-core (loaded only by `report --pdf`) finds its own files through __dirname: it stays a package of its own.
const EXTERNAL = ['better-sqlite3', 'iconv-lite', 'esbuild', 'tsx', 'electron', 'playwright-core'];

/**
 * zod re-exports its forty-odd message locales as one namespace (`z.locales`), which a bundler
 * must keep whole: 290 KB of the worker's 790. Parterre never selects a locale (zod's English
 * messages, set by its schemas module, are the only ones used), so that namespace is left with
 * English alone.
 */
const zodLocalesEnglishOnly = {
  name: 'zod-locales-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/** Folders copied beside the bundle, under these names. */
export const ASSETS = { migrations: 'db/migrations' };

/** Old builds are removed after a day, not at once: a running `parterre serve` may still start workers from one. */
const KEEP_OLD_BUILDS_MS = 24 * 60 * 60 * 1000;

/** [mtimeMs, size] of a file, or null when it is gone. */
function stamp(path) {
  try {
    const info = statSync(path);
    return [info.mtimeMs, info.size];
  } catch {
    return null;
  }
}

/** Every file under a folder, as paths relative to `root`, sorted. */
function filesUnder(root, folder) {
  const found = [];
  const visit = (path) => {
    if (!existsSync(path)) return;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else found.push(relative(root, full).split('\\').join('/'));
    }
  };
  visit(join(root, folder));
  return found.sort();
}

function readManifest(cacheDir) {
  try {
    return JSON.parse(readFileSync(join(cacheDir, 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Why the bundle described by `manifest` must be rebuilt, or null when it is current: the reason
 * is a sentence, for tests and for PARTERRE_DEBUG.
 */
export function staleReason(manifest, { root, cacheDir, assets = ASSETS }) {
  if (!manifest) return 'no bundle yet';
  if (manifest.format !== FORMAT) return 'built by an older version of this script';
  if (!existsSync(join(cacheDir, manifest.dir, 'cli.js'))) return 'bundle folder missing';
  for (const [file, recorded] of Object.entries(manifest.inputs)) {
    const now = stamp(join(root, file));
    if (!now || now[0] !== recorded[0] || now[1] !== recorded[1]) return `${file} changed`;
  }
  for (const folder of Object.values(assets)) {
    const files = filesUnder(root, folder);
    const recorded = Object.keys(manifest.inputs).filter((file) => file.startsWith(`${folder}/`));
    if (files.length !== recorded.length) return `${folder} has files added or removed`;
  }
  return null;
}

/** Builds a new bundle and makes it the current one; returns the new manifest. */
export async function buildBundle({ root = ROOT, cacheDir = join(root, 'node_modules', '.cache', 'parterre'), entries = ENTRIES, assets = ASSETS } = {}) {
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const name = `cli-${Date.now().toString(36)}-${process.pid}`;
  const outdir = join(cacheDir, name);
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.entries(entries).map(([out, source]) => ({ in: source, out })),
    outdir,
    bundle: true,
    splitting: true,
    // The packages are bundled too: zod and drizzle alone are some 400 ES modules, and loading
    // them one by one took longer than everything else (zod 0.36 s, drizzle 0.17 s of a start).
    // Only native and build-time packages stay outside.
    external: EXTERNAL,
    // The CommonJS packages bundled (papaparse, iconv-lite) call require() for Node's own modules.
    banner: { js: "import { createRequire as __parterreRequire } from 'node:module'; const require = __parterreRequire(import.meta.url);" },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.js' },
    // Smaller text parses faster (the worker's 1.6 MB took 60 ms to compile); identifiers are
    // kept so that a stack trace still names the function.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    plugins: [zodLocalesEnglishOnly],
    logLevel: 'silent',
  });
  // This script is an input too: a change in how the bundle is built makes a new one.
  const inputs = { [relative(root, fileURLToPath(import.meta.url)).split('\\').join('/')]: stamp(fileURLToPath(import.meta.url)) };
  for (const file of Object.keys(result.metafile.inputs)) {
    // Our sources only: a module made up by a plugin (« namespace:path ») is no file, and the
    // packages bundled (some 500 files) change only with an install, which the lock file tells.
    if (/^[\w-]{2,}:/.test(file) || /(^|\/)node_modules\//.test(file)) continue;
    inputs[file] = stamp(join(root, file));
  }
  for (const file of ['package.json', 'node_modules/.package-lock.json']) if (existsSync(join(root, file))) inputs[file] = stamp(join(root, file));
  for (const [as, folder] of Object.entries(assets)) {
    cpSync(join(root, folder), join(outdir, as), { recursive: true });
    for (const file of filesUnder(root, folder)) inputs[file] = stamp(join(root, file));
  }
  // The bundle's modules are ESM whatever the package.json above them says.
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
  const manifest = { format: FORMAT, dir: name, builtMs: Date.now() - started, inputs };
  const partial = join(cacheDir, `manifest.json.${process.pid}.tmp`);
  writeFileSync(partial, JSON.stringify(manifest));
  renameSync(partial, join(cacheDir, 'manifest.json'));
  removeOldBuilds(cacheDir, name);
  return manifest;
}

function removeOldBuilds(cacheDir, current) {
  for (const entry of readdirSync(cacheDir)) {
    if (!entry.startsWith('cli-') || entry === current) continue;
    const info = stamp(join(cacheDir, entry));
    if (info && Date.now() - info[0] > KEEP_OLD_BUILDS_MS) rmSync(join(cacheDir, entry), { recursive: true, force: true });
  }
}

/**
 * The folder of a current bundle (built now if needed) and whether it was rebuilt, or null when
 * none can be built: the caller then runs from the sources.
 */
export async function ensureBundle({ root = ROOT, cacheDir = join(root, 'node_modules', '.cache', 'parterre'), entries = ENTRIES, assets = ASSETS } = {}) {
  let manifest = readManifest(cacheDir);
  const reason = staleReason(manifest, { root, cacheDir, assets });
  if (reason) {
    try {
      manifest = await buildBundle({ root, cacheDir, entries, assets });
    } catch (error) {
      if (process.env.PARTERRE_DEBUG) console.error(`parterre: bundle not built (${error.message}); running from the sources`);
      return null;
    }
  }
  return { dir: join(cacheDir, manifest.dir), rebuilt: reason !== null, reason };
}

// `node scripts/cli-bundle.mjs` (npm install's prepare step): build now, never fail the install.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bundle = await ensureBundle();
  console.log(bundle ? `parterre : ligne de commande prête (${relative(process.cwd(), bundle.dir) || '.'})` : 'parterre : ligne de commande lancée depuis les sources (esbuild indisponible).');
}
