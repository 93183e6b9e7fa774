import { describe, expect, it } from 'vitest';
import type { EngineContext, Handlers } from '../../../electron/engine/context.js';
import { createDispatcher } from '../../../electron/engine/dispatcher.js';
import { EngineError } from '../../../electron/engine/errors.js';
import { handlers as realHandlers } from '../../../electron/engine/handlers/index.js';
import { openTempDb } from '../../helpers/temp-db.js';

function dispatcherWith(overrides: Partial<Record<keyof Handlers, (input: never, ctx: EngineContext) => unknown>>) {
  const db = openTempDb();
  const handlers = { ...realHandlers, ...overrides } as Handlers;
  return { db, dispatcher: createDispatcher({ db, dataDir: db.dir, handlers, emit: () => {} }) };
}

describe('dispatcher', () => {
  it('answers a valid call with {ok, value}', async () => {
    const { db, dispatcher } = dispatcherWith({});
    const result = await dispatcher.dispatch('settings.get', {});
    expect(result).toEqual({ ok: true, value: { seasonStartMonth: 9, venueName: '' } });
    await db.cleanup();
  });

  it('refuses an unknown call name and an invalid input without calling a handler', async () => {
    let called = 0;
    const { db, dispatcher } = dispatcherWith({ 'settings.set': () => called++ });
    expect(await dispatcher.dispatch('customers.delete_all', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect(await dispatcher.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    const invalid = await dispatcher.dispatch('settings.set', { seasonStartMonth: 'septembre' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!invalid.ok) expect(invalid.error.message).toContain('seasonStartMonth');
    expect(await dispatcher.dispatch('settings.set', { seasonStartMonth: 9, extra: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(called).toBe(0);
    await db.cleanup();
  });

  it('turns a handler failure into an error result, never a throw', async () => {
    const { db, dispatcher } = dispatcherWith({
      'app.info': () => {
        throw new EngineError('NOT_FOUND', 'introuvable', { file: 'x.csv', line: 3 });
      },
      'settings.get': () => {
        throw new TypeError('boom');
      },
    });
    expect(await dispatcher.dispatch('app.info', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'introuvable', details: { file: 'x.csv', line: 3 } },
    });
    expect(await dispatcher.dispatch('settings.get', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    await db.cleanup();
  });

  it('runs calls one at a time, and lets imports.cancel stop the running one', async () => {
    const order: string[] = [];
    let release!: () => void;
    const { db, dispatcher } = dispatcherWith({
      'imports.list': async (_input: never, ctx: EngineContext) => {
        order.push('import started');
        await new Promise<void>((resolve) => {
          release = resolve;
          ctx.signal.addEventListener('abort', () => resolve());
        });
        order.push(ctx.signal.aborted ? 'import aborted' : 'import finished');
        return [];
      },
      'settings.get': () => {
        order.push('settings read');
        return { seasonStartMonth: 9 };
      },
    });
    const running = dispatcher.dispatch('imports.list', {});
    const queued = dispatcher.dispatch('settings.get', {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['import started']);
    expect(await dispatcher.dispatch('imports.cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
    await running;
    await queued;
    expect(order).toEqual(['import started', 'import aborted', 'settings read']);
    expect(await dispatcher.dispatch('imports.cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
    release();
    await db.cleanup();
  });
});
