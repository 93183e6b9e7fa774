/**
 * The command line's commands, each one call (or a few) to the engine running in its worker
 * thread — the same handlers the app uses. Returns the process exit code: 0 done, 1 the engine
 * refused (bad file, cancelled...), 2 a usage error.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CallInput, CallName, CallOutput, CallResult } from '../../shared/contract.js';
import { formatNumber } from '../../shared/format.js';
import { declaredFields } from '../../shared/sibil.js';
import { sibilCsv } from '../../shared/sibil-csv.js';
import { startEngine, type EngineClient } from '../engine/client.js';
import { defaultDbPath } from '../data-dir.js';
import { parseCliArgs, USAGE, UsageError, type CliArgs } from './args.js';
import { printCustomers, printImportSummary, printQuartiles, printSeasons } from './print.js';
import { checkSentence, defaultQuarter, printSibil } from './sibil.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Registers what to do on Ctrl-C; returns the unregister function. */
  onInterrupt?: (handler: () => void) => () => void;
}

class EngineRefusal extends Error {}

/** "fichier.csv, ligne 12, colonne 4 : message" when the engine says where. */
function describeError(result: Extract<CallResult<unknown>, { ok: false }>): string {
  const details = result.error.details as { file?: string; line?: number; column?: number } | undefined;
  if (details && typeof details === 'object' && typeof details.file === 'string') {
    const where = [details.file, details.line ? `ligne ${details.line}` : '', details.column ? `colonne ${details.column}` : '']
      .filter(Boolean)
      .join(', ');
    return `${where} : ${result.error.message}`;
  }
  return result.error.message;
}

async function call<N extends CallName>(engine: EngineClient, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await engine.call(name, input);
  if (!result.ok) throw new EngineRefusal(describeError(result));
  return result.value;
}

async function runCommand(args: CliArgs, engine: EngineClient, io: CliIo): Promise<void> {
  const out = (value: unknown, human: () => string) =>
    io.stdout(args.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
  switch (args.command) {
    case 'import': {
      if (args.positionals.length === 0) throw new UsageError('parterre import attend au moins un fichier.');
      let lastPercent = -1;
      const stopProgress = engine.on((event) => {
        if (event.type !== 'import.progress' || args.json) return;
        const percent = Math.floor(event.progress.percent);
        if (percent === lastPercent) return;
        lastPercent = percent;
        io.stderr(`\r${event.progress.file} : ${percent} % (${formatNumber(event.progress.linesRead)} lignes)`);
      });
      const stopInterrupt = io.onInterrupt?.(() => {
        io.stderr('\nAnnulation demandée…\n');
        void engine.call('imports.cancel', {});
      });
      try {
        const summary = await call(engine, 'imports.run', {
          files: args.positionals.map((path) => ({ path: resolve(path) })),
          preset: args.preset,
          savePreset: args.savePreset,
          seasonStartMonth: args.seasonStartMonth,
          dryRun: args.dryRun,
        });
        if (lastPercent >= 0) io.stderr('\n');
        out(summary, () => printImportSummary(summary));
      } finally {
        stopProgress();
        stopInterrupt?.();
      }
      return;
    }
    case 'seasons': {
      const seasons = await call(engine, 'seasons.list', {});
      out(seasons, () => printSeasons(seasons));
      return;
    }
    case 'customers': {
      const page = await call(engine, 'customers.list', {
        sort: args.sort ?? 'ltv',
        limit: args.limit ?? (args.json ? 1_000_000 : 50),
        search: args.search,
      });
      out(page.rows, () => printCustomers(page.rows, page.total));
      return;
    }
    case 'quartiles': {
      const quartiles = await call(engine, 'customers.quartiles', {});
      out(quartiles, () => printQuartiles(quartiles));
      return;
    }
    case 'demo': {
      const summary = await call(engine, 'demo.load', {});
      const seasons = await call(engine, 'seasons.list', {});
      out({ import: summary, seasons }, () => `${printImportSummary(summary)}\n\n${printSeasons(seasons)}`);
      return;
    }
    case 'sibil': {
      const declaration = await call(engine, 'sibil.declaration', { quarter: args.quarter ?? defaultQuarter() });
      if (args.csv) {
        await writeFile(resolve(args.csv), sibilCsv(declaration.lines));
        io.stderr(`Déclaration ${declaration.quarter} écrite dans ${resolve(args.csv)} (${formatNumber(declaration.lines.length)} représentations).\n`);
      }
      // --json: the list the ministry's form asks for, one object per performance; the checks go to stderr.
      if (args.json) for (const check of declaration.checks) io.stderr(`À vérifier : ${checkSentence(check)}\n`);
      out(declaration.lines.map(declaredFields), () => printSibil(declaration));
      return;
    }
    default:
      throw new UsageError(`Commande inconnue : ${args.command}.`); // parseCliArgs lets none through
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.stderr(`parterre : ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help || args.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const dbPath = args.db ? resolve(args.db) : defaultDbPath(io.env);
  const dataDir = dirname(dbPath);
  if (args.command === 'serve') return serve(args, dbPath, dataDir, io);

  const engine = startEngine({ dbPath, dataDir });
  try {
    if ((await engine.ready) < 0) {
      // The worker answers every call with the reason it could not open the database.
      const info = await engine.call('app.info', {});
      if (!info.ok) throw new EngineRefusal(describeError(info));
    }
    await runCommand(args, engine, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`parterre : ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`parterre : ${(error as Error).message}\n`);
    return 1;
  } finally {
    await engine.close();
  }
}

async function serve(args: CliArgs, dbPath: string, dataDir: string, io: CliIo): Promise<number> {
  const { startServer } = await import('../server/server.js');
  const server = await startServer({ dbPath, dataDir, port: args.port });
  io.stdout(`Parterre est ouvert à l’adresse ${server.url}\n(Ctrl+C pour arrêter.)\n`);
  // Runs until Ctrl+C; the open server keeps the process alive meanwhile.
  await new Promise<void>((resolveStop) => {
    const stop = io.onInterrupt?.(() => {
      stop?.();
      void server.close().then(resolveStop);
    });
    if (!stop) resolveStop();
  });
  return 0;
}
