/**
 * `npm run bench`: generates a 1,000,000-line demo export (cached under the OS temp folder),
 * imports it into a fresh database through the engine worker, and times the indicators against
 * their targets. Not a test: speed is proved here, never by timed assertions.
 *
 * It goes through `startEngine` (the worker client), not the dispatcher in-process: that is the
 * path the app takes (structured-clone messages, a worker thread holding the database), and it
 * leaves this thread free to sample the memory every 20 ms while the import runs. The RSS is the
 * whole process's, so it includes the worker; the generator runs in a child process.
 *
 * `BENCH_IMPORTS=N` imports the file N times, each into a fresh database through a fresh engine,
 * and checks the target on the median: one run on a shared or virtual machine can be 30% off.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../../electron/engine/client.js';
import type { CallInput, CallName } from '../../shared/contract.js';
import type { ImportProgress } from '../../shared/types.js';
import { cliStartReport, timeCliSeasons } from './cli-start.js';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const RUNS = 5;
const IMPORTS = Math.max(1, Number(process.env.BENCH_IMPORTS ?? 1));

const TARGETS = {
  importMs: 8_000,
  peakRssMb: 600,
  seasonsMs: 150,
  quartilesMs: 300,
  /** The season report's data (reports.season, a season with its previous one) and the dashboard's (the same call, latest season). */
  reportMs: 150,
  dashboardMs: 150,
};

// ---- memory, sampled over the whole run ------------------------------------------------------
let peakRss = process.memoryUsage.rss();
let windowPeak = peakRss;
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) peakRss = rss;
  if (rss > windowPeak) windowPeak = rss;
}, 20);
const mb = (bytes: number) => bytes / 1024 / 1024;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const check = (ok: boolean) => (ok ? '✔' : '✘');
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---- the export, generated once per seed and size --------------------------------------------
const cacheDir = join(tmpdir(), 'parterre-bench');
mkdirSync(cacheDir, { recursive: true });
// The generator's own source is part of the cache key: a changed generator makes a new file.
const generatorDir = new URL('../../resources/demo/', import.meta.url);
const generatorHash = createHash('sha256');
for (const name of readdirSync(generatorDir).sort()) generatorHash.update(readFileSync(new URL(name, generatorDir)));
const csvPath = join(cacheDir, `demo-seed${SEED}-lines${LINES}-${generatorHash.digest('hex').slice(0, 8)}.csv`);
const metaPath = `${csvPath}.json`;
interface Meta {
  lines: number;
  bytes: number;
  generationMs: number;
}
let meta: Meta | null = null;
if (existsSync(csvPath) && existsSync(metaPath)) {
  const cached = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
  if (statSync(csvPath).size === cached.bytes) meta = cached;
}
let generated = false;
if (!meta) {
  // In a child process: its memory must not count in this process's peak during the import.
  const t0 = performance.now();
  const output = execFileSync(process.execPath, ['--import', 'tsx', new URL('./generate-cli.ts', import.meta.url).pathname, csvPath, String(SEED), String(LINES)], {
    encoding: 'utf8',
  });
  const result = JSON.parse(output) as { lines: number; bytes: number };
  meta = { lines: result.lines, bytes: result.bytes, generationMs: performance.now() - t0 };
  writeFileSync(metaPath, JSON.stringify(meta));
  generated = true;
}

// ---- the import, through the worker ----------------------------------------------------------
type Engine = ReturnType<typeof startEngine>;

async function call<N extends CallName>(client: Engine, name: N, input: CallInput<N>) {
  const result = await client.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** One import into a fresh database; the engine is left open for the calls timed after it. */
async function importOnce() {
  const workDir = mkdtempSync(join(tmpdir(), 'parterre-bench-db-'));
  const client = startEngine({ dbPath: join(workDir, 'parterre.sqlite'), dataDir: workDir });
  if ((await client.ready) < 0) throw new Error('the engine could not open its database');
  // As the command line does for a file named on it: the path policy opens only granted files.
  client.grant([csvPath], 'read');
  const phaseStarts: { phase: ImportProgress['phase']; at: number }[] = [];
  client.on((event) => {
    if (event.type !== 'import.progress') return;
    const last = phaseStarts[phaseStarts.length - 1];
    if (!last || last.phase !== event.progress.phase) phaseStarts.push({ phase: event.progress.phase, at: performance.now() });
  });
  windowPeak = process.memoryUsage.rss();
  const start = performance.now();
  const summary = await call(client, 'imports.run', { files: [{ path: csvPath, name: 'demo-1M.csv' }] });
  return { workDir, client, phaseStarts, summary, start, ms: performance.now() - start, peak: windowPeak };
}

const imports: Awaited<ReturnType<typeof importOnce>>[] = [];
for (let i = 0; i < IMPORTS; i++) {
  const run = await importOnce();
  imports.push(run);
  if (i < IMPORTS - 1) {
    await run.client.close();
    rmSync(run.workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}
const { workDir, client, phaseStarts, summary, start: importStart } = imports[imports.length - 1];
const importTimes = imports.map((run) => run.ms);
const importMs = median(importTimes);
// The highest of the runs: a later run may start above the first's baseline, never below.
const importPeak = Math.max(...imports.map((run) => run.peak));

/**
 * The first call after the import (the engine caches some results per data version, so it is
 * the one a user waits for) and the median of RUNS calls. The target is checked on the worse.
 */
async function timed(name: CallName, input: object): Promise<{ first: number; median: number; worst: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await call(client, name, input as never);
    times.push(performance.now() - t0);
  }
  const m = median(times);
  return { first: times[0], median: m, worst: Math.max(times[0], m) };
}
const seasons = await timed('seasons.list', {});
const quartiles = await timed('customers.quartiles', {});
const list = await timed('customers.list', { sort: 'ltv', limit: 100 });
// The dashboard asks for the latest season; the printed report for any season (here the one
// before the latest, so that its previous season is read too).
const dashboard = await timed('reports.season', {});
const seasonLabels = (await call(client, 'seasons.list', {})).map((s) => s.label);
const reportData = await timed('reports.season', { season: seasonLabels.at(-2) ?? seasonLabels.at(-1) });
const timing = (t: { first: number; median: number }) => `${fmt(t.first, 1)} ms first, ${fmt(t.median, 1)} ms median of ${RUNS}`;
// The command line as a whole process on this database (another process reads it beside the engine).
const cliStart = timeCliSeasons(join(workDir, 'parterre.sqlite'));

await client.close();
clearInterval(sampler);
rmSync(workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });

// ---- report ----------------------------------------------------------------------------------
const sizeMb = mb(meta.bytes);
console.log(`\nParterre import benchmark — ${fmt(meta.lines)} ticket lines, ${fmt(sizeMb, 1)} MB (Windows-1252), seed ${SEED}`);
console.log(`  file: ${csvPath}`);
console.log(
  `  generation          ${fmt(meta.generationMs / 1000, 2)} s${generated ? '' : ' (earlier run; file reused from the cache)'}, child process included` +
    `  (${fmt(meta.lines / (meta.generationMs / 1000))} lines/s)`,
);
const importRuns = IMPORTS > 1 ? ` (median of ${IMPORTS} imports: ${importTimes.map((ms) => fmt(ms / 1000, 2)).join(', ')} s)` : '';
console.log(`  import              ${fmt(importMs / 1000, 2)} s   target < ${TARGETS.importMs / 1000} s   ${check(importMs < TARGETS.importMs)}${importRuns}`);
console.log(`  throughput          ${fmt(meta.lines / (importMs / 1000))} lines/s, ${fmt(sizeMb / (importMs / 1000), 1)} MB/s`);
console.log(
  `  peak memory (RSS)   ${fmt(mb(importPeak))} MB during the import${IMPORTS > 1 ? "s (the highest)" : ""}   target < ${TARGETS.peakRssMb} MB   ${check(mb(importPeak) < TARGETS.peakRssMb)}`,
);
console.log(`                      ${fmt(mb(peakRss))} MB over the whole run of this process (the generator runs in a child process)`);
console.log(`  seasons.list        ${timing(seasons)}   target < ${TARGETS.seasonsMs} ms   ${check(seasons.worst < TARGETS.seasonsMs)}`);
console.log(
  `  customers.quartiles ${timing(quartiles)}   target < ${TARGETS.quartilesMs} ms   ${check(quartiles.worst < TARGETS.quartilesMs)}`,
);
console.log(`  customers.list      ${timing(list)} (first page of 100 by lifetime value)`);
console.log(cliStartReport(`${fmt(meta.lines)} lines`, cliStart));
console.log(`  dashboard           ${timing(dashboard)}   target < ${TARGETS.dashboardMs} ms   ${check(dashboard.worst < TARGETS.dashboardMs)} (reports.season, latest season)`);
console.log(`  season report data  ${timing(reportData)}   target < ${TARGETS.reportMs} ms   ${check(reportData.worst < TARGETS.reportMs)} (reports.season ${seasonLabels.at(-2) ?? ''})`);

if (phaseStarts.length) {
  console.log(`  where the import time goes (from its progress events${IMPORTS > 1 ? ', last import' : ''}):`);
  const end = importStart + importTimes[importTimes.length - 1];
  console.log(`    ${'(before)'.padEnd(12)} ${fmt((phaseStarts[0].at - importStart) / 1000, 2)} s`);
  phaseStarts.forEach((p, i) => {
    const until = phaseStarts[i + 1]?.at ?? end;
    console.log(`    ${p.phase.padEnd(12)} ${fmt((until - p.at) / 1000, 2)} s`);
  });
} else console.log('  (the importer reported no progress phases)');
console.log(
  `  summary: ${fmt(summary.linesRead)} lines read, ${fmt(summary.rejected)} rejected, ${fmt(summary.tickets.new)} tickets, ` +
    `${fmt(summary.customers.new)} customers, ${fmt(summary.orders.new)} orders, reversals ${summary.reversals.matched} matched / ` +
    `${summary.reversals.unmatched} unmatched; engine-side ${fmt(summary.durationMs / 1000, 2)} s\n`,
);
