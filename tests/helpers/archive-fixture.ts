/**
 * A small imported database for the archive tests: the demo export's generator (seeded, a few
 * thousand lines over four seasons) imported through the real engine, and the figures a test
 * compares before and after archiving: every season indicator and every customer's record.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { createDispatcher, type Dispatcher } from '../../electron/engine/dispatcher.js';
import { handlers } from '../../electron/engine/handlers/index.js';
import { createPathPolicy, type GrantAccess } from '../../electron/engine/path-policy.js';
import { generateDemoExport } from '../../resources/demo/generate.js';
import { withMainTables } from '../../db/archives.js';
import { openDatabase } from '../../db/open.js';
import { openArchives } from '../../electron/engine/archives/attach.js';
import { backgroundCheckpointsSettled } from '../../electron/engine/background-checkpoint.js';
import { openTempDb, tempDir, type TempDb } from './temp-db.js';

export interface ArchiveFixture {
  db: TempDb;
  engine: Dispatcher;
  exportPath: string;
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /** Calls expecting a refusal: the error's message. */
  refusal<N extends CallName>(name: N, input: CallInput<N>): Promise<string>;
  /** What a transport does for files the user chose (a dialog, a command-line argument): path-policy.ts. */
  grant(paths: readonly string[], access?: GrantAccess): void;
}

export function fixtureOn(db: TempDb, exportPath: string): ArchiveFixture {
  const paths = createPathPolicy({ dataDir: db.dir });
  const engine = createDispatcher({ db, dataDir: db.dir, handlers, paths, emit: () => undefined });
  return {
    db,
    engine,
    exportPath,
    grant: (granted, access = 'read') => paths.grant(granted, access),
    async call(name, input) {
      const result = await engine.dispatch(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async refusal(name, input) {
      const result = await engine.dispatch(name, input);
      if (result.ok) throw new Error(`${name} was expected to be refused`);
      return result.error.message;
    },
  };
}

/** The demo generator's export, `lines` lines, written once per test file into `dir`. */
export async function writeExport(dir: string, lines = 3000, seed = 13): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'export.csv');
  await generateDemoExport({ path, seed, lines });
  return path;
}

export async function importedFixture(lines = 3000, seed = 13): Promise<ArchiveFixture> {
  const db = openTempDb();
  const exportPath = await writeExport(join(db.dir, 'export'), lines, seed);
  const fixture = fixtureOn(db, exportPath);
  await fixture.call('imports.run', { files: [{ path: exportPath }] });
  return fixture;
}

/** Every figure a user sees: the season indicators, each season's report, and each customer's full record, by key. */
export async function allFigures(f: ArchiveFixture): Promise<{ seasons: unknown; reports: unknown[]; customers: Record<string, unknown> }> {
  const seasons = await f.call('seasons.list', {});
  const reports: unknown[] = [];
  for (const season of seasons) reports.push(await f.call('reports.season', { season: season.label }));
  const list = await f.call('customers.list', { limit: 1_000_000, sort: 'name' });
  const customers: Record<string, unknown> = {};
  for (const row of list.rows) customers[row.key] = { summary: row, record: await f.call('customers.get', { key: row.key }) };
  return { seasons, reports, customers };
}

/**
 * A fixture on a copy of `source`'s main file, in a new folder (each failure case starts from the
 * same data); `withArchives`: its archive files too, attached as in the source.
 */
export function cloneFixture(source: ArchiveFixture, options: { withArchives?: boolean } = {}): ArchiveFixture {
  const dir = tempDir();
  const path = join(dir, 'parterre.sqlite');
  withMainTables(source.db.sqlite, () => source.db.sqlite.prepare('VACUUM main INTO ?').run(path));
  if (options.withArchives && existsSync(join(source.db.dir, 'archives'))) {
    cpSync(join(source.db.dir, 'archives'), join(dir, 'archives'), { recursive: true });
  }
  const opened = openDatabase(path);
  if (options.withArchives) openArchives(opened, dir);
  const db: TempDb = {
    ...opened,
    dir,
    async cleanup() {
      opened.sqlite.close();
      await backgroundCheckpointsSettled();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixtureOn(db, source.exportPath);
}
