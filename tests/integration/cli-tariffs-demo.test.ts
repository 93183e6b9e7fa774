/** `parterre tariffs`, `parterre tariffs set --kind`, and `parterre demo` saying which database it wrote. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { generateDemoExport } from '../../resources/demo/generate.js';
import { encodeCsv } from '../fixtures/import/harness.js';
import { tempDir } from '../helpers/temp-db.js';
import { backgroundCheckpointsSettled } from '../../electron/engine/background-checkpoint.js';

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Montant', 'nbPlaces', 'Tarif', 'N° séance', 'Date séance', 'Spectacle', 'N° client', 'Nom'];
const ROWS = [
  ['B1', 'O1', '01/09/2024 10:00', '25,00', '1', 'Plein tarif', 'P1', '10/10/2024 20:30', 'Phèdre', 'K1', 'Dupont'],
  ['B2', 'O1', '01/09/2024 10:00', '18,00', '1', 'Tarif Découverte', 'P1', '10/10/2024 20:30', 'Phèdre', 'K1', 'Dupont'],
  ['B3', 'O2', '02/09/2024 10:00', '18,00', '1', 'Tarif Découverte', 'P1', '10/10/2024 20:30', 'Phèdre', 'K2', 'Martin'],
  ['B4', 'O2', '02/09/2024 10:00', '10,00', '1', '-26 ans', 'P1', '10/10/2024 20:30', 'Phèdre', 'K2', 'Martin'],
];

describe('parterre tariffs', () => {
  it('lists the tariffs and sets a kind by name; the season figures follow', async () => {
    const dir = tempDir();
    const db = join(dir, 'parterre.sqlite');
    const file = join(dir, 'billets.csv');
    writeFileSync(file, encodeCsv([HEADER, ...ROWS]));
    expect((await cli('import', file, '--db', db, '--json')).code).toBe(0);

    const listed = await cli('tariffs', '--db', db, '--json');
    expect(listed.code).toBe(0);
    const rows = listed.json() as { name: string; proposedKind: string; kind: string; confirmed: boolean; tickets: number }[];
    expect(rows.map((r) => [r.name, r.tickets, r.proposedKind, r.confirmed])).toEqual([
      ['Tarif Découverte', 2, 'full', false],
      ['-26 ans', 1, 'reduced', false],
      ['Plein tarif', 1, 'full', false],
    ]);
    expect((rows as unknown as { reason: unknown }[])[1].reason).toEqual({ source: 'name', match: '-26' });

    const set = await cli('tariffs', 'set', '--kind', 'subscription', 'Tarif Découverte', '--db', db);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/Tarif Découverte\s+2\s+36,00\s€\s+Plein tarif\s+aucun mot reconnu\s+Abonnement\s+oui/);
    const seasons = (await cli('seasons', '--db', db, '--json')).json() as { subscribers: number }[];
    expect(seasons.map((s) => s.subscribers)).toEqual([2]); // K1 (B2) and K2 (B3)

    const unknown = await cli('tariffs', 'set', '--kind', 'free', 'Tarif X', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Tarif inconnu : « Tarif X »');
    const badKind = await cli('tariffs', 'set', '--kind', 'gratuit', 'Plein tarif', '--db', db);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('--kind attend full|reduced|subscription|free, pas « gratuit »');
    await backgroundCheckpointsSettled();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('parterre demo', () => {
  it('writes the demonstration into its own database, says where, and leaves the given one alone', async () => {
    const dir = tempDir();
    const db = join(dir, 'parterre.sqlite');
    mkdirSync(join(dir, 'demo'));
    await generateDemoExport({ path: join(dir, 'demo', 'parterre-demo.csv'), lines: 800, seed: 3 });
    const demo = await cli('demo', '--db', db);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain(`Démonstration importée dans sa propre base : ${join(dir, 'demo', 'parterre-demo.sqlite')}`);
    const again = await cli('demo', '--db', db, '--json');
    expect(again.json()).toMatchObject({ import: null, database: { kind: 'demo', path: join(dir, 'demo', 'parterre-demo.sqlite') } });
    const own = (await cli('customers', '--db', db, '--json')).json() as unknown[];
    expect(own).toEqual([]);
    await backgroundCheckpointsSettled();
    rmSync(dir, { recursive: true, force: true });
  });
});
