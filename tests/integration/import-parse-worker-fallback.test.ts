/**
 * Where the parse worker cannot be made (from source without esbuild, or with node_modules
 * read-only), a large file is read on the engine thread instead: the import still succeeds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImportEnv, type ImportEnv } from '../fixtures/import/harness.js';

vi.mock('../../electron/engine/import/read/parse-worker-url.js', () => ({
  parseWorkerUrl: () => Promise.reject(new Error('esbuild absent')),
}));

let env: ImportEnv;
afterEach(() => env.cleanup());

describe('a large file with no parse worker to start', () => {
  it('is read on the engine thread', async () => {
    env = createImportEnv({ parseWorkerFromBytes: 0 });
    const path = env.csv('export.csv', [
      ['N° billet', 'N° commande', 'Montant', 'N° séance', 'Date séance', 'N° client', 'Nom'],
      ['1', '10', '12,50', 'P1', '05/10/2024', '100', 'Dupont'],
      ['2', '10', '12,50', 'P1', '05/10/2024', '100', 'Dupont'],
    ]);
    const summary = await env.ok<{ tickets: { new: number }; customers: { new: number } }>('imports.run', { files: [{ path }] });
    expect(summary.tickets.new).toBe(2);
    expect(summary.customers.new).toBe(1);
  });
});
