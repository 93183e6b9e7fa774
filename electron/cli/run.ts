/**
 * The command line's commands, each one call (or a few) to the engine running in its worker
 * thread — the same handlers the app uses. Returns the process exit code: 0 done, 1 the engine
 * refused (bad file, cancelled...), 2 a usage error.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CallInput, CallName, CallOutput, CallResult, EngineEvent } from '../../shared/contract.js';
import { formatNumber } from '../../shared/format.js';
import { appPackage } from '../engine/app-root.js';
import { declaredFields } from '../../shared/sibil.js';
import { sibilCsv } from '../../shared/sibil-csv.js';
import { startEngine, type EngineClient } from '../engine/client.js';
import { databasePath, parseCliArgs, reportFailure, USAGE, UsageError, type CliArgs } from './args.js';
import { runArchiveCommand } from './archives.js';
import { withProgress } from './progress.js';
import { printCustomers, printImportSummary, printQuartiles, printSeasons } from './print.js';
import { runTariffs } from './tariffs.js';
import { printInspection } from './print-inspection.js';
import { explicitMapping, readMappingFile } from './explicit-mapping.js';
import { findChromium, NO_CHROMIUM, printReportPdf } from './report-pdf.js';
import { reportJson, printReport } from './report-print.js';
import { writeReportCsv } from './report-csv.js';
import { runSegmentCli } from './segment.js';
import { checkSentence, defaultQuarter, printSibil } from './sibil.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Registers what to do on Ctrl-C; returns the unregister function. */
  onInterrupt?: (handler: () => void) => () => void;
  /** How `serve` builds a missing interface (npm run build:renderer unless a test says otherwise). */
  buildRenderer?: (root: string) => { ok: boolean; output: string };
}

class EngineRefusal extends Error {}

const READ_ONLY_COMMANDS = new Set<string>(['seasons', 'customers', 'quartiles']);

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

async function runCommand(args: CliArgs, engine: EngineClient, io: CliIo, dbPath: string): Promise<void> {
  const out = (value: unknown, human: () => string) =>
    io.stdout(args.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
  switch (args.command) {
    case 'import': {
      if (args.positionals.length === 0) throw new UsageError('parterre import attend au moins un fichier.');
      const importing = {
        json: args.json,
        cancel: 'imports.cancel' as const,
        describe: (event: EngineEvent) => {
          if (event.type !== 'import.progress') return null;
          const percent = Math.floor(event.progress.percent);
          return { percent, text: `${event.progress.file} : ${percent} % (${formatNumber(event.progress.linesRead)} lignes)` };
        },
      };
      const summary = await withProgress(engine, io, importing, async () => {
        const paths = args.positionals.map((path) => resolve(path));
        // The user named these files on the command line: the engine may read them (path-policy.ts).
        engine.grant(paths);
        const whole = args.mappingFile ? readMappingFile(args.mappingFile) : undefined;
        // An explicit mapping names columns by header: the headers come from the inspection.
        const inspections = whole || args.map.length > 0 ? (await call(engine, 'imports.inspect', { paths })).files : null;
        const files = paths.map((path, i) => {
          const inspection = inspections?.[i];
          const mapping = inspection ? explicitMapping(inspection.name, inspection.headers, inspection.mapping, whole, args.map) : undefined;
          return { path, ...(mapping ? { mapping } : {}), ...(args.amount ? { amountMode: args.amount } : {}) };
        });
        return call(engine, 'imports.run', {
          files,
          preset: args.preset,
          savePreset: args.savePreset,
          seasonStartMonth: args.seasonStartMonth,
          dryRun: args.dryRun,
        });
      });
      out(summary, () => printImportSummary(summary));
      return;
    }
    case 'inspect': {
      if (args.positionals.length === 0) throw new UsageError('parterre inspect attend au moins un fichier.');
      const paths = args.positionals.map((path) => resolve(path));
      // Named on the command line: the engine may read them (path-policy.ts).
      engine.grant(paths);
      const { files } = await call(engine, 'imports.inspect', { paths });
      out(args.json ? files.map(({ sampleRows: _rows, ...file }) => file) : files, () => files.map(printInspection).join('\n\n'));
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
    case 'tariffs':
      return runTariffs(args, engine, call, out);
    case 'report': {
      await runReport(args, engine, io, out, dbPath);
      return;
    }
    case 'demo': {
      const { summary, database } = await call(engine, 'demo.load', {});
      const seasons = await call(engine, 'seasons.list', {});
      const where = summary
        ? `Démonstration importée dans sa propre base : ${database.path} (votre base n'est pas modifiée).`
        : `La base de démonstration était déjà chargée : ${database.path} (votre base n'est pas modifiée).`;
      out({ import: summary, database, seasons }, () =>
        [summary ? printImportSummary(summary) : null, printSeasons(seasons), where].filter(Boolean).join('\n\n'),
      );
      return;
    }
    case 'archive':
    case 'archives':
    case 'attach':
    case 'detach':
    case 'backup':
    case 'restore':
      return runArchiveCommand(args, engine, call, out, io);
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

/** `parterre report`: JSON, human summary, CSV files or a PDF of the season report. */
async function runReport(
  args: CliArgs,
  engine: EngineClient,
  io: CliIo,
  out: (value: unknown, human: () => string) => void,
  dbPath: string,
): Promise<void> {
  const report = await call(engine, 'reports.season', { season: args.season });
  if (args.csv !== undefined) {
    const files = writeReportCsv(resolve(args.csv), report);
    io.stdout(`${files.length} fichiers CSV écrits dans ${resolve(args.csv)} :\n${files.map((f) => `  ${f}`).join('\n')}\n`);
    return;
  }
  if (args.pdf !== undefined) {
    const chromium = findChromium(io.env);
    if (!chromium) throw new EngineRefusal(NO_CHROMIUM);
    // Printed by a browser-mode server of its own on the same database file (WAL: readers share it).
    const file = resolve(args.pdf);
    await printReportPdf({ dbPath, dataDir: dirname(dbPath), seasonLabel: report.season.label, file, chromium });
    io.stdout(`Rapport de la saison ${report.season.label} enregistré : ${file}\n`);
    return;
  }
  out(reportJson(report), () => printReport(report));
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // `parterre segment …` has its own actions and options (electron/cli/segment.ts).
  if (argv[0] === 'segment') return runSegmentCli(argv.slice(1), io);
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
  const dbPath = databasePath(args, io.env);
  const dataDir = dirname(dbPath);
  if (args.command === 'serve') return serve(args, dbPath, dataDir, io);

  // A command that reads and exits runs the engine in this thread: a worker would cost it more
  // than its answer. An import keeps the worker (Ctrl+C and the progress line stay live).
  const engine = READ_ONLY_COMMANDS.has(args.command)
    ? (await import('../engine/in-process.js')).startEngineInProcess({ dbPath, dataDir })
    : startEngine({ dbPath, dataDir });
  try {
    if ((await engine.ready) < 0) {
      // The worker answers every call with the reason it could not open the database.
      const info = await engine.call('app.info', {});
      if (!info.ok) throw new EngineRefusal(describeError(info));
    }
    await runCommand(args, engine, io, dbPath);
    return 0;
  } catch (error) {
    return reportFailure(error, USAGE, io.stderr);
  } finally {
    await engine.close();
  }
}

async function serve(args: CliArgs, dbPath: string, dataDir: string, io: CliIo): Promise<number> {
  const { startServer, DEFAULT_RENDERER_DIR } = await import('../server/server.js');
  const { buildRendererWithNpm, ensureRendererBuilt } = await import('../server/renderer-build.js');
  // PARTERRE_RENDERER_DIR: another build of the interface (tests point it at an empty folder).
  const rendererDir = io.env.PARTERRE_RENDERER_DIR ? resolve(io.env.PARTERRE_RENDERER_DIR) : DEFAULT_RENDERER_DIR;
  const renderer = ensureRendererBuilt({
    rendererDir,
    root: appPackage().root,
    allowBuild: io.env.PARTERRE_NO_BUILD !== '1',
    build: io.buildRenderer ?? buildRendererWithNpm,
    log: io.stderr,
  });
  if (!renderer.ready) {
    io.stderr(`parterre : ${renderer.message}\n`);
    return 1;
  }
  const server = await startServer({ dbPath, dataDir, port: args.port, rendererDir });
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
