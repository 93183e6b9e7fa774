/**
 * The SIBIL declaration of the demo export, for two quarters, against figures computed a second
 * way: straight from the export file (tests/helpers/independent-indicators.ts reads it with
 * papaparse and applies DOMAIN.md's rules), per performance, in plain JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../electron/engine/dispatcher.js';
import { demoPath } from '../../electron/engine/handlers/demo.js';
import { handlers } from '../../electron/engine/handlers/index.js';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import type { SibilPerformance } from '../../shared/sibil.js';
import { computeIndependently, type SourceLine } from '../helpers/independent-indicators.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
let engine: Dispatcher;
let lines: SourceLine[];

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await engine.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as CallOutput<N>;
}

beforeAll(async () => {
  db = openTempDb();
  engine = createDispatcher({ db, dataDir: db.dir, handlers, emit: () => undefined });
  await call('demo.load', {});
  // Its lines with every reversal matched to its sale (cancelledSeats), by the helper's own pass.
  lines = computeIndependently(demoPath({ dataDir: db.dir })).lines;
});
afterAll(() => db?.cleanup());

const quarterOfDate = (date: string) => `${date.slice(0, 4)}-T${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** Per performance of the quarter, from the file's lines: the ministry's counts in cents and seats. */
function expectedFor(quarter: string) {
  const byPerformance = new Map<string, { full: number; fullCents: number; subscription: number; free: number; total: number; cents: number; capacity: number | null; title: string }>();
  for (const line of lines) {
    if (quarterOfDate(line.performanceDate) !== quarter) continue;
    const entry = byPerformance.get(line.performance) ?? { full: 0, fullCents: 0, subscription: 0, free: 0, total: 0, cents: 0, capacity: line.capacity, title: line.showTitle };
    byPerformance.set(line.performance, entry);
    if (line.isReversal) continue;
    const valid = line.seats - line.cancelledSeats;
    entry.total += valid;
    entry.cents += valid * line.unitPriceCents;
    if (line.unitPriceCents === 0 || line.kind === 'free') entry.free += valid;
    else if (line.kind === 'full') {
      entry.full += valid;
      entry.fullCents += valid * line.unitPriceCents;
    } else if (line.kind === 'subscription') entry.subscription += valid;
  }
  return byPerformance;
}

describe('the SIBIL declaration of the demo data', () => {
  it('gives, for the two busiest quarters, every field of every performance as the export says', async () => {
    const quarters = await call('sibil.quarters', {});
    const busiest = [...quarters].sort((a, b) => b.performances - a.performances).slice(0, 2);
    expect(busiest).toHaveLength(2);
    for (const { quarter, performances } of busiest) {
      const expected = expectedFor(quarter);
      const declaration = await call('sibil.declaration', { quarter });
      expect(declaration.lines).toHaveLength(expected.size);
      expect(performances).toBe(expected.size);
      let reducedSomewhere = 0;
      for (const line of declaration.lines) {
        const truth = expected.get(line.key)!;
        expect(truth, line.key).toBeDefined();
        const got: Partial<SibilPerformance> = line;
        expect(got, `${quarter} ${line.key}`).toMatchObject({
          spectacle: truth.title,
          jauge: truth.capacity,
          nbBilletsTarifPlein: truth.full,
          recetteTarifPlein: truth.fullCents / 100,
          nbBilletsTarifAbonnementForfait: truth.subscription,
          nbBilletsExoneres: truth.free,
          nbBilletsTotalBilletterie: truth.total,
          recetteTotalBilletterie: truth.cents / 100,
        });
        const paying = truth.total - truth.free;
        expect(line.prixMoyenTotalBilletterie).toBe(paying ? Math.round(truth.cents / paying) / 100 : null);
        expect(line.prixMoyenTarifPlein).toBe(truth.full ? Math.round(truth.fullCents / truth.full) / 100 : null);
        // Reduced tickets are in the total only: the declared parts leave exactly them out.
        const reduced = truth.total - truth.full - truth.subscription - truth.free;
        expect(line.nbBilletsTarifReduit).toBe(reduced);
        reducedSomewhere += reduced;
      }
      expect(reducedSomewhere).toBeGreaterThan(0);
    }
  });

  it('takes a quarter written 2024-Q4 as 2024-T4', async () => {
    const [first] = await call('sibil.quarters', {});
    const declaration = await call('sibil.declaration', { quarter: first.quarter.replace('-T', '-Q') });
    expect(declaration.quarter).toBe(first.quarter);
  });
});
