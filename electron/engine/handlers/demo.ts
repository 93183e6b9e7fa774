/** The demo export: generate it anywhere the path policy allows, or once into the data folder and import it. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateDemoExport } from '../../../resources/demo/generate.js';
import type { EngineContext, HandlerTable } from '../context.js';
import { runImport } from '../import/run-import.js';
import { isInside, ownPath } from '../path-policy.js';

export const DEMO_FILE_NAME = 'parterre-demo.csv';

/** Where `demo.load` keeps the generated demo: generated once, reused by every later load. */
export function demoPath(ctx: Pick<EngineContext, 'dataDir'>): string {
  return ownPath(ctx.dataDir, 'demo', DEMO_FILE_NAME);
}

export const demoHandlers: HandlerTable<'demo.generate' | 'demo.load'> = {
  'demo.generate': async ({ path, seed, lines }, ctx) => {
    const target = ctx.paths.creatable(path);
    // Folders are made only inside the data folder: elsewhere the user chose an existing one.
    if (isInside(ctx.paths.dataDir, target)) await mkdir(dirname(target), { recursive: true });
    // Exclusive unless the user chose to replace this very file (a write grant): the policy said so.
    const exclusive = !existsSync(target);
    const result = await generateDemoExport({ path: target, seed, lines, signal: ctx.signal, exclusive });
    return { ...result, path };
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
