/**
 * The archive and backup commands end to end, exactly as documented: `parterre archive --season`,
 * `parterre archives --json`, `parterre detach FILE`, `parterre attach FILE`, `parterre backup
 * --out DIR`, `parterre restore DIR`, on a small export whose figures are worked out by hand.
 * Anne's order C1 holds a ticket of 2022-2023 and one of 2023-2024: it stays in the main file
 * and is copied into the archive, and must count once.
 */
import { readdirSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli.js';
import { encodeCsv } from '../../fixtures/import/harness.js';
import { tempDir } from '../../helpers/temp-db.js';

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Etat', 'Montant', 'nbPlaces', 'Tarif', 'N° séance', 'Date séance', 'Spectacle', 'Discipline', 'Salle', 'Jauge', 'N° client', 'Nom', 'Prénom', 'Code postal', 'Email'];
const anne = ['K1', 'Dupont', 'Anne', '75001', 'anne@exemple.fr'];
const paul = ['K2', 'Martin', 'Paul', '69001', 'paul@exemple.fr'];
const lea = ['K3', 'Durand', 'Léa', '13001', 'lea@exemple.fr'];
const tartuffe = ['S0', '15/10/2022 20:30', 'Tartuffe', 'Théâtre', 'Grande salle', '100'];
const hamlet = ['S1', '15/10/2023 20:30', 'Hamlet', 'Théâtre', 'Grande salle', '100'];
const giselle = ['S2', '20/11/2024 20:30', 'Giselle', 'Danse', 'Grande salle', '100'];
const ROWS = [
  HEADER,
  ['B1', 'C1', '01/09/2022 10:00', 'V', '20,00', '1', 'Plein tarif', ...tartuffe, ...anne],
  ['B2', 'C1', '01/09/2022 10:00', 'V', '15,00', '2', 'Tarif réduit', ...hamlet, ...anne],
  ['B3', 'C2', '05/09/2022 11:00', 'V', '10,00', '1', 'Tarif réduit', ...tartuffe, ...paul],
  ['B4', 'C3', '02/09/2023 09:00', 'V', '25,00', '1', 'Plein tarif', ...hamlet, ...lea],
  ['B5', 'C4', '03/09/2024 09:00', 'V', '30,00', '1', 'Plein tarif', ...giselle, ...paul],
  ['B6', 'C5', '04/09/2024 09:00', 'V', '0,00', '1', 'Invitation', ...giselle, ...lea],
  ['B7', 'C5', '04/09/2024 09:00', 'V', '25,00', '1', 'Plein tarif', ...giselle, ...lea],
];

interface Season {
  label: string;
  tickets: number;
  revenueCents: number;
  orders: number;
  spectators: number;
  newSpectators: number;
  returning: number;
  reactivated: number;
}
const pick = (s: Season) => [s.label, s.tickets, s.revenueCents, s.orders, s.spectators, s.newSpectators, s.returning, s.reactivated];

describe('parterre archive, archives, detach, attach, backup, restore', () => {
  const dir = tempDir('parterre-cli-archives-');
  const db = join(dir, 'parterre.sqlite');
  const file = join(dir, 'billets.csv');
  writeFileSync(file, encodeCsv(ROWS));
  let seasonsBefore: unknown;
  let archivePath = '';
  let backupFolder = '';

  it('archives a season; every figure stays, hand-checked', async () => {
    expect((await cli('import', file, '--db', db)).code).toBe(0);
    seasonsBefore = (await cli('seasons', '--db', db, '--json')).json();
    // label, tickets, revenue, orders, spectators, new, returning, reactivated
    expect((seasonsBefore as Season[]).map(pick)).toEqual([
      ['2022-2023', 2, 3000, 2, 2, 2, 0, 0],
      ['2023-2024', 3, 5500, 2, 2, 1, 1, 0],
      ['2024-2025', 3, 5500, 2, 2, 0, 1, 1],
    ]);
    const run = await cli('archive', '--season', '2022-2023', '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json().moved).toMatchObject({ tickets: 2, performances: 1, orders: 2, shows: 1, customers: 2 });
    expect((await cli('seasons', '--db', db, '--json')).json()).toEqual(seasonsBefore);
    const list = (await cli('archives', '--db', db, '--json')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ attached: true, seasons: [{ label: '2022-2023', tickets: 2, orders: 2, performances: 1, shows: 1 }] });
    archivePath = list[0].path;
    expect(archivePath).toBe(join(dir, 'archives', 'parterre-2022-2023.sqlite'));
    const anneRecord = (await cli('customers', '--db', db, '--json', '--search', 'Dupont')).json()[0];
    expect(anneRecord).toMatchObject({ lifetimeValueCents: 5000, orders: 1, tickets: 3, activeSeasons: 2 });
  });

  it('detached: 2022-2023 is gone, later seasons see the shorter history', async () => {
    expect((await cli('detach', archivePath, '--db', db)).code).toBe(0);
    const seasons = (await cli('seasons', '--db', db, '--json')).json() as Season[];
    expect(seasons.map(pick)).toEqual([
      ['2023-2024', 3, 5500, 2, 2, 2, 0, 0],
      ['2024-2025', 3, 5500, 2, 2, 1, 1, 0],
    ]);
    expect((await cli('customers', '--db', db, '--json', '--search', 'Dupont')).json()[0]).toMatchObject({ lifetimeValueCents: 3000, orders: 1, tickets: 2, activeSeasons: 1 });
  });

  it('attached again: every figure is back', async () => {
    expect((await cli('attach', archivePath, '--db', db)).code).toBe(0);
    expect((await cli('seasons', '--db', db, '--json')).json()).toEqual(seasonsBefore);
  });

  it('backs up to a folder with a manifest, and restores it (the current files kept first)', async () => {
    const out = join(dir, 'usb');
    const run = await cli('backup', '--out', out, '--db', db, '--json');
    expect(run.code).toBe(0);
    backupFolder = run.json().folder;
    expect(readdirSync(backupFolder).sort()).toEqual(['archives', 'parterre-sauvegarde.json', 'parterre.sqlite']);
    expect(run.json().manifest.files.map((f: { path: string }) => f.path)).toEqual(['parterre.sqlite', 'archives/parterre-2022-2023.sqlite']);
    // A change after the backup…
    expect((await cli('detach', archivePath, '--db', db)).code).toBe(0);
    const restore = await cli('restore', backupFolder, '--db', db, '--json');
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(readdirSync(restore.json().previousFilesBackup)).toContain('parterre.sqlite');
    // …is undone: byte-identical figures.
    expect((await cli('seasons', '--db', db, '--json')).stdout).toBe(JSON.stringify(seasonsBefore, null, 2) + '\n');
  });

  it('refuses a truncated backup and changes nothing', async () => {
    const main = join(backupFolder, 'parterre.sqlite');
    truncateSync(main, Math.floor(statSync(main).size / 2));
    const run = await cli('restore', backupFolder, '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Sauvegarde tronquée : « parterre\.sqlite »/);
  });
});

describe('parterre archive --into FILE, parterre archives merge FILE FILE', () => {
  const dir = tempDir('parterre-cli-merge-');
  const db = join(dir, 'parterre.sqlite');
  const file = join(dir, 'billets.csv');
  writeFileSync(file, encodeCsv(ROWS));
  let seasonsBefore: Season[] = [];

  it('two seasons in two files, regrouped into one: the figures stay, hand-checked', async () => {
    expect((await cli('import', file, '--db', db)).code).toBe(0);
    seasonsBefore = (await cli('seasons', '--db', db, '--json')).json();
    expect((await cli('archive', '--season', '2022-2023', '--db', db)).code).toBe(0);
    expect((await cli('archive', '--season', '2023-2024', '--db', db)).code).toBe(0);
    const merge = await cli('archives', 'merge', 'parterre-2022-2023.sqlite', join(dir, 'archives', 'parterre-2023-2024.sqlite'), '--db', db);
    expect(merge.stderr).toMatch(/Archivage : 100 %\n$/);
    expect(merge.code).toBe(0);
    expect(merge.stdout).toMatch(/Archives regroupées : .*parterre-2022-2023_2023-2024\.sqlite \(saisons 2022-2023, 2023-2024\)/);
    const list = (await cli('archives', '--db', db, '--json')).json();
    expect(list).toHaveLength(1);
    // 2022-2023: B1, B3 (orders C1, C2); 2023-2024: B2, B4 (orders C1, C3); Tartuffe and Hamlet.
    expect(list[0].seasons.map((s: Season & { performances: number }) => [s.label, s.tickets, s.orders, s.performances])).toEqual([
      ['2022-2023', 2, 2, 1],
      ['2023-2024', 2, 2, 1],
    ]);
    expect(readdirSync(join(dir, 'archives', 'remplacees')).sort()).toEqual(['parterre-2022-2023.sqlite', 'parterre-2023-2024.sqlite']);
    expect((await cli('seasons', '--db', db, '--json')).json()).toEqual(seasonsBefore);
    expect((await cli('customers', '--db', db, '--json', '--search', 'Dupont')).json()[0]).toMatchObject({ lifetimeValueCents: 5000, orders: 1, tickets: 3, activeSeasons: 2 });
  });

  it('adds the last season to it with --into: one file of three seasons, nothing left in the main file', async () => {
    const run = await cli('archive', '--season', '2024-2025', '--into', 'parterre-2022-2023_2023-2024.sqlite', '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // B5, B6, B7 (orders C4, C5), one performance of Giselle.
    expect(run.json().moved).toMatchObject({ tickets: 3, orders: 2, performances: 1, shows: 1 });
    expect(run.json().file.seasons.map((s: Season) => s.label)).toEqual(['2022-2023', '2023-2024', '2024-2025']);
    expect((await cli('seasons', '--db', db, '--json')).json()).toEqual(seasonsBefore);
  });

  it('an unknown archive is refused, saying where to look', async () => {
    const run = await cli('archive', '--season', '2024-2025', '--into', 'nulle-part.sqlite', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/« nulle-part\.sqlite » n’est pas une archive de cette base \(voir parterre archives\)/);
    expect((await cli('archives', 'merge', 'seule.sqlite', '--db', db)).stderr).toMatch(/au moins deux fichiers/);
  });
});
