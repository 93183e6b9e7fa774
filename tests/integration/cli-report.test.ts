/**
 * `parterre report` on a small export whose figures are worked out by hand: the JSON of the
 * issue, field for field, and the CSV files. (The PDF is printed in tests/e2e/season-report.spec.ts,
 * which has the built renderer.)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { findChromium, NO_CHROMIUM } from '../../electron/cli/report-pdf.js';
import { encodeCsv } from '../fixtures/import/harness.js';
import { tempDir } from '../helpers/temp-db.js';

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Etat', 'Montant', 'nbPlaces', 'Tarif', 'N° séance', 'Date séance', 'Spectacle', 'Discipline', 'Salle', 'Jauge', 'N° client', 'Nom', 'Prénom', 'Code postal', 'Email'];
const anne = ['K1', 'Dupont', 'Anne', '75001', 'anne@exemple.fr'];
const paul = ['K2', 'Martin', 'Paul', '20000', 'paul@exemple.fr'];
const hamlet = ['S1', '15/10/2023 20:30', 'Hamlet', 'Théâtre', 'Grande salle', '100'];
const giselle = ['S2', '20/11/2024 20:30', 'Giselle', 'Danse', 'Grande salle', ''];
const ROWS = [
  HEADER,
  ['B1', 'C1', '01/09/2023 10:00', 'V', '20,00', '1', 'Plein tarif', ...hamlet, ...anne],
  ['B2', 'C1', '01/09/2023 10:00', 'V', '15,00', '2', 'Tarif réduit', ...hamlet, ...anne],
  ['B3', 'C2', '05/09/2023 11:00', 'V', '20,00', '1', 'Plein tarif', ...hamlet, ...paul],
  ['B4', 'C3', '02/09/2024 09:00', 'V', '25,00', '1', 'Plein tarif', ...giselle, ...anne],
  ['B5', 'C4', '03/09/2024 09:00', 'V', '0,00', '1', 'Invitation', ...giselle, ...paul],
];

describe('parterre report', () => {
  const dir = tempDir('parterre-cli-report-');
  const db = join(dir, 'parterre.sqlite');
  const file = join(dir, 'billets.csv');
  writeFileSync(file, encodeCsv(ROWS));

  it('gives the JSON of the issue: season, previous, performances, disciplines, départements, sales, pace, ladder', async () => {
    expect((await cli('import', file, '--db', db, '--json')).code).toBe(0);
    const run = await cli('report', '--season', '2023-2024', '--db', db, '--json');
    expect(run.stderr).toBe('');
    const report = run.json();
    expect(Object.keys(report)).toEqual(['season', 'previous', 'performances', 'disciplines', 'departements', 'salesByMonth', 'bookingPace', 'ladder']);
    const seasons = (await cli('seasons', '--db', db, '--json')).json();
    expect(report.season).toEqual(seasons[0]);
    expect(report.previous).toBeNull();
    // Hamlet: B1 1 seat 20 €, B2 2 seats at 15 €, B3 1 seat 20 € = 4 seats, 70 €, capacity 100.
    expect(report.performances).toEqual([
      { key: 'S1', date: '2023-10-15T20:30:00', show: 'Hamlet', discipline: 'Théâtre', hall: 'Grande salle', capacity: 100, tickets: 4, ticketsPaid: 4, ticketsFree: 0, revenueCents: 7000, fillRate: 0.04 },
    ]);
    expect(report.disciplines).toEqual([{ discipline: 'Théâtre', tickets: 4, revenueCents: 7000, spectators: 2 }]);
    expect(report.departements).toEqual([
      { code: '75', name: 'Paris', spectators: 1, tickets: 3 },
      { code: '2A', name: 'Corse-du-Sud', spectators: 1, tickets: 1 },
    ]);
    expect(report.salesByMonth).toEqual([{ month: '2023-09', tickets: 4, revenueCents: 7000 }]);
    expect(report.ladder).toEqual([
      { band: '1', spectators: 2, newSpectators: 2 },
      { band: '2', spectators: 0, newSpectators: 0 },
      { band: '3', spectators: 0, newSpectators: 0 },
      { band: '4-10', spectators: 0, newSpectators: 0 },
      { band: '>10', spectators: 0, newSpectators: 0 },
    ]);
    // Sold 44 days (C1, 3 seats) and 40 days (C2, 1 seat) before 15 October.
    const pace = report.bookingPace.points;
    expect(pace[0]).toEqual({ daysBefore: 44, tickets: 3, previousTickets: null });
    expect(pace.find((p: { daysBefore: number }) => p.daysBefore === 41).tickets).toBe(3);
    expect(pace.find((p: { daysBefore: number }) => p.daysBefore === 40).tickets).toBe(4);
    expect(pace.at(-1)).toEqual({ daysBefore: 0, tickets: 4, previousTickets: null });
  });

  it('compares the next season with this one, and leaves the fill rate out without a capacity', async () => {
    const report = (await cli('report', '--db', db, '--json')).json();
    expect(report.season.label).toBe('2024-2025');
    expect(report.previous.label).toBe('2023-2024');
    expect(report.performances[0]).toMatchObject({ key: 'S2', capacity: null, fillRate: null, tickets: 2, ticketsFree: 1, ticketsPaid: 1 });
    expect(report.season).toMatchObject({ spectators: 2, returning: 2, newSpectators: 0, retentionRate: 1 });
  });

  it('writes the tables as CSV files for Excel', async () => {
    const out = join(dir, 'csv');
    const run = await cli('report', '--season', '2023-2024', '--db', db, '--csv', out);
    expect(run.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(8);
    const performances = readFileSync(join(out, 'representations.csv'), 'utf8');
    expect(performances.startsWith('\ufeffNuméro;Date;Heure;Spectacle')).toBe(true);
    expect(performances).toContain('S1;15/10/2023;20:30;Hamlet;Théâtre;Grande salle;100;4;4;0;70,00;4\r\n');
  });

  it('says which seasons exist when the one asked for does not, and refuses two outputs at once', async () => {
    const missing = await cli('report', '--season', '1999-2000', '--db', db, '--json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('2023-2024, 2024-2025');
    const both = await cli('report', '--db', db, '--json', '--csv', dir);
    expect(both.code).toBe(2);
  });

  it('says plainly where no Chromium is found for the PDF', () => {
    expect(findChromium({}, ['/nowhere/chromium'])).toBeNull();
    expect(findChromium({ PARTERRE_CHROMIUM: process.execPath }, [])).toBe(process.execPath);
    expect(NO_CHROMIUM).toMatch(/Chromium/);
  });
});
