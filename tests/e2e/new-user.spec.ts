/**
 * A new user's path: the empty-base greeting, the demo export imported through the wizard with a
 * real file upload, then a customer found and opened — every figure on the record checked against
 * what the command line prints for the same database.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { formatDate, formatMoney, formatNumber } from '../../shared/format.js';
import type { AppInfo, CustomerSummary } from '../../shared/types.js';
import { generateDemo, startApp, type RunningApp } from './support/app.js';
import { screen } from './support/screens.js';

/** The part of a canvas element this test reads (the Node type check has no DOM types). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app?.stop();
});

test('from the empty base to a customer record whose figures match the command line', async ({ page }) => {
  const demo = await generateDemo(join(app.dir, 'export-billetterie.csv'), 3000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  // The renderer must not reach for anything outside its own origin.
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(app.origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) foreign.push(request.url());
  });

  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Parterre' })).toBeVisible();
  // The token left the address bar once read.
  expect(page.url()).not.toContain('token=');
  await expect(page.getByRole('button', { name: /Importer un export/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Découvrir avec des données de démonstration/ })).toBeVisible();
  await screen(page, '01-accueil-base-vide');

  // The wizard: a real upload of the generated export.
  await page.getByRole('button', { name: /Importer un export/ }).click();
  await expect(page.getByRole('heading', { name: 'Importer un export' })).toBeVisible();
  await screen(page, '02-import-choix');
  await page.getByTestId('file-input').setInputFiles(demo.path);

  const review = page.getByRole('article', { name: 'export-billetterie.csv' });
  await expect(review).toBeVisible();
  // Detection as the demo writes its export: Windows-1252, semicolons, CRLF.
  await expect(review.getByText('Windows-1252 (Latin-1)')).toBeVisible();
  await expect(review.getByText('point-virgule ( ; )')).toBeVisible();
  await expect(review.getByText('Windows (CRLF)')).toBeVisible();
  // The proposed mapping reads the performance date and the amount from the right columns.
  await expect(review.locator('select[data-field="performanceDate"] option:checked')).toHaveText(/Date séance/);
  await expect(review.locator('select[data-field="unitPrice"] option:checked')).toHaveText(/Montant/);
  await expect(review.locator('select[data-field="lastName"] option:checked')).toHaveText(/Nom/);
  await screen(page, '03-import-correspondance');

  // Dry run: counts, nothing written.
  await page.getByRole('button', { name: 'Vérifier (sans rien enregistrer)' }).click();
  const dryRun = page.getByRole('region', { name: "Ce que l'import va faire" });
  await expect(dryRun).toBeVisible();
  await expect(dryRun.getByTestId('fact-Lignes lues')).toHaveText(formatNumber(demo.lines));
  const afterDryRun = await app.rpc('app.info', {});
  expect(afterDryRun.counts.tickets).toBe(0);
  await screen(page, '04-import-verification');

  // The import itself, then its summary.
  await page.getByRole('button', { name: "Lancer l'import" }).click();
  await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible({ timeout: 180_000 });
  const info: AppInfo = await app.rpc('app.info', {});
  expect(info.counts.tickets).toBeGreaterThan(0);
  const tickets = page.locator('tr[data-entity="tickets"] td').first();
  await expect(tickets).toHaveText(formatNumber(info.counts.tickets));
  await expect(page.locator('tr[data-entity="customers"] td').first()).toHaveText(formatNumber(info.counts.customers));
  await screen(page, '05-import-resultat');

  // The customer list: total from the command line's own list.
  const all = await app.cli<CustomerSummary[]>('customers');
  await page.getByRole('button', { name: 'Voir les spectateurs' }).click();
  await expect(page.getByTestId('customer-total')).toHaveText(`${formatNumber(all.length)} spectateurs`);
  const firstRow = page.locator('a.customer-row').first();
  // Sorted by lifetime value, highest first.
  const top = Math.max(...all.map((c) => c.lifetimeValueCents));
  await expect(firstRow.locator('span.num').first()).toHaveText(formatMoney(top));
  await screen(page, '06-spectateurs', false);

  // Sorting by orders puts the most loyal first.
  await page.getByRole('button', { name: /^Commandes/ }).click();
  const mostOrders = Math.max(...all.map((c) => c.orders));
  await expect(firstRow.locator('span.num').nth(1)).toHaveText(formatNumber(mostOrders));

  // Search by a customer's name and open the record.
  const chosen = all.find((c) => c.orders >= 2 && c.bands) ?? all[0];
  const lastName = chosen.name.split(' ').pop()!;
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(lastName);
  const matches = await app.cli<CustomerSummary[]>('customers', '--search', lastName);
  await expect(page.getByTestId('customer-total')).toHaveText(
    `${formatNumber(matches.length)} ${matches.length > 1 ? 'spectateurs' : 'spectateur'}`,
  );
  await screen(page, '07-spectateurs-recherche', false);
  await page.locator(`a.customer-row[data-key="${chosen.key}"]`).click();

  const [witness] = matches.filter((c) => c.key === chosen.key);
  expect(witness).toBeDefined();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(witness.name);
  const expected: Record<string, string> = {
    lifetimeValueCents: formatMoney(witness.lifetimeValueCents),
    orders: formatNumber(witness.orders),
    tickets: formatNumber(witness.tickets),
    activeSeasons: formatNumber(witness.activeSeasons),
    ordersPerSeason: formatNumber(witness.ordersPerSeason, 2),
    averageBasketCents: formatMoney(witness.averageBasketCents),
    ticketsPerOrder: formatNumber(witness.ticketsPerOrder, 2),
    firstPurchase: formatDate(witness.firstPurchase),
    lastPurchase: formatDate(witness.lastPurchase),
    recencyDays: `${formatNumber(witness.recencyDays)} j`,
  };
  for (const [indicator, text] of Object.entries(expected)) {
    await expect(page.locator(`[data-indicator="${indicator}"] dd`), indicator).toHaveText(text);
  }
  for (const [indicator, band] of Object.entries(witness.bands ?? {})) {
    await expect(page.locator(`[data-band="${indicator}"] .band`), indicator).toHaveText(band);
  }
  // The formula is there for whoever doubts a figure.
  await page.locator('[data-indicator="averageBasketCents"]').hover();
  await expect(page.locator('#formula-averageBasketCents')).toBeVisible();
  await expect(page.locator('#formula-averageBasketCents')).toContainText('Valeur cumulée / commandes');

  // The disciplines chart drew something (not a blank canvas), one bar per discipline seen.
  const painted = await page.locator('.chart canvas').evaluate((canvas: CanvasLike) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let coloured = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) coloured++;
    return coloured;
  });
  expect(painted).toBeGreaterThan(500);
  await screen(page, '08-fiche-client');
  await page.mouse.move(0, 0);
  await screen(page, '08b-fiche-client-haut', false);

  expect(foreign).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
