/**
 * The demonstration: its export generated once into the data folder (or generated anywhere the path policy allows, by demo.generate), and imported into a
 * database of its own (`<dataDir>/demo/parterre-demo.sqlite`), never into the venue's. Loading it
 * switches the engine to that database; leaving switches back (databases.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateDemoExport } from '../../../resources/demo/generate.js';
import type { EngineContext, HandlerTable } from '../context.js';
import { databaseInfo } from '../database/info.js';
import { runImport } from '../import/run-import.js';
import { isInside, ownPath } from '../path-policy.js';

export const DEMO_FILE_NAME = 'parterre-demo.csv';

/** Where `demo.load` keeps the generated demo: generated once, reused by every later load. */
export function demoPath(ctx: Pick<EngineContext, 'dataDir'>): string {
  return ownPath(ctx.dataDir, 'demo', DEMO_FILE_NAME);
}

export const demoHandlers: HandlerTable<'demo.generate' | 'demo.load' | 'demo.leave'> = {
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
    const { databases } = ctx;
    const demo = databases.openDemo();
    // Loaded on an earlier visit: reopened as it was, with nothing to import.
    if ((demo.sqlite.prepare('SELECT count(*) FROM tickets').pluck().get() as number) > 0) {
      return { summary: null, database: databaseInfo(databases) };
    }
    try {
      const path = demoPath(ctx);
      if (!existsSync(path)) {
        await mkdir(dirname(path), { recursive: true });
        await generateDemoExport({ path, signal: ctx.signal });
      }
      const summary = await runImport({ files: [{ path, name: DEMO_FILE_NAME }] }, ctx);
      return { summary, database: databaseInfo(databases) };
    } catch (error) {
      // A failed or cancelled load leaves the user where they were, in their own database.
      await databases.leaveDemo();
      throw error;
    }
  },
  'demo.leave': async (_input, { databases }) => {
    await databases.leaveDemo();
    return databaseInfo(databases);
  },
};
