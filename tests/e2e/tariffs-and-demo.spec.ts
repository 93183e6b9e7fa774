/**
 * Issue 9 on screen: a user corrects a tariff's kind on « Tarifs » and sees the season figure it
 * decides change (checked by hand and against the command line); the base is emptied after a
 * backup; on a fresh base the demonstration opens in a database of its own, the sidebar says
 * so, and leaving it brings back the user's own (empty) base.
 */
import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeasonIndicators } from '../../shared/types.js';
import { generateDemo, startApp, type RunningApp } from './support/app.js';
import { screen } from './support/screens.js';

let app: RunningApp;
test.afterEach(async () => {
  await app?.stop();
});

const HEADER = 'N° billet;N° commande;Date commande;Montant;nbPlaces;Tarif;N° séance;Date séance;Spectacle;N° client;Nom;Email';
// Two seasons; « Tarif Découverte » is in fact a subscription formula, which Parterre cannot guess.
const LINES = [
  'T1;O1;01/09/2024 10:00;25,00;1;Plein tarif;P1;10/10/2024 20:30;Phèdre;C1;Dupont;anne@exemple.fr',
  'T2;O1;01/09/2024 10:00;18,00;1;Tarif Découverte;P1;10/10/2024 20:30;Phèdre;C1;Dupont;anne@exemple.fr',
  'T3;O2;02/09/2024 10:00;18,00;1;Tarif Découverte;P1;10/10/2024 20:30;Phèdre;C2;Martin;paul@exemple.fr',
  'T4;O2;02/09/2024 10:00;10,00;1;Moins de 26 ans;P1;10/10/2024 20:30;Phèdre;C2;Martin;paul@exemple.fr',
  'T5;O3;03/09/2024 10:00;0,00;1;Invitation;P1;10/10/2024 20:30;Phèdre;C3;Durand;lea@exemple.fr',
  'T6;O4;01/09/2025 10:00;18,00;1;Tarif Découverte;P2;10/10/2025 20:30;Bérénice;C1;Dupont;anne@exemple.fr',
  'T7;O5;01/09/2025 10:00;15,00;1;Carte Fidélité;P2;10/10/2025 20:30;Bérénice;C3;Durand;lea@exemple.fr',
];

test('correcting a tariff kind changes the figures it decides; emptying the base keeps a backup', async ({ page }) => {
  app = await startApp();
  const file = join(app.dir, 'billets.csv');
  writeFileSync(file, [HEADER, ...LINES].join('\r\n') + '\r\n');
  await app.rpc('imports.run', { files: [{ path: file }] });

  await page.goto(app.url);
  await expect(page.getByTestId('database-badge')).toHaveAttribute('data-kind', 'own');
  await page.getByRole('link', { name: 'Tarifs' }).click();
  await expect(page.getByRole('heading', { name: 'Types de tarifs' })).toBeVisible();
  await expect(page.getByTestId('tariff-count')).toHaveText('5 tarifs, dont 5 à confirmer');
  const discovery = page.locator('tr[data-tariff="Tarif Découverte"]');
  await expect(discovery).toContainText('Plein tarif');
  await expect(discovery).toContainText('aucun mot reconnu');
  await expect(page.locator('tr[data-tariff="Moins de 26 ans"]')).toContainText('le nom contient « moins de »');
  const subscribers2024 = page.locator('tr[data-season="2024-2025"] td[data-figure="subscribers"]');
  const subscribers2025 = page.locator('tr[data-season="2025-2026"] td[data-figure="subscribers"]');
  // Before: only Léa's « Carte Fidélité » in 2025-2026.
  await expect(subscribers2024).toHaveText('0');
  await expect(subscribers2025).toHaveText('1');
  await screen(page, 'issue9-01-tarifs-proposes');

  await page.getByRole('combobox', { name: 'Type du tarif Tarif Découverte' }).selectOption({ label: 'Abonnement / forfait' });
  await expect(discovery).toContainText('Confirmé');
  // By hand: 2024-2025 — Anne (T2) and Paul (T3); 2025-2026 — Anne (T6) and Léa (T7).
  await expect(subscribers2024).toHaveText('2');
  await expect(subscribers2025).toHaveText('2');
  await expect(page.getByTestId('tariff-count')).toHaveText('5 tarifs, dont 4 à confirmer');
  const seasons = await app.cli<SeasonIndicators[]>('seasons');
  expect(seasons.map((s) => s.subscribers)).toEqual([2, 2]);
  await screen(page, 'issue9-02-tarif-corrige');

  await page.getByLabel('Seulement les tarifs à confirmer').check();
  await expect(discovery).toHaveCount(0);
  await page.getByRole('button', { name: 'Tout confirmer' }).click();
  await expect(page.getByTestId('tariff-count')).toHaveText('5 tarifs, dont 0 à confirmer');
  await expect(page.getByText('Tous les tarifs sont confirmés.')).toBeVisible();
  const listed = await app.rpc('tariffs.list', {});
  expect(listed.every((t) => t.confirmed)).toBe(true);
  expect(listed.find((t) => t.name === 'Tarif Découverte')!.kind).toBe('subscription');

  // Emptying the base, after a backup the dialog names.
  await page.goto(`${app.origin}/#/parametres`);
  const settings = page.getByTestId('database-settings');
  await expect(settings.locator('[data-count="tickets"]')).toHaveText('7');
  await settings.getByRole('button', { name: 'Vider la base…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vider la base ?' });
  await expect(dialog).toContainText(join(app.dir, 'backups'));
  await screen(page, 'issue9-03-vider-la-base', false);
  await dialog.getByRole('button', { name: 'Sauvegarder puis vider' }).click();
  await expect(page.getByRole('status')).toContainText(`Base vidée. Sauvegarde : ${join(app.dir, 'backups')}`);
  await expect(settings.locator('[data-count="tickets"]')).toHaveText('0');
  await screen(page, 'issue9-04-base-videe');
  expect((await app.rpc('app.info', {})).counts.tickets).toBe(0);
});

test('the demonstration opens apart, is always shown, and can be left', async ({ page }) => {
  app = await startApp();
  // A small demo export where the app looks for it (it generates the full one only when absent).
  mkdirSync(join(app.dir, 'demo'));
  await generateDemo(join(app.dir, 'demo', 'parterre-demo.csv'), 3000);

  await page.goto(app.url);
  await expect(page.getByTestId('database-badge')).toHaveAttribute('data-kind', 'own');
  await page.getByRole('button', { name: /Découvrir avec des données de démonstration/ }).click();
  await expect(page.getByRole('heading', { name: 'Spectateurs' })).toBeVisible();
  const badge = page.getByTestId('database-badge');
  await expect(badge).toHaveAttribute('data-kind', 'demo');
  await expect(badge).toContainText('Démonstration');
  await screen(page, 'issue9-05-demonstration-ouverte');

  const demoPath = join(app.dir, 'demo', 'parterre-demo.sqlite');
  const info = await app.rpc('app.info', {});
  expect(info.database).toEqual({ kind: 'demo', path: demoPath });
  expect(info.counts.tickets).toBeGreaterThan(0);
  await page.goto(`${app.origin}/#/parametres`);
  await expect(page.getByTestId('database-path')).toHaveText(demoPath);
  await screen(page, 'issue9-06-parametres-base-demo');

  await badge.getByRole('button', { name: 'Quitter la démonstration' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Parterre' })).toBeVisible();
  await expect(badge).toHaveAttribute('data-kind', 'own');
  await screen(page, 'issue9-07-demonstration-quittee');
  const own = await app.rpc('app.info', {});
  expect(own.database).toEqual({ kind: 'own', path: app.dbPath });
  expect(own.counts.tickets).toBe(0);
  expect(existsSync(demoPath)).toBe(true);

  // Back in from the settings (reopened as it was), then left from the home page itself: the
  // page must read the user's base again although the address does not change.
  await page.goto(`${app.origin}/#/parametres`);
  await page.getByRole('button', { name: 'Ouvrir la démonstration (base à part)' }).click();
  await expect(badge).toHaveAttribute('data-kind', 'demo');
  await page.goto(`${app.origin}/#/`);
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await badge.getByRole('button', { name: 'Quitter la démonstration' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Parterre' })).toBeVisible();
  await expect(badge).toHaveAttribute('data-kind', 'own');
});
