/**
 * The command line end to end, on a small export whose figures are worked out by hand below,
 * and the promise that a killed import leaves the database as it was.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.js';
import { cli } from '../helpers/run-cli.js';
import { generateDemoExport } from '../../resources/demo/generate.js';
import { dumpDatabase, encodeCsv } from '../fixtures/import/harness.js';
import type { TempDb } from '../helpers/temp-db.js';
import { tempDir } from '../helpers/temp-db.js';

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Etat', 'Montant', 'nbPlaces', 'Tarif', 'N° séance', 'Date séance', 'Spectacle', 'Discipline', 'Salle', 'Jauge', 'N° client', 'Nom', 'Prénom', 'Code postal', 'Email'];
const anne = ['K1', 'Dupont', 'Anne', '75001', 'anne@exemple.fr'];
const paul = ['K2', 'Martin', 'Paul', '69001', 'paul@exemple.fr'];
const lea = ['K3', 'Durand', 'Léa', '13001', 'lea@exemple.fr'];
const hamlet = ['S1', '15/10/2023 20:30', 'Hamlet', 'Théâtre', 'Grande salle', '100'];
const giselle = ['S2', '20/11/2024 20:30', 'Giselle', 'Danse', 'Grande salle', '100'];
const ROWS = [
  HEADER,
  ['B1', 'C1', '01/09/2023 10:00', 'V', '20,00', '1', 'Plein tarif', ...hamlet, ...anne],
  ['B2', 'C1', '01/09/2023 10:00', 'V', '15,00', '2', 'Tarif réduit', ...hamlet, ...anne],
  ['B3', 'C2', '05/09/2023 11:00', 'V', '20,00', '1', 'Plein tarif', ...hamlet, ...paul],
  ['B4', 'C3', '02/09/2024 09:00', 'V', '25,00', '1', 'Plein tarif', ...giselle, ...anne],
  ['B5', 'C4', '03/09/2024 09:00', 'V', '0,00', '1', 'Invitation', ...giselle, ...lea],
  ['B6', 'C4', '03/09/2024 09:00', 'V', '25,00', '1', 'Plein tarif', ...giselle, ...lea],
  ['B6', 'C4', '03/09/2024 09:00', 'A', '-25,00', '1', 'Plein tarif', ...giselle, ...lea],
];

describe('parterre on a small export', () => {
  const dir = tempDir('parterre-cli-');
  const db = join(dir, 'parterre.sqlite');
  const file = join(dir, 'billets.csv');
  writeFileSync(file, encodeCsv(ROWS));

  it('imports it and prints the summary', async () => {
    const run = await cli('import', file, '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = run.json();
    expect(summary.linesRead).toBe(7);
    expect(summary.tickets).toEqual({ new: 7, updated: 0, unchanged: 0 }); // B6 and its reversal are two rows
    expect(summary.customers.new).toBe(3);
    expect(summary.reversals).toEqual({ matched: 1, unmatched: 0 });
  });

  it('gives each season its indicators', async () => {
    const seasons = (await cli('seasons', '--db', db, '--json')).json();
    expect(seasons.map((s: { label: string }) => s.label)).toEqual(['2023-2024', '2024-2025']);
    // 2023-2024: B1 (1 seat, 20 €), B2 (2 seats at 15 €), B3 (1 seat, 20 €); orders C1, C2.
    expect(seasons[0]).toMatchObject({
      tickets: 4, ticketsPaid: 4, ticketsFree: 0, revenueCents: 7000, orders: 2, averageBasketCents: 3500,
      spectators: 2, newSpectators: 2, returning: 0, reactivated: 0, retentionRate: null, churnRate: null, subscribers: 0, fillRate: 0.04,
    });
    // 2024-2025: B4 (25 €) and the invitation B5; B6 is cancelled by its reversal.
    expect(seasons[1]).toMatchObject({
      tickets: 2, ticketsPaid: 1, ticketsFree: 1, revenueCents: 2500, orders: 2, averageBasketCents: 1250,
      spectators: 2, newSpectators: 1, returning: 1, reactivated: 0, retentionRate: 0.5, churnRate: 0.5, fillRate: 0.02,
    });
  });

  it('lists customers with their indicators, by lifetime value', async () => {
    const customers = (await cli('customers', '--db', db, '--json', '--sort', 'ltv')).json();
    expect(customers.map((c: { key: string }) => c.key)).toEqual(['K1', 'K2', 'K3']);
    expect(customers[0]).toMatchObject({
      key: 'K1', email: 'anne@exemple.fr', postalCode: '75001', lifetimeValueCents: 7500, orders: 2, tickets: 4,
      activeSeasons: 2, ordersPerSeason: 1, averageBasketCents: 3750, ticketsPerOrder: 2,
      firstPurchase: '2023-09-01', lastPurchase: '2024-09-02', recencyDays: 1,
    });
    expect(customers[0].disciplines.map((d: { discipline: string }) => d.discipline).sort()).toEqual(['Danse', 'Théâtre']);
    expect(customers[2]).toMatchObject({ key: 'K3', lifetimeValueCents: 0, orders: 1, tickets: 1 });
    const found = (await cli('customers', '--db', db, '--json', '--search', 'lea')).json();
    expect(found.map((c: { key: string }) => c.key)).toEqual(['K3']);
  });

  it('prints the quartile cut points, interpolated', async () => {
    const quartiles = (await cli('quartiles', '--db', db, '--json')).json();
    // Lifetime values 0, 2000, 7500: positions 0.5, 1 and 1.5 of the sorted list.
    expect(quartiles.lifetimeValueCents).toEqual([1000, 2000, 4750]);
    expect(Object.keys(quartiles).sort()).toEqual(['averageBasketCents', 'lifetimeValueCents', 'ordersPerSeason', 'ticketsPerOrder']);
  });

  it('prints the quartile cut points for people, money in euros', async () => {
    const human = await cli('quartiles', '--db', db);
    expect(human.stderr).toBe('');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Valeur client\s+10,00\u00a0€\s+20,00\u00a0€\s+47,50\u00a0€/);
  });

  it('prints tables in French for people', async () => {
    const run = await cli('seasons', '--db', db);
    expect(run.stdout).toContain('2024-2025');
    expect(run.stdout).toContain('70,00\u00a0€');
    expect(run.stdout).toContain('50,0\u00a0%');
  });

  it('names the file and says what is wrong when it cannot import', async () => {
    const empty = join(dir, 'vide.csv');
    writeFileSync(empty, '');
    const run = await cli('import', empty, '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('vide.csv');
    const missing = await cli('import', join(dir, 'absent.csv'), '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('absent.csv');
    expect((await cli('import', '--db', db)).code).toBe(2);
  });
});

describe('a killed import', () => {
  it('leaves the database exactly as it was', async () => {
    const dir = tempDir('parterre-kill-');
    const db = join(dir, 'parterre.sqlite');
    const small = join(dir, 'billets.csv');
    writeFileSync(small, encodeCsv(ROWS));
    expect((await cli('import', small, '--db', db)).code).toBe(0);
    const dump = () => {
      const open = openDatabase(db);
      try {
        return dumpDatabase(open as unknown as TempDb);
      } finally {
        open.sqlite.close();
      }
    };
    const before = dump();

    const big = await generateDemoExport({ path: join(dir, 'gros.csv'), lines: 150_000 });
    const child = spawn(process.execPath, ['bin/parterre.mjs', 'import', big.path, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
    let progress = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        progress += chunk.toString();
        // Killed mid-way, once it has written for a while (the transaction is open).
        if (/\b([1-9]\d) %/.test(progress) && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    expect(child.signalCode).toBe('SIGKILL');
    expect(dump()).toBe(before);
  });
});
