/**
 * Rows keep their ids when they move to an archive. Once the newest season is archived, the
 * largest ids of every moved table are in the archive: an import must not hand them out again
 * (the union would then hold two rows under one id), whether the archive is attached or not.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCsv } from '../../fixtures/import/harness.js';
import { fixtureOn, type ArchiveFixture } from '../../helpers/archive-fixture.js';
import { openTempDb } from '../../helpers/temp-db.js';

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Etat', 'Montant', 'nbPlaces', 'Tarif', 'N° séance', 'Date séance', 'Spectacle', 'Discipline', 'Salle', 'Jauge', 'N° client', 'Nom', 'Prénom', 'Code postal', 'Email'];
const anne = ['K1', 'Dupont', 'Anne', '75001', 'anne@exemple.fr'];
const paul = ['K2', 'Martin', 'Paul', '69001', 'paul@exemple.fr'];
const hamlet = ['S1', '15/10/2023 20:30', 'Hamlet', 'Théâtre', 'Grande salle', '100'];
const giselle = ['S2', '20/11/2024 20:30', 'Giselle', 'Danse', 'Grande salle', '100'];
const phedre = ['S3', '10/01/2024 20:30', 'Phèdre', 'Théâtre', 'Petite salle', '50'];

let f: ArchiveFixture;
const TABLES = ['tickets', 'orders', 'performances', 'shows'];
const count = (sql: string) => f.db.sqlite.prepare(sql).pluck().get() as number;
const duplicates = () => Object.fromEntries(TABLES.map((t) => [t, count(`SELECT count(*) FROM (SELECT id FROM ${t} GROUP BY id HAVING count(*) > 1)`)]));

beforeAll(async () => {
  const db = openTempDb();
  const first = join(db.dir, 'first.csv');
  writeFileSync(
    first,
    encodeCsv([
      HEADER,
      ['B1', 'C1', '01/09/2023 10:00', 'V', '20,00', '1', 'Plein tarif', ...hamlet, ...anne],
      ['B2', 'C2', '02/09/2024 10:00', 'V', '25,00', '2', 'Plein tarif', ...giselle, ...paul],
    ]),
  );
  f = fixtureOn(db, first);
  await f.call('imports.run', { files: [{ path: first }] });
  await f.call('archives.archive', { seasons: ['2024-2025'] });
});
afterAll(() => f?.db.cleanup());

async function importLater(name: string, rows: string[][]) {
  const path = join(f.db.dir, name);
  writeFileSync(path, encodeCsv([HEADER, ...rows]));
  return f.call('imports.run', { files: [{ path }] });
}

describe('ids after archiving the newest season', () => {
  it('an import while attached writes its rows above every archived id', async () => {
    const summary = await importLater('second.csv', [['B3', 'C3', '05/12/2023 10:00', 'V', '18,00', '1', 'Tarif réduit', ...phedre, ...paul]]);
    expect(summary.tickets.new).toBe(1);
    expect(duplicates()).toEqual({ tickets: 0, orders: 0, performances: 0, shows: 0 });
    for (const t of TABLES) expect(count(`SELECT max(id) FROM main.${t}`), t).toBeGreaterThan(count(`SELECT max(id) FROM archive_1.${t}`));
    // No placeholder row is left behind.
    expect(count("SELECT count(*) FROM main.tickets WHERE source_key LIKE '%archived-id-floor'")).toBe(0);
    const seasons = await f.call('seasons.list', {});
    expect(seasons.map((s) => [s.label, s.tickets, s.revenueCents, s.performances])).toEqual([
      ['2023-2024', 2, 3800, 2],
      ['2024-2025', 2, 5000, 1],
    ]);
  });

  it('and while detached too', async () => {
    await f.call('archives.detach', { id: 1 });
    await importLater('third.csv', [['B4', 'C4', '06/12/2023 10:00', 'V', '12,00', '1', 'Tarif réduit', ...phedre, ...anne]]);
    await f.call('archives.attach', { id: 1 });
    expect(duplicates()).toEqual({ tickets: 0, orders: 0, performances: 0, shows: 0 });
    const seasons = await f.call('seasons.list', {});
    expect(seasons.map((s) => [s.label, s.tickets, s.revenueCents])).toEqual([
      ['2023-2024', 3, 5000],
      ['2024-2025', 2, 5000],
    ]);
  });
});

describe('a performances file holding an archived season', () => {
  it('counts its lines as archived and writes only the living ones', async () => {
    const path = join(f.db.dir, 'seances.csv');
    writeFileSync(
      path,
      encodeCsv([
        ['N° séance', 'Date séance', 'Spectacle', 'Discipline', 'Salle', 'Jauge'],
        ['S2', '20/11/2024 20:30', 'Giselle', 'Danse', 'Grande salle', '120'],
        ['S9', '02/02/2024 20:30', 'Bérénice', 'Théâtre', 'Petite salle', '60'],
      ]),
    );
    const summary = await f.call('imports.run', { files: [{ path, kind: 'performances' }] });
    expect(summary.archivedLines).toBe(1);
    expect(summary.performances.new).toBe(1);
    expect(count('SELECT count(*) FROM main.performances WHERE season_year = 2024')).toBe(0);
    expect(duplicates()).toEqual({ tickets: 0, orders: 0, performances: 0, shows: 0 });
  });
});
