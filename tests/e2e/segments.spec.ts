/**
 * Segments as a user builds them: criteria added with the mouse, the count changing, the
 * segment saved, exported and the file read back; the waterfall and the overlap screenshotted
 * for a human to look at; the export in the log. Counts are checked against the command line.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { formatNumber } from '../../shared/format.js';
import { generateDemo, startApp, type RunningApp } from './support/app.js';
import { screen, SCREENS_DIR } from './support/screens.js';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
  const demo = await generateDemo(join(app.dir, 'export.csv'), 3000);
  await app.rpc('imports.run', { files: [{ path: demo.path }] });
});
test.afterAll(async () => {
  await app?.stop();
});

/** The count the page shows, as a number. */
async function shownCount(page: import('@playwright/test').Page): Promise<number> {
  const text = (await page.getByTestId('segment-count').textContent()) ?? '';
  const match = /^([\d\s\u202f\u00a0]+) client/.exec(text);
  if (!match) throw new Error(`no count in « ${text} »`);
  return Number(match[1].replace(/\D/g, ''));
}

test('build a segment with the mouse, save it, export it and read the file back', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Segments' }).click();
  await expect(page.getByRole('heading', { name: 'Segments', level: 1 })).toBeVisible();
  await expect(page.getByTestId('segment-count')).toHaveText('Complétez les critères pour voir le compte.');

  // First criterion: saw Danse.
  const builder = page.getByTestId('segment-builder');
  await builder.getByRole('combobox', { name: 'A vu une discipline' }).selectOption('Danse');
  await expect(page.getByTestId('segment-count')).toContainText('client');
  const dance = await shownCount(page);
  const criteriaFile = join(app.dir, 'danse.json');
  writeFileSync(criteriaFile, JSON.stringify({ and: [{ field: 'discipline', values: ['Danse'] }] }));
  expect((await app.cli<{ count: number }>('segment', 'count', '--criteria', criteriaFile)).count).toBe(dance);

  // Second criterion: accepts e-mail.
  await builder.getByRole('button', { name: '+ Critère' }).first().click();
  const rules = builder.locator('.rule');
  await expect(rules).toHaveCount(2);
  await rules.nth(1).locator('select.rule-fields').selectOption('consent');
  await expect.poll(() => shownCount(page)).toBeLessThan(dance);
  const withConsent = await shownCount(page);
  writeFileSync(criteriaFile, JSON.stringify({ and: [{ field: 'discipline', values: ['Danse'] }, { field: 'consent', channel: 'email' }] }));
  expect((await app.cli<{ count: number }>('segment', 'count', '--criteria', criteriaFile)).count).toBe(withConsent);

  // The waterfall shows both steps.
  const waterfall = page.getByTestId('waterfall');
  await expect(waterfall.locator('li')).toHaveCount(3);
  await expect(waterfall).toContainText(formatNumber(withConsent));
  await screen(page, 'segments-01-builder-waterfall');

  // Save it.
  await page.getByRole('textbox', { name: 'Nom du segment' }).fill('Danse e-mail');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByTestId('saved-segments')).toContainText('Danse e-mail');
  const saved = await app.cli<{ id: number; name: string }[]>('segment', 'list');
  expect(saved.map((s) => s.name)).toEqual(['Danse e-mail']);

  // Export it as a generic CSV and read the downloaded file back.
  await page.getByTestId('export-format').selectOption('csv');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter le fichier' }).click();
  const download = await downloading;
  const path = join(app.dir, download.suggestedFilename());
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text).toContain('\r\n');
  const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
  expect(rows[0].slice(0, 5)).toEqual(['N° client', 'Civilité', 'Nom', 'Prénom', 'E-mail']);
  // Everyone in the segment accepted e-mail; those without a usable address are left out and counted.
  const exported = rows.length - 1;
  await expect(page.getByTestId('export-result')).toContainText(`${formatNumber(exported)} ${exported > 1 ? 'clients' : 'client'} dans « ${download.suggestedFilename()} »`);
  expect(rows.length - 1).toBeLessThanOrEqual(withConsent);
  expect(rows.length - 1).toBeGreaterThan(0);
  await screen(page, 'segments-02-export');

  // The printed A4 list: the sheet alone is printed (kept as a PDF to look at), and logged.
  // The native print dialog cannot be driven: the page's print() is noted, and Chromium prints to PDF instead.
  await page.evaluate('window.printed = 0; window.print = () => { window.printed++; };');
  await page.getByRole('button', { name: 'Imprimer la liste (A4)' }).click();
  await expect.poll(() => page.evaluate('window.printed')).toBe(1);
  await expect(page.locator('.segment-print tbody tr')).toHaveCount(rows.length - 1);
  await page.pdf({ path: join(SCREENS_DIR, 'segments-06-liste-a4.pdf'), format: 'A4', printBackground: true });

  // The export is in the log.
  await page.getByRole('link', { name: 'Journal des exports' }).click();
  const log = page.getByTestId('export-log');
  await expect(log).toContainText('Danse e-mail');
  await expect(log).toContainText(download.suggestedFilename());
  await expect(log.locator('tbody tr')).toHaveCount(2); // the file and the printed list

  // Open the segment's customers in the customer list.
  await page.getByRole('link', { name: 'Constructeur' }).click();
  await page.getByTestId('saved-segments').getByRole('button', { name: 'Danse e-mail' }).click();
  await page.getByRole('button', { name: 'Voir ces clients dans la liste' }).click();
  await expect(page.getByTestId('customer-segment')).toContainText('Danse e-mail');
  await expect(page.getByTestId('customer-total')).toContainText(formatNumber(withConsent));
  expect(errors).toEqual([]);
});

test('the overlap of three shows, and the affinities of one', async ({ page }) => {
  await page.goto(app.url);
  await page.goto(`${app.origin}/#/segments/recoupement`);
  const options = await app.rpc('segments.options', {});
  const shows = options.shows.slice(0, 3);
  await page.getByRole('button', { name: 'Ajouter' }).click();
  for (let i = 0; i < 3; i++) await page.getByTestId(`overlap-pick-${i}`).selectOption(shows[i]);
  await page.getByRole('button', { name: 'Comparer' }).click();
  const overlap = page.getByTestId('overlap');
  await expect(overlap.locator('svg.venn')).toBeVisible();
  const expected = await app.rpc('segments.overlap', { sets: shows.map((show) => ({ show })) });
  for (const size of expected.sizes) await expect(overlap).toContainText(`${formatNumber(size)} clients`);
  await screen(page, 'segments-03-overlap');

  await page.getByRole('link', { name: 'Affinités' }).click();
  await page.getByTestId('affinity-value').selectOption(shows[0]);
  await expect(page.getByTestId('affinities')).toBeVisible();
  await screen(page, 'segments-04-affinities');
  await page.getByTestId('affinities').getByRole('button', { name: 'a vu X, pas encore Y' }).first().click();
  await expect(page.getByTestId('segment-builder')).toBeVisible();
  await expect(page.getByTestId('segment-count')).toContainText('client');
  await screen(page, 'segments-05-saw-x-not-y');
});
