#!/usr/bin/env node
// The `parterre` command. Runs from the command line's bundle (scripts/cli-bundle.mjs: built once,
// rebuilt when a source changes), so that a command answers at once; from the TypeScript sources
// through tsx when no bundle can be built, or when PARTERRE_FROM_SOURCE=1.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBundle } from '../scripts/cli-bundle.mjs';

const bundle = process.env.PARTERRE_FROM_SOURCE === '1' ? null : await ensureBundle();
if (bundle) {
  await import(pathToFileURL(join(bundle.dir, 'cli.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
}
