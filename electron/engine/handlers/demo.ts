/** The demo export: generate it anywhere, or generate it once into the data folder and import it. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateDemoExport } from '../../../resources/demo/generate.js';
import type { EngineContext, HandlerTable } from '../context.js';
import { runImport } from '../import/run-import.js';

export const DEMO_FILE_NAME = 'parterre-demo.csv';

/** Where `demo.load` keeps the generated demo: generated once, reused by every later load. */
export function demoPath(ctx: Pick<EngineContext, 'dataDir'>): string {
  return join(ctx.dataDir, 'demo', DEMO_FILE_NAME);
}

export const demoHandlers: HandlerTable<'demo.generate' | 'demo.load'> = {
  'demo.generate': async ({ path, seed, lines }, ctx) => {
    await mkdir(dirname(path), { recursive: true });
    return generateDemoExport({ path, seed, lines, signal: ctx.signal });
  },
  'demo.load': async (_input, ctx) => {
    const path = demoPath(ctx);
    if (!existsSync(path)) {
      await mkdir(dirname(path), { recursive: true });
      await generateDemoExport({ path, signal: ctx.signal });
    }
    return runImport({ files: [{ path, name: DEMO_FILE_NAME }] }, ctx);
  },
};
