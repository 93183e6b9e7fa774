/**
 * Cancelling a running import leaves the database exactly as it was: same counts, same season
 * figures (as the command line prints them) before and after. And an unreadable file gives a
 * French message, not a blank screen.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo, startApp, type RunningApp } from './support/app.js';
import { screen } from './support/screens.js';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app?.stop();
});

test('Cancel during an import leaves the database as before', async ({ page }) => {
  // Some data already there, imported without the UI.
  const small = await generateDemo(join(app.dir, 'premier-export.csv'), 3000);
  await app.rpc('imports.run', { files: [{ path: small.path }] });
  // A later, much larger export: long enough to be cancelled while it runs.
  const big = await generateDemo(join(app.dir, 'gros-export.csv'), 300_000);

  const countsBefore = (await app.rpc('app.info', {})).counts;
  const seasonsBefore = await app.cli<unknown>('seasons');
  expect(countsBefore.tickets).toBeGreaterThan(0);

  await page.goto(app.url);
  // A base with data opens on the dashboard.
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await page.getByRole('link', { name: 'Importer' }).click();
  await page.getByTestId('file-input').setInputFiles(big.path);
  await expect(page.getByRole('article', { name: 'gros-export.csv' })).toBeVisible({ timeout: 120_000 });

  await page.getByRole('button', { name: "Lancer l'import" }).click();
  const bar = page.getByRole('progressbar', { name: 'Import en cours' });
  await expect(bar).toBeVisible();
  // Wait until the import is visibly under way, then cancel.
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(page.getByText(/lignes · .* sur .*Mo/)).toBeVisible();
  await screen(page, '09-import-en-cours');
  await page.getByRole('button', { name: "Annuler l'import" }).click();

  await expect(page.getByRole('status').filter({ hasText: "Import annulé : la base est restée telle qu'elle était." })).toBeVisible({
    timeout: 60_000,
  });
  await screen(page, '10-import-annule');

  expect((await app.rpc('app.info', {})).counts).toEqual(countsBefore);
  expect(await app.cli<unknown>('seasons')).toEqual(seasonsBefore);
});

test('an unreadable file is explained in French', async ({ page }) => {
  const empty = join(app.dir, 'vide.csv');
  writeFileSync(empty, '');
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Importer' }).click();
  await page.getByTestId('file-input').setInputFiles(empty);
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('vide.csv');
  await screen(page, '11-erreur-fichier');
});
