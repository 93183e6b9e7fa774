/**
 * Archives, timed on a 1,000,000-ticket database (synthetic, seeded: 100,000 customers, six
 * seasons of 150 performances; tests/unit/kpi/synthetic.ts): archiving three seasons, each into
 * its own file, with the verification (row counts and checksums on both sides, SQLite's
 * integrity check of the new file) and the recomputation of the indicators over the union; then,
 * with the three archives attached, the season indicators, the season report (the latest season,
 * whose history reaches into the archives, and an archived one), customer records, a re-check of
 * one file, a detach + attach, and regrouping the three files into one. `npx tsx tests/bench/archive-bench.ts [tickets] [customers]`;
 * part of `npm run bench`.
 */
import { archiveSeasons, mergeArchives } from '../../electron/engine/archives/archive-seasons.js';
import { attachArchive, detachArchive } from '../../electron/engine/archives/attach.js';
import { verifyArchive } from '../../electron/engine/archives/verify.js';
import { rebuildAggregates } from '../../electron/engine/kpi/aggregates.js';
import { customerRecord } from '../../electron/engine/kpi/customer-record.js';
import { seasonIndicators } from '../../electron/engine/kpi/season-indicators.js';
import { seasonReport } from '../../electron/engine/reports/season-report.js';
import type { ArchiveProgress } from '../../shared/archives-types.js';
import { openTempDb } from '../helpers/temp-db.js';
import { fillSynthetic } from '../unit/kpi/synthetic.js';

const tickets = Number(process.argv[2] ?? 1_000_000);
const customers = Number(process.argv[3] ?? 100_000);
const TARGETS = { archiveSeasonMs: 15_000, seasonsListMs: 100, customerRecordMs: 50, reportMs: 150 };
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const check = (ok: boolean) => (ok ? 'OK' : 'OVER TARGET');

const db = openTempDb();
const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
};
const timeAsync = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
};
try {
  console.log(`\nParterre archives benchmark — ${tickets.toLocaleString('fr-FR')} tickets, ${customers.toLocaleString('fr-FR')} customers, 6 seasons`);
  const [, fillMs] = time(() => fillSynthetic(db.sqlite, { customers, tickets, seasons: 6, performancesPerSeason: 150 }));
  const [, rebuildMs] = time(() => db.sqlite.transaction(() => rebuildAggregates(db.sqlite))());
  console.log(`  database filled in ${fmt(fillMs)}, indicators built in ${fmt(rebuildMs)}`);
  const before = seasonIndicators(db.sqlite, 9);
  const years = before.slice(0, 3).map((s) => s.seasonYear);

  let total = 0;
  for (const year of years) {
    const phases = new Map<ArchiveProgress['phase'], number>();
    let last = performance.now();
    let phase: ArchiveProgress['phase'] | null = null;
    const onProgress = (p: ArchiveProgress) => {
      if (p.phase === phase) return;
      const now = performance.now();
      if (phase) phases.set(phase, (phases.get(phase) ?? 0) + now - last);
      phase = p.phase;
      last = now;
    };
    const start = performance.now();
    const result = await archiveSeasons(db, db.dir, [year], { onProgress });
    const ms = performance.now() - start;
    total += ms;
    const detail = [...phases].map(([name, t]) => `${name} ${fmt(t)}`).join(', ');
    console.log(
      `  archive ${before.find((s) => s.seasonYear === year)!.label}: ${result.moved.tickets.toLocaleString('fr-FR')} tickets, ` +
        `${result.verification.rowsChecked.toLocaleString('fr-FR')} rows verified — ${fmt(ms)}   target < ${fmt(TARGETS.archiveSeasonMs)}   ${check(ms < TARGETS.archiveSeasonMs)}`,
    );
    console.log(`    ${detail}`);
  }
  console.log(`  three seasons archived in ${fmt(total)}`);

  const after = seasonIndicators(db.sqlite, 9);
  console.log(`  figures after archiving identical to before: ${JSON.stringify(after) === JSON.stringify(before) ? 'yes' : 'NO'}`);
  for (let i = 0; i < 2; i++) {
    const [, ms] = time(() => seasonIndicators(db.sqlite, 9));
    console.log(`  seasons.list with 3 archives attached #${i + 1}: ${ms.toFixed(1)} ms   target < ${TARGETS.seasonsListMs} ms   ${check(ms < TARGETS.seasonsListMs)}`);
  }
  // The season report reads tickets through the union views: the latest season (its history in the archives), then an archived one.
  const latest = after[after.length - 1].label;
  for (const [what, label] of [
    ['latest season', latest],
    ['latest season again', latest],
    ['an archived season', before[0].label],
  ] as const) {
    const [, ms] = time(() => seasonReport(db.sqlite, label));
    console.log(`  season report with 3 archives attached, ${what} (${label}): ${ms.toFixed(1)} ms   target < ${TARGETS.reportMs} ms   ${check(ms < TARGETS.reportMs)}`);
  }
  // The first record computes what is cached per data version (the newest order date, the quartiles).
  const times: number[] = [];
  for (let id = 1; id <= customers; id += Math.floor(customers / 21)) times.push(time(() => customerRecord(db.sqlite, { id }, 9))[1]);
  const [first, ...rest] = times;
  const worst = Math.max(...rest);
  console.log(`  customer record, first (fills the per-version caches over 4 files): ${first.toFixed(1)} ms`);
  console.log(`  customer record, 20 more (history across 4 files), slowest: ${worst.toFixed(1)} ms   target < ${TARGETS.customerRecordMs} ms   ${check(worst < TARGETS.customerRecordMs)}`);
  const [, rebuildUnionMs] = time(() => db.sqlite.transaction(() => rebuildAggregates(db.sqlite))());
  console.log(`  indicators recomputed over main + 3 archives: ${fmt(rebuildUnionMs)}`);
  const [verification, verifyMs] = time(() => verifyArchive(db, db.dir, 1));
  console.log(`  « Vérifier » one archive: ${fmt(verifyMs)} (${verification.ok ? 'sound' : 'FAILED'})`);
  const [, detachMs] = time(() => detachArchive(db, 1));
  const [, attachMs] = time(() => attachArchive(db, db.dir, 1));
  console.log(`  detach: ${fmt(detachMs)}, attach: ${fmt(attachMs)} (each recomputes the indicators)`);
  const [merged, mergeMs] = await timeAsync(() => mergeArchives(db, db.dir, [1, 2, 3]));
  console.log(
    `  « Regrouper » the 3 files into one (${merged.verification.rowsChecked.toLocaleString('fr-FR')} rows verified): ${fmt(mergeMs)}; ` +
      `figures identical: ${JSON.stringify(seasonIndicators(db.sqlite, 9)) === JSON.stringify(before) ? 'yes' : 'NO'}`,
  );
} finally {
  await db.cleanup();
}
