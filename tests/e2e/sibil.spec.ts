/**
 * The SIBIL declaration as a box office prepares it: open the busiest quarter, read the checks,
 * choose a show's domain (its check goes), export the CSV and read it back against what
 * `parterre sibil --json` prints for the same database, then mark the quarter as declared.
 */
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SibilPerformance, SibilQuarterSummary } from '../../shared/sibil.js';
import { SIBIL_FIELDS } from '../../shared/sibil.js';
import { generateDemo, startApp, type RunningApp } from './support/app.js';
import { screen, SCREENS_DIR } from './support/screens.js';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
  const demo = await generateDemo(join(app.dir, 'export.csv'), 4000);
  await app.rpc('imports.run', { files: [{ path: demo.path }] });
});
test.afterAll(async () => {
  await app?.stop();
});

test('a quarter declared from its checks to the CSV', async ({ page }) => {
  // The busiest quarter with a show whose discipline proposes no domain (the demo's « Musique », « Jeune public »).
  const quarters = await app.rpc('sibil.quarters', {});
  let busiest: SibilQuarterSummary | undefined;
  let expected: SibilPerformance[] = [];
  for (const quarter of [...quarters].sort((a: SibilQuarterSummary, b: SibilQuarterSummary) => b.performances - a.performances)) {
    expected = await app.cli<SibilPerformance[]>('sibil', '--quarter', quarter.quarter);
    busiest = quarter;
    if (expected.some((line) => line.domaine === null)) break;
  }
  if (!busiest) throw new Error('no quarter');

  await page.goto(app.url);
  await page.getByRole('link', { name: 'Déclaration SIBIL' }).click();
  await expect(page.getByRole('heading', { name: 'Déclaration SIBIL', level: 1 })).toBeVisible();
  await page.getByTestId('sibil-quarter').selectOption(busiest.quarter);
  const table = page.getByTestId('sibil-table');
  await expect(table.locator('tbody tr')).toHaveCount(expected.length);

  // The quarter's total tickets on screen are the CLI's sum.
  const total = expected.reduce((n, line) => n + line.nbBilletsTotalBilletterie, 0);
  await expect(table.locator('tfoot')).toContainText(new Intl.NumberFormat('fr-FR').format(total));
  // The imported tariffs were never confirmed: the check says so, and what to do.
  await expect(page.locator('[data-check="unconfirmedTariff"]')).toContainText('vérifiez-la dans Tarifs');
  await screen(page, 'sibil-01-trimestre');

  // A show without a domain: choose one, and its check goes.
  const undecided = expected.find((line) => line.domaine === null);
  expect(undecided).toBeDefined();
  if (undecided) {
    const before = await page.locator('[data-check="noDomain"]').count();
    await page.getByRole('combobox', { name: `Domaine — ${undecided.spectacle}` }).first().selectOption('musiques-actuelles');
    await expect(page.locator('[data-check="noDomain"]')).toHaveCount(before - 1);
    const after = await app.cli<SibilPerformance[]>('sibil', '--quarter', busiest.quarter);
    expect(after.filter((line) => line.spectacle === undecided.spectacle).every((line) => line.domaine === 'musiques-actuelles')).toBe(true);
  }

  // The CSV, read back: one row per performance, the CLI's figures in French number form.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`parterre-sibil-${busiest.quarter}.csv`);
  const text = readFileSync((await download.path())!, 'utf8');
  const [header, ...rows] = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;
  expect(header).toEqual([...SIBIL_FIELDS]);
  expect(rows).toHaveLength(expected.length);
  const column = (field: string) => header.indexOf(field);
  for (const [i, line] of expected.entries()) {
    expect(rows[i][column('key')]).toBe(line.key);
    expect(rows[i][column('nbBilletsTotalBilletterie')]).toBe(String(line.nbBilletsTotalBilletterie));
    expect(rows[i][column('recetteTotalBilletterie')]).toBe(line.recetteTotalBilletterie.toFixed(2).replace('.', ','));
  }

  await page.getByRole('button', { name: 'Marquer comme déclaré' }).click();
  await expect(page.getByTestId('sibil-status')).toContainText(`Déclaré le`);
  await expect(page.getByTestId('sibil-status')).toContainText(`parterre-sibil-${busiest.quarter}.csv`);
  await screen(page, 'sibil-02-declare');

  // Printed: the table across an A4 page turned sideways.
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: join(SCREENS_DIR, 'sibil-03-impression.pdf'), preferCSSPageSize: true, printBackground: true });
});
