/**
 * Segments and the customer list on the 1,000,000-line demo database (110,000 customers), run by
 * `npm run bench` after the import bench. Not a test: prints each figure against its target.
 *
 * The database is the import bench's export, imported once into a file cached next to it. Each
 * figure is the median of RUNS calls after a first one (the first builds the per-version segment
 * tables and the list's index: it is printed on its own). Wall time and this process's CPU time
 * are both printed: on a shared machine the wall time also counts other processes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open.js';
import { listCustomers } from '../../electron/engine/kpi/customer-list.js';
import { exportSegment } from '../../electron/engine/segments/export/run-export.js';
import { ensureSegmentFacts } from '../../electron/engine/segments/facts.js';
import { countCustomers } from '../../electron/engine/segments/query.js';
import { contract, type CallInput } from '../../shared/contract.js';
import type { Criteria } from '../../shared/segments-criteria.js';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const RUNS = 5;
const TARGETS = { countMs: 100, exportMs: 1000, listMs: 30, searchMs: 30 };

const cacheDir = join(tmpdir(), 'parterre-bench');
mkdirSync(cacheDir, { recursive: true });
// The import bench's cached export when there is one (same seed and size), else a fresh one.
const cached = readdirSync(cacheDir).find((name) => name.startsWith(`demo-seed${SEED}-lines${LINES}-`) && name.endsWith('.csv'));
const stem = cached ? cached.slice(0, -4) : `demo-seed${SEED}-lines${LINES}-segments`;
const csvPath = join(cacheDir, `${stem}.csv`);
// The migrations are part of the database's key: a new migration makes a new file.
const migrations = readdirSync(new URL('../../db/migrations', import.meta.url)).join(',');
const dbPath = join(cacheDir, `${stem}-${createHash('sha256').update(migrations).digest('hex').slice(0, 6)}.sqlite`);
const bin = new URL('../../bin/parterre.mjs', import.meta.url).pathname;
if (!existsSync(csvPath)) {
  execFileSync(process.execPath, ['--import', 'tsx', new URL('./generate-cli.ts', import.meta.url).pathname, csvPath, String(SEED), String(LINES)]);
}
if (!existsSync(dbPath)) execFileSync(process.execPath, [bin, 'import', csvPath, '--db', dbPath, '--json'], { stdio: 'ignore' });

const db = openDatabase(dbPath);
const sqlite = db.sqlite;
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

function measure<T>(run: () => T): { wall: number; cpu: number; value: T } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, value };
}

function report<T>(label: string, target: number, run: () => T, describe: (value: T) => string) {
  const first = measure(run);
  const rest = Array.from({ length: RUNS }, () => measure(run));
  const wall = median(rest.map((r) => r.wall));
  const cpu = median(rest.map((r) => r.cpu));
  const ok = wall <= target ? '✔' : cpu <= target ? '~' : '✘';
  console.log(
    `${ok} ${label}: ${fmt(wall)} ms wall, ${fmt(cpu)} ms CPU (median of ${RUNS}; target ${target} ms) — first call ${fmt(first.wall)} ms — ${describe(first.value)}`,
  );
}

const customers = sqlite.prepare('SELECT COUNT(*) FROM customers').pluck().get() as number;
const tickets = sqlite.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;
console.log(`\nSegments and the customer list — ${customers.toLocaleString('en-US')} customers, ${tickets.toLocaleString('en-US')} ticket lines (${dbPath})`);
console.log('(✔ wall time within target; ~ CPU time within target, the wall time counting other processes; ✘ neither)\n');

const steps: string[] = [];
const build = measure(() => ensureSegmentFacts(sqlite, (step, ms) => steps.push(`${step} ${fmt(ms)} ms`)));
console.log(`  segment tables, built once per data version: ${fmt(build.wall)} ms wall, ${fmt(build.cpu)} ms CPU (${steps.join(', ')})`);

const seasons = (sqlite.prepare('SELECT DISTINCT season_year FROM performances ORDER BY 1 DESC').pluck().all() as number[]).map((y) => `${y}-${y + 1}`);
const five: Criteria = {
  and: [
    { field: 'discipline', values: ['Danse', 'Théâtre'], seasons: [seasons[1]] },
    { not: { field: 'bought', seasons: [seasons[0]] } },
    { field: 'consent', channel: 'email' },
    { field: 'band', indicator: 'lifetimeValueCents', values: ['Haut', 'Moyenne haute'] },
    { field: 'departement', values: ['75', '92', '93', '94', '69', '13'] },
  ],
};
report('count of a 5-criterion segment', TARGETS.countMs, () => countCustomers(sqlite, five), (n) => `${n.toLocaleString('en-US')} customers`);

// About 50,000 rows: customers with an e-mail, exported for e-mail (consent honoured).
const withEmail: Criteria = { field: 'hasEmail' };
report(
  'export of a segment for e-mail (generic CSV)',
  TARGETS.exportMs,
  () => exportSegment(sqlite, { criteria: withEmail, segmentId: null, segmentName: 'bench', channel: 'email', format: 'csv' }),
  (r) => `${r.rows.toLocaleString('en-US')} rows written, ${(r.segmentCount - r.rows).toLocaleString('en-US')} left out, ${(r.content.length / 1e6).toFixed(1)} MB`,
);

const list = (input: CallInput<'customers.list'>) => listCustomers(sqlite, contract['customers.list'].input.parse(input));
report('customer list, first page by value', TARGETS.listMs, () => list({}), (r) => `${r.total.toLocaleString('en-US')} customers`);
report('customer list, page 500 by name', TARGETS.listMs, () => list({ sort: 'name', offset: 50_000 }), (r) => `${r.rows.length} rows`);
report('search « martin »', TARGETS.searchMs, () => list({ search: 'martin' }), (r) => `${r.total.toLocaleString('en-US')} found`);
const someKey = sqlite.prepare('SELECT source_key FROM customers WHERE id = ?').pluck().get(Math.floor(customers / 2)) as string;
report(`search by customer number « ${someKey} »`, TARGETS.searchMs, () => list({ search: someKey }), (r) => `${r.total} found`);
db.sqlite.close();
