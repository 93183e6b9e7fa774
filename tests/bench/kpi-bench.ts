/**
 * Times the indicator rebuild and queries on a synthetic 1,000,000-ticket / 100,000-customer
 * database: `npx tsx tests/bench/kpi-bench.ts [tickets] [customers]`.
 */
import { rebuildAggregates } from '../../electron/engine/kpi/aggregates.js';
import { customerQuartiles } from '../../electron/engine/kpi/customer-quartiles.js';
import { listCustomers } from '../../electron/engine/kpi/customer-list.js';
import { customerRecord } from '../../electron/engine/kpi/customer-record.js';
import { seasonIndicators } from '../../electron/engine/kpi/season-indicators.js';
import { contract, type CallInput } from '../../shared/contract.js';
import { openTempDb } from '../helpers/temp-db.js';
import { fillSynthetic } from '../unit/kpi/synthetic.js';

const tickets = Number(process.argv[2] ?? 1_000_000);
const customers = Number(process.argv[3] ?? 100_000);
const db = openTempDb();
const time = <T>(label: string, run: () => T): T => {
  const start = performance.now();
  const value = run();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return value;
};
try {
  time('fill', () => fillSynthetic(db.sqlite, { customers, tickets, seasons: 6, performancesPerSeason: 150 }));
  const dbFile = process.env.KPI_BENCH_DB;
  if (dbFile) db.sqlite.prepare('VACUUM INTO ?').run(dbFile);
  for (let i = 0; i < 3; i++) {
    const steps: string[] = [];
    const onStep = (step: string, ms: number) => steps.push(`${step} ${ms.toFixed(0)}`);
    // The first rebuild fills empty tables (a first import); the next ones find nothing changed.
    const what = i === 0 ? 'empty tables' : 'nothing changed';
    time(`rebuildAggregates #${i + 1} (${what})`, () => db.sqlite.transaction(() => rebuildAggregates(db.sqlite, onStep))());
    console.log(`  ${steps.join(', ')}`);
  }
  const parse = <N extends 'customers.list'>(name: N, input: CallInput<N>) => contract[name].input.parse(input);
  for (let i = 0; i < 2; i++) {
    time(`seasons.list #${i + 1}`, () => seasonIndicators(db.sqlite, 9));
    time(`customers.quartiles #${i + 1}`, () => customerQuartiles(db.sqlite));
    time(`customers.list first page by ltv #${i + 1}`, () => listCustomers(db.sqlite, parse('customers.list', {})));
    time(`customers.list by name, page 500 #${i + 1}`, () => listCustomers(db.sqlite, parse('customers.list', { sort: 'name', offset: 50_000 })));
    time(`customers.list search "nom123" #${i + 1}`, () => listCustomers(db.sqlite, parse('customers.list', { search: 'nom123' })));
    time(`customers.get #${i + 1}`, () => customerRecord(db.sqlite, { key: 'C4242' }, 9));
  }
} finally {
  await db.cleanup();
}
