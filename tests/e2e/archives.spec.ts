/**
 * The Archives screen, driven as a user would: archive two seasons (the figures the command line
 * prints stay the same), detach one archive (its seasons leave the figures), verify it, attach it
 * again; the screen says what detaching changes. Then the same export imported again through the
 * wizard: its result says how many lines of the archived seasons it recognised and left alone,
 * counted straight from the file. Screenshots in test-results/screens/.
 */
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatNumber } from '../../shared/format.js';
import { readLines } from '../helpers/independent-indicators.js';
import { generateDemo, startApp, type RunningApp } from './support/app.js';
import { screen } from './support/screens.js';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app?.stop();
});

interface Season {
  label: string;
  seasonYear: number;
}

test('Archives: archive, detach, verify, attach, re-import', async ({ page }) => {
  const demo = await generateDemo(join(app.dir, 'export.csv'), 3000);
  await app.rpc('imports.run', { files: [{ path: demo.path }] });
  const before = await app.cli<Season[]>('seasons');
  const [first, second] = before.map((s) => s.label);

  await page.goto(app.url);
  await page.getByRole('link', { name: 'Archives' }).click();
  await expect(page.getByRole('heading', { name: 'Archives', level: 1 })).toBeVisible();
  await expect(page.getByTestId('detach-explained')).toContainText('nouveaux spectateurs, réactivés et taux de rétention');
  await expect(page.getByText('Aucune archive pour l’instant.')).toBeVisible();

  // The button counts the ticked seasons, in words that agree with the number.
  await expect(page.getByRole('button', { name: 'Archiver les saisons cochées', exact: true })).toBeDisabled();
  await page.getByRole('checkbox', { name: new RegExp(first) }).check();
  await expect(page.getByRole('button', { name: 'Archiver 1 saison', exact: true })).toBeEnabled();
  await page.getByRole('checkbox', { name: new RegExp(second) }).check();
  await page.getByRole('button', { name: 'Archiver 2 saisons', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'archivées dans' })).toBeVisible({ timeout: 120_000 });
  const row = page.getByTestId('archive-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${first}, ${second}`);
  await expect(row).toContainText('Attachée');
  await expect(page.getByTestId('attached-count')).toHaveText('1 archive attachée sur 10 possibles');
  expect(await app.cli<Season[]>('seasons')).toEqual(before);
  await screen(page, 'archives-attached');

  await row.getByRole('button', { name: 'Vérifier' }).click();
  await expect(page.getByTestId('verification')).toContainText('L’archive est intègre');
  await expect(row).toContainText('intègre');
  await screen(page, 'archives-verified');

  await row.getByRole('button', { name: 'Détacher' }).click();
  await expect(row).toContainText('Détachée');
  const detached = await app.cli<Season[]>('seasons');
  expect(detached.map((s) => s.label)).toEqual(before.slice(2).map((s) => s.label));
  await screen(page, 'archives-detached');

  await row.getByRole('button', { name: 'Attacher' }).click();
  await expect(row).toContainText('Attachée');
  expect(await app.cli<Season[]>('seasons')).toEqual(before);

  // The same export again, through the wizard: the archived seasons' lines are recognised, not written again.
  const archivedYears = new Set(before.slice(0, 2).map((s) => s.seasonYear));
  const archivedLines = readLines(demo.path).filter((line) => archivedYears.has(line.seasonYear)).length;
  expect(archivedLines).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Importer' }).click();
  await page.getByTestId('file-input').setInputFiles(demo.path);
  await expect(page.getByRole('article', { name: 'export.csv' })).toBeVisible();
  await page.getByRole('button', { name: "Lancer l'import" }).click();
  await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('fact-Lignes lues')).toHaveText(formatNumber(demo.lines));
  await expect(page.getByTestId('archived-lines')).toHaveText(
    `${formatNumber(archivedLines)} lignes de saisons archivées reconnues, non réimportées (elles sont déjà dans une archive)`,
  );
  await expect(page.locator('tr[data-entity="tickets"] td').first()).toHaveText('0');
  await screen(page, 'archives-reimport-result');
  expect(await app.cli<Season[]>('seasons')).toEqual(before);
});

test('Archives in the browser: typed paths, the data folder named, no « Choisir… »', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Archives' }).click();
  await expect(page.getByRole('heading', { name: 'Archives', level: 1 })).toBeVisible();

  // The native choosers are the desktop app's: none here, and each panel says where a typed path may lie.
  await expect(page.getByRole('button', { name: /Choisir/ })).toHaveCount(0);
  await expect(page.getByTestId('open-browser-note')).toContainText(`dossier de données de Parterre (${app.dir})`);
  await expect(page.getByTestId('open-browser-note')).toContainText('parterre attach FICHIER');
  await expect(page.getByTestId('backups-browser-note')).toContainText(`dossier de données de Parterre (${app.dir})`);
  await expect(page.getByTestId('backups-browser-note')).toContainText('parterre backup --out DOSSIER');
  await screen(page, 'archives-browser-paths');

  // What the sentence says holds: a folder elsewhere is refused, one inside the data folder receives the backup.
  const elsewhere = mkdtempSync(join(tmpdir(), 'parterre-e2e-usb-'));
  try {
    await page.getByRole('textbox', { name: 'Dossier', exact: true }).fill(elsewhere);
    await page.getByRole('button', { name: 'Sauvegarder vers…' }).click();
    await expect(page.getByRole('alert')).toContainText('Accès refusé');
    expect(readdirSync(elsewhere)).toEqual([]);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
  const inside = join(app.dir, 'sauvegardes');
  await page.getByRole('textbox', { name: 'Dossier', exact: true }).fill(inside);
  await page.getByRole('button', { name: 'Sauvegarder vers…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sauvegarde écrite dans' })).toContainText(inside);
  const [saved] = readdirSync(inside);
  expect(existsSync(join(inside, saved, 'parterre-sauvegarde.json'))).toBe(true);
});
