/**
 * « Paramètres » and printing, as a user does them: a customer record printed to PDF (A4) holds
 * every season, whole prices and whole dates, and no sidebar; then the venue's name and the month
 * a season starts are set on the settings page, the seasons re-derived only after confirming.
 * The PDF's text is read with pdftotext; its pages are turned into PNG for a human to look at.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerRecord, CustomerSummary, SeasonIndicators } from '../../shared/types.js';
import { generateDemo, startApp, type RunningApp } from './support/app.js';
import { screen, SCREENS_DIR } from './support/screens.js';

let app: RunningApp;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  app = await startApp();
  const demo = await generateDemo(join(app.dir, 'export.csv'), 3000);
  await app.rpc('imports.run', { files: [{ path: demo.path }] });
});
test.afterAll(async () => {
  await app?.stop();
});

/** Spaces of any kind (Intl writes narrow no-break ones) as one plain space. */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
/** 2050 → « 20,50 € », written here without the app's formatter (prices under 1 000 €). */
const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;
/** « 2025-03-04T20:30… » → « 04/03/2025 20:30 », by hand. */
const dayAndTime = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;

function pdfText(pdf: string): string {
  try {
    return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`pdftotext (Debian's poppler-utils) is needed to read the printed PDF: ${(error as Error).message}`, { cause: error });
  }
}

test('a customer record prints on A4 with every season, whole prices and dates, no sidebar', async ({ page }) => {
  // The customer with the most seasons: the older ones are closed on screen.
  const customers = await app.rpc('customers.list', { sort: 'ltv', limit: 200 });
  const chosen = customers.rows.reduce((best: CustomerSummary, row) => (row.activeSeasons > best.activeSeasons ? row : best));
  const record: CustomerRecord = await app.rpc('customers.get', { id: chosen.id });
  expect(record.history.length).toBeGreaterThanOrEqual(3);

  // The token is read from the first address; the record's route then follows in the same tab.
  await page.goto(app.url);
  await expect(page.locator('.sidebar')).toBeVisible();
  await page.goto(`${app.origin}/#/spectateurs/${chosen.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(record.name);
  // On screen the oldest season is closed.
  const oldest = record.history[record.history.length - 1];
  await expect(page.locator('details.season').last()).not.toHaveAttribute('open', '');

  mkdirSync(SCREENS_DIR, { recursive: true });
  const pdf = join(SCREENS_DIR, 'print-fiche-client.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(SCREENS_DIR, 'print-fiche-client')]);
  execFileSync('pdftoppm', ['-png', '-gray', '-r', '70', '-f', '1', '-l', '1', pdf, join(SCREENS_DIR, 'print-fiche-client-gris')]);

  const text = plain(pdfText(pdf));
  expect(text).toContain(record.name);
  // No sidebar: its brand line and its menu are not on paper.
  expect(text).not.toContain('Billetterie & publics');
  expect(text).not.toContain('Importer');
  // Every season, the closed ones too, with each of its orders and tickets.
  for (const season of record.history) {
    expect(text).toContain(season.label);
    for (const order of season.orders) expect(text).toContain(order.key);
  }
  // A full price and a full date-time of the oldest season, uncut.
  const ticket = oldest.orders[0].tickets[0];
  expect(text).toContain(euros(ticket.unitPriceCents));
  expect(text).toContain(dayAndTime(ticket.performanceAt));
  const longestShow = record.history.flatMap((s) => s.orders.flatMap((o) => o.tickets)).reduce((a, b) => (b.show.length > a.show.length ? b : a));
  expect(text).toContain(plain(longestShow.show));
  // Nothing is cut with an ellipsis.
  expect(text).not.toContain('…');
});

test('the settings page: venue name, season start month confirmed with what it changes, language, database', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
  expect(page.url()).toContain('#/parametres');

  // The database: where it is and what it weighs.
  const info = await app.rpc('app.info', {});
  const database = page.getByRole('region', { name: 'Base de données' });
  await expect(database.getByText(info.dbPath)).toBeVisible();
  await expect(database.getByText(/^\d+(,\d+)?[\s\u00a0\u202f](ko|Mo|Go)$/)).toBeVisible();

  // The venue's name.
  const venue = page.getByRole('region', { name: 'Lieu' });
  await venue.getByLabel('Nom du lieu').fill('Théâtre de la Licorne');
  await venue.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(venue.getByRole('status')).toHaveText('Nom du lieu enregistré.');
  expect(await app.rpc('settings.get', {})).toEqual({ seasonStartMonth: 9, venueName: 'Théâtre de la Licorne' });

  // The season start month: choosing shows what changes; nothing moves before confirming.
  const before: SeasonIndicators[] = await app.cli('seasons');
  const seasons = page.getByRole('region', { name: 'Saisons' });
  await seasons.getByLabel('Une saison commence en').selectOption({ label: 'janvier' });
  const change = seasons.getByRole('region', { name: 'Commencer les saisons en janvier ?' });
  await expect(change).toBeVisible();
  const preview = await app.rpc('settings.previewSeasonStart', { seasonStartMonth: 1 });
  // French: 0 and 1 take the singular.
  const counted = (n: number, noun: string) => `${n.toLocaleString('fr-FR')} ${noun}${n > 1 ? 's' : ''}`;
  await expect(change).toContainText(`${counted(preview.performancesMoved, 'représentation')} et ${counted(preview.ticketsMoved, 'billet')} changent de saison.`);
  for (const season of [...preview.current, ...preview.proposed]) await expect(change.getByRole('rowheader', { name: season.label, exact: true })).toBeVisible();
  await screen(page, 'parametres-changement-de-saison');
  expect((await app.cli<SeasonIndicators[]>('seasons')).map((s) => s.label)).toEqual(before.map((s) => s.label));

  await change.getByRole('button', { name: 'Confirmer et recalculer les saisons' }).click();
  const recomputed = preview.proposed.length;
  await expect(seasons.getByRole('status')).toHaveText(`Les saisons commencent désormais en janvier : ${counted(recomputed, 'saison')} ${recomputed > 1 ? 'recalculées' : 'recalculée'}.`);
  const after: SeasonIndicators[] = await app.cli('seasons');
  expect(after.map((s) => s.label)).toEqual(preview.proposed.map((s) => s.label));
  expect(after.every((s) => /^\d{4}$/.test(s.label))).toBe(true);
  // Every ticket is still counted once, in another season.
  const total = (list: SeasonIndicators[]) => list.reduce((sum, s) => sum + s.tickets, 0);
  expect(total(after)).toBe(total(before));
  expect(await app.rpc('settings.get', {})).toEqual({ seasonStartMonth: 1, venueName: 'Théâtre de la Licorne' });
  await screen(page, 'parametres');

  // The language: the whole interface follows, and comes back.
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await screen(page, 'parametres-en');
  await page.getByRole('radio', { name: 'Français' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
});
