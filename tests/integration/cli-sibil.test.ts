/**
 * `parterre sibil` on a small export whose declaration is worked out by hand below: the JSON list
 * the ministry's form asks for, the CSV file, the quarter's two spellings and a bad one.
 */
import Papa from 'papaparse';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { SIBIL_FIELDS } from '../../shared/sibil.js';
import { encodeCsv } from '../fixtures/import/harness.js';
import { tempDir } from '../helpers/temp-db.js';

const HEADER = ['N° billet', 'N° commande', 'Date commande', 'Etat', 'Montant', 'nbPlaces', 'Tarif', 'N° séance', 'Date séance', 'Spectacle', 'Discipline', 'Salle', 'Jauge', 'N° client', 'Nom', 'Prénom', 'Code postal'];
const anne = ['K1', 'Dupont', 'Anne', '75001'];
const lea = ['K3', 'Durand', 'Léa', '13001'];
const giselle = ['S2', '20/11/2024 20:30', 'Giselle', 'Danse', 'Grande salle', '100'];
const hamlet = ['S3', '10/01/2025 20:00', '=Hamlet', 'Théâtre', 'Studio', ''];
const ROWS = [
  HEADER,
  ['B4', 'C3', '02/09/2024 09:00', 'V', '25,00', '2', 'Plein tarif', ...giselle, ...anne],
  ['B5', 'C4', '03/09/2024 09:00', 'V', '0,00', '1', 'Invitation', ...giselle, ...lea],
  ['B6', 'C4', '03/09/2024 09:00', 'V', '25,00', '1', 'Plein tarif', ...giselle, ...lea],
  ['B6', 'C4', '03/09/2024 09:00', 'A', '-25,00', '1', 'Plein tarif', ...giselle, ...lea],
  ['B7', 'C4', '03/09/2024 09:00', 'V', '12,50', '1', 'Abonnement', ...giselle, ...lea],
  ['B8', 'C4', '03/09/2024 09:00', 'V', '18,00', '1', 'Tarif réduit', ...giselle, ...lea],
  ['B9', 'C5', '04/12/2024 09:00', 'V', '20,00', '1', 'Plein tarif', ...hamlet, ...anne],
];

describe('parterre sibil', () => {
  const dir = tempDir('parterre-sibil-');
  const db = join(dir, 'parterre.sqlite');

  beforeAll(async () => {
    const file = join(dir, 'billets.csv');
    writeFileSync(file, encodeCsv(ROWS));
    expect((await cli('import', file, '--db', db)).code).toBe(0);
  });

  it('prints one object per performance of the quarter, under the ministry’s names, money in euros', async () => {
    const run = await cli('sibil', '--quarter', '2024-T4', '--db', db, '--json');
    expect(run.code).toBe(0);
    // Giselle: B4 2 full seats (50 €), B5 an invitation, B6 cancelled, B7 a subscription (12,50 €), B8 reduced (18 €).
    expect(run.json()).toEqual([
      {
        key: 'S2',
        spectacle: 'Giselle',
        lieu: 'Grande salle',
        dateHeureRepresentation: '2024-11-20T20:30:00',
        jauge: 100,
        nbBilletsTarifPlein: 2,
        recetteTarifPlein: 50,
        prixMoyenTarifPlein: 25,
        nbBilletsTarifAbonnementForfait: 1,
        nbBilletsExoneres: 1,
        nbBilletsTotalBilletterie: 5,
        recetteTotalBilletterie: 80.5,
        prixMoyenTotalBilletterie: 20.13, // 80,50 € / 4 paying tickets = 20,125 → 20,13
        domaine: 'danse',
      },
    ]);
    expect(Object.keys(run.json()[0])).toEqual([...SIBIL_FIELDS]);
    // The tariffs were never confirmed: said on stderr, the JSON stays a plain list.
    expect(run.stderr).toContain('Tarifs jamais confirmés : « Abonnement », « Invitation », « Plein tarif », « Tarif réduit »');
  });

  it('takes 2025-Q1 as 2025-T1, and names what to check in French for people', async () => {
    const run = await cli('sibil', '--quarter', '2025-Q1', '--db', db);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Déclaration SIBIL 2025-T1');
    expect(run.stdout).toContain('avant le 10/04/2025');
    expect(run.stdout).toContain('=Hamlet (S3) : jauge inconnue');
  });

  it('writes the CSV file, read back with its formula-looking title escaped', async () => {
    const out = join(dir, 'sibil.csv');
    const run = await cli('sibil', '--quarter', '2025-T1', '--db', db, '--csv', out);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, row] = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(header).toEqual([...SIBIL_FIELDS]);
    const cell = (field: string) => row[header.indexOf(field)];
    expect(cell('spectacle')).toBe("'=Hamlet");
    expect(cell('dateHeureRepresentation')).toBe('10/01/2025 20:00');
    expect(cell('recetteTotalBilletterie')).toBe('20,00');
    expect(cell('jauge')).toBe('');
    expect(cell('domaine')).toBe('Théâtre, conte, mime');
  });

  it('refuses a quarter it cannot read, saying how to write one', async () => {
    const run = await cli('sibil', '--quarter', '2024-4', '--db', db);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2024-T4');
  });
});
