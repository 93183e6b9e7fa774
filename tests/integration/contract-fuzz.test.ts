/**
 * Every call of the contract, fed inputs its own schema refuses (wrong types, missing keys, extra
 * keys, huge strings, not an object, at any depth), through the real worker client: a VALIDATION
 * error each time, never an uncaught exception, never a dead worker. The calls are read from the
 * contract, so calls added later are fuzzed without being listed here. Seeded.
 */
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../shared/contract.js';
import { startEngine, type EngineClient } from '../../electron/engine/client.js';
import { invalidInputs, isInvalid, mutate, validInputs } from '../helpers/invalid-inputs.js';
import { tempDir } from '../helpers/temp-db.js';

const RUNS_PER_CALL = 25;
const names = Object.keys(contract) as CallName[];
let dir: string;
let engine: EngineClient;

beforeAll(async () => {
  dir = tempDir('parterre-fuzz-');
  engine = startEngine({ dbPath: join(dir, 'parterre.sqlite'), dataDir: dir });
  expect(await engine.ready).toBeGreaterThan(0);
});

afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the generator of invalid inputs', () => {
  it('builds valid inputs for every call, so that the breakage is all the test sends', () => {
    for (const name of names) {
      const valid = validInputs(contract[name].input);
      expect(valid, name).not.toBeNull();
      // A rule JSON Schema cannot say (« an id or criteria, not both », a criteria tree's own
      // checks) makes some samples invalid: the generator must still reach valid ones, so that
      // what the engine refuses is the breakage, not an input it could never accept.
      const samples = fc.sample(valid!, { seed: 7, numRuns: 40 });
      const validCount = samples.filter((value) => !isInvalid(contract[name].input, value)).length;
      expect(validCount, name).toBeGreaterThan(0);
    }
  });

  it('breaks a value at the place the steps lead to', () => {
    const base = { files: [{ path: 'a.csv', dayFirst: true }], dryRun: false };
    expect(mutate(base, [0, 0, 1], { kind: 'replace', value: 'oui' })).toEqual({ files: [{ path: 'a.csv', dayFirst: 'oui' }], dryRun: false });
    expect(mutate(base, [1], { kind: 'delete' })).toEqual({ files: [{ path: 'a.csv', dayFirst: true }] });
    expect(mutate(base, [], { kind: 'add', key: 'x', value: 1 })).toEqual({ ...base, x: 1 });
    expect(base).toEqual({ files: [{ path: 'a.csv', dayFirst: true }], dryRun: false });
  });
});

describe('every call of the contract, given inputs its schema refuses, through the worker', () => {
  it.each(names)('%s answers VALIDATION each time and the engine lives on', async (name) => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(invalidInputs(contract[name].input), async (input) => {
        sent++;
        const result = await engine.callRaw(name, input);
        expect(result.ok, JSON.stringify(input)?.slice(0, 200)).toBe(false);
        if (!result.ok) expect(result.error.code, result.error.message.slice(0, 300)).toBe('VALIDATION');
      }),
      { seed: 20261202, numRuns: RUNS_PER_CALL },
    );
    expect(sent).toBe(RUNS_PER_CALL);
    // Still alive and answering, with nothing changed by the refused calls.
    const info = await engine.call('app.info', {});
    expect(info.ok).toBe(true);
    if (info.ok) expect(info.value.counts.imports).toBe(0);
  });
});
