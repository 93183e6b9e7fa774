/**
 * A ticket export whose amount is the LINE TOTAL and whose sale date sits under a header no list
 * names (« Créé le »), imported through the wizard with no hand mapping: the screen shows the
 * amount decision with its evidence, each proposal's confidence and reason, and the unused
 * column; the customer record's figures equal the truth computed from the transactions.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDate, formatMoney, formatNumber } from '../../shared/format.js';
import type { CustomerSummary } from '../../shared/types.js';
import { generateTransactions } from '../fixtures/layouts/transactions.js';
import { truthOf } from '../fixtures/layouts/truth.js';
import { startApp, type RunningApp } from './support/app.js';
import { screen } from './support/screens.js';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app?.stop();
});

const TARIFFS = { full: 'Plein tarif', reduced: 'Tarif réduit', subscription: 'Abonnement', free: 'Invitation' } as const;
const frAmount = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test('a line-total export with an unlisted sale-date header goes through the wizard and gives the true figures', async ({ page }) => {
  const orders = generateTransactions(11, 60);
  const truth = truthOf(orders);
  const rows = [['Référence commande', 'Créé le', 'N° acheteur', 'Nom', 'Prénom', 'Email', 'Spectacle', 'Date représentation', 'Heure', 'Tarif', 'Quantité', 'Montant', 'Statut', 'Référence interne']];
  let internal = 9000;
  for (const order of orders) {
    for (const line of order.lines) {
      const c = order.customer;
      rows.push([order.id, `${dmy(order.orderedAt)} ${order.orderedAt.slice(11, 16)}`, c.number, c.lastName, c.firstName, c.email, line.performance.show, dmy(line.performance.start), line.performance.start.slice(11, 16), TARIFFS[line.tariff], String(line.seats), frAmount(line.seats * line.unitCents), line.cancelled ? 'Remboursé' : 'Validé', `INT-${internal++}`]);
    }
  }
  const path = join(app.dir, 'ventes-guichet.csv');
  writeFileSync(path, `${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');

  await page.goto(app.url);
  await page.getByRole('button', { name: /Importer un export/ }).click();
  await page.getByTestId('file-input').setInputFiles(path);
  const review = page.getByRole('article', { name: 'ventes-guichet.csv' });
  await expect(review).toBeVisible();

  // The amount: decided from the data, with its evidence.
  await expect(review.getByTestId('amount-evidence')).toContainText('montant de la ligne');
  await expect(review.getByTestId('amount-evidence')).toContainText('le montant croît avec les places');
  await expect(review.getByRole('radio', { name: /Le montant de la ligne/ })).toBeChecked();
  // The sale date under « Créé le », proposed from its values, with its reason.
  const orderDate = review.locator('tr[data-field-row="orderDate"]');
  await expect(orderDate.locator('select')).toHaveValue('1');
  await expect(orderDate.locator('.reason')).toHaveText('en-tête « Créé le » non reconnu, valeurs : dates et heures, constantes dans une commande');
  await expect(review.locator('tr[data-field-row="performanceDate"] .confidence')).toHaveText('100 %');
  // The column left unused, with what it looks like.
  await expect(review.getByTestId('unused-column')).toHaveText(/« Référence interne » — contenu : identifiants uniques/);
  await review.locator('.amount-choice').scrollIntoViewIfNeeded();
  await screen(page, 'import-proposal-review');

  await page.getByRole('button', { name: "Lancer l'import" }).click();
  await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('import-warnings')).toContainText("la colonne « Référence interne » (identifiants uniques) n'est pas importée");
  await screen(page, 'import-proposal-summary');

  // A customer with several orders: the record's figures equal the truth from the transactions.
  const [email, want] = [...truth.customers.entries()].sort((a, b) => b[1].orders - a[1].orders)[0];
  const all = await app.cli<CustomerSummary[]>('customers');
  const chosen = all.find((c) => c.email === email)!;
  expect(chosen).toBeDefined();
  await page.getByRole('button', { name: 'Voir les spectateurs' }).click();
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(chosen.name.split(' ').pop()!);
  await page.locator(`a.customer-row[data-key="${chosen.key}"]`).click();
  const expected: Record<string, string> = {
    lifetimeValueCents: formatMoney(want.lifetimeValueCents),
    orders: formatNumber(want.orders),
    tickets: formatNumber(want.tickets),
    firstPurchase: formatDate(want.firstPurchase),
    lastPurchase: formatDate(want.lastPurchase),
  };
  for (const [indicator, text] of Object.entries(expected)) {
    await expect(page.locator(`[data-indicator="${indicator}"] dd`), indicator).toHaveText(text);
  }
  await screen(page, 'import-proposal-record');
});
