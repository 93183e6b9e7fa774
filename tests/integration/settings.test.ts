/**
 * The « Paramètres » calls through the contract (the dispatcher validates every input as the app
 * sends it): the venue's name and the season start month round trip, a new month re-derives the
 * seasons, and its preview counts what would move — checked against rows chosen by hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/engine/dispatcher.js';
import { handlers } from '../../electron/engine/handlers/index.js';
import { rebuildAggregates } from '../../electron/engine/kpi/aggregates.js';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { DbBuilder } from '../helpers/build-db.js';
import { openTempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
afterEach(async () => db?.cleanup());

function engine() {
  db = openTempDb();
  const dispatcher = createDispatcher({ db, dataDir: db.dir, handlers, emit: () => {} });
  return {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      const result = await dispatcher.dispatch(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as CallOutput<N>;
    },
    raw: (name: string, input: unknown) => dispatcher.dispatch(name, input),
  };
}

describe('settings', () => {
  it('keeps the venue name and the month, each set without touching the other', async () => {
    const app = engine();
    expect(await app.call('settings.get', {})).toEqual({ seasonStartMonth: 9, venueName: '' });
    expect(await app.call('settings.set', { venueName: '  Théâtre de la Licorne  ' })).toEqual({ seasonStartMonth: 9, venueName: 'Théâtre de la Licorne' });
    expect(await app.call('settings.set', { seasonStartMonth: 7 })).toEqual({ seasonStartMonth: 7, venueName: 'Théâtre de la Licorne' });
    expect(await app.call('settings.get', {})).toEqual({ seasonStartMonth: 7, venueName: 'Théâtre de la Licorne' });
    // The season report reads the raw key.
    expect(db.sqlite.prepare("SELECT value FROM settings WHERE key = 'venueName'").pluck().get()).toBe('Théâtre de la Licorne');
    expect(await app.raw('settings.set', { seasonStartMonth: 13 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await app.raw('settings.set', { venueName: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await app.call('settings.get', {})).toEqual({ seasonStartMonth: 7, venueName: 'Théâtre de la Licorne' });
  });

  it('previews what a new start month moves, then re-derives the seasons when it is saved', async () => {
    const app = engine();
    const build = new DbBuilder(db.sqlite);
    const show = build.show('Hamlet');
    const anne = build.customer({ lastName: 'Dupont' });
    // Start in September: October 2023 and June 2024 are 2023-2024, September 2024 is 2024-2025.
    const october = build.performance({ show, startsAt: '2023-10-15T20:30' });
    const june = build.performance({ show, startsAt: '2024-06-20T20:30' });
    const september = build.performance({ show, startsAt: '2024-09-10T20:30' });
    build.buy(anne, october, 2000, '2023-09-01T10:00', 2);
    build.buy(anne, june, 2000, '2024-05-01T10:00', 3);
    build.buy(anne, september, 2000, '2024-08-01T10:00', 1);
    build.performance({ show, startsAt: '2024-07-05T20:30' }); // no ticket: still a performance of 2023-2024
    rebuildAggregates(db.sqlite);

    // Start in January: a season is a calendar year, so June and July 2024 move from the season
    // starting 2023 to 2024 (2 performances, June's 3 seats); October 2023 and September 2024 stay.
    const preview = await app.call('settings.previewSeasonStart', { seasonStartMonth: 1 });
    expect(preview.currentMonth).toBe(9);
    expect(preview.proposedMonth).toBe(1);
    expect(preview.current).toEqual([
      { label: '2023-2024', performances: 3, tickets: 5 },
      { label: '2024-2025', performances: 1, tickets: 1 },
    ]);
    expect(preview.proposed).toEqual([
      { label: '2023', performances: 1, tickets: 2 },
      { label: '2024', performances: 3, tickets: 4 },
    ]);
    expect(preview.performancesMoved).toBe(2);
    expect(preview.ticketsMoved).toBe(3);
    // Nothing written yet.
    expect((await app.call('seasons.list', {})).map((s) => s.label)).toEqual(['2023-2024', '2024-2025']);

    await app.call('settings.set', { seasonStartMonth: 1 });
    const seasons = await app.call('seasons.list', {});
    expect(seasons.map((s) => [s.label, s.tickets])).toEqual([
      ['2023', 2],
      ['2024', 4],
    ]);
  });
});
