/**
 * Several seasons per archive file, on the Archives screen, with the mouse: two seasons archived
 * each into a new file, the two files regrouped (« Regrouper les archives cochées ») into one that
 * lists both seasons, a third season added to it (« Ajouter à l’archive »). The Saisons screen
 * and `parterre seasons` give the same figures before and after each step, and the replaced files
 * are found in archives/remplacees/. Then the screen at the limit of attached files. Screenshots
 * in test-results/screens/.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveList } from '../../shared/archives-types.js';
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
}

/** The Saisons screen's table, as the user reads it. */
async function seasonsTable(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Saisons', exact: true }).click();
  const table = page.locator('table[data-table="seasons"]');
  await expect(table).toBeVisible();
  const text = await table.innerText();
  await page.getByRole('link', { name: 'Archives', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Archives', level: 1 })).toBeVisible();
  return text;
}

/** Ticks one season in « Archiver des saisons », and archives it where `destination` says. */
async function archiveSeason(page: Page, label: string, destination: 'Dans un nouveau fichier' | 'Ajouter à l’archive') {
  const panel = page.getByRole('region', { name: 'Archiver des saisons' });
  await panel.getByRole('checkbox', { name: new RegExp(`^${label}`) }).check();
  await panel.getByRole('radio', { name: destination }).check();
  await panel.getByRole('button', { name: 'Archiver 1 saison', exact: true }).click();
}

test('Archives: archive two seasons apart, regroup them, add a third', async ({ page }) => {
  const demo = await generateDemo(join(app.dir, 'export.csv'), 3000);
  await app.rpc('imports.run', { files: [{ path: demo.path }] });
  const before = await app.cli<Season[]>('seasons');
  expect(before.length).toBeGreaterThanOrEqual(4);
  const [first, second, third] = before.map((s) => s.label);

  await page.goto(app.url);
  await page.getByRole('link', { name: 'Archives', exact: true }).click();
  const tableBefore = await seasonsTable(page);
  const panel = page.getByRole('region', { name: 'Archiver des saisons' });
  const notice = page.locator('p.notice[role="status"]');
  const rows = page.getByTestId('archive-row');

  // No archive yet: a new file is the only destination.
  await expect(panel.getByRole('radio', { name: 'Dans un nouveau fichier' })).toBeChecked();
  await expect(panel.getByRole('radio', { name: 'Ajouter à l’archive' })).toBeDisabled();

  await archiveSeason(page, first, 'Dans un nouveau fichier');
  await expect(notice).toContainText(`Saison ${first} archivée dans`, { timeout: 120_000 });
  await archiveSeason(page, second, 'Dans un nouveau fichier');
  await expect(notice).toContainText(`Saison ${second} archivée dans`, { timeout: 120_000 });
  await expect(rows).toHaveCount(2);
  const oldNames = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-file') ?? ''));
  expect(await app.cli<Season[]>('seasons')).toEqual(before);
  await screen(page, 'archives-two-files');

  // « Regrouper »: tick both files, confirm, wait for the new file.
  const regroup = page.getByRole('button', { name: 'Regrouper les archives cochées' });
  await expect(regroup).toBeDisabled();
  for (const name of oldNames) await page.getByRole('checkbox', { name: `Regrouper ${name}` }).click();
  await screen(page, 'archives-regroup-ticked');
  let question = '';
  page.once('dialog', (dialog) => {
    question = dialog.message();
    void dialog.accept();
  });
  await regroup.click();
  await expect(notice).toContainText('Archives regroupées', { timeout: 120_000 });
  for (const name of oldNames) expect(question).toContain(name);
  expect(question).toContain(`${first}, ${second}`);

  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('archive-seasons')).toHaveText(`${first}, ${second}`);
  await expect(rows).toContainText('Attachée');
  await expect(page.getByTestId('attached-count')).toHaveText('1 archive attachée sur 10 possibles');
  const list = await app.rpc('archives.list', {});
  const merged = list.files[0].name;
  expect(oldNames).not.toContain(merged);
  await expect(notice).toContainText(`${merged} contient maintenant les saisons ${first}, ${second}`);
  await expect(notice).toContainText(join(list.folder, 'remplacees'));
  for (const name of oldNames) {
    await expect(notice).toContainText(name);
    // Put aside, not deleted: the replaced files are where the notice says.
    expect(existsSync(join(list.folder, 'remplacees', name))).toBe(true);
    expect(existsSync(join(list.folder, name))).toBe(false);
  }
  await screen(page, 'archives-regrouped');
  expect(await app.cli<Season[]>('seasons')).toEqual(before);
  expect(await seasonsTable(page)).toBe(tableBefore);

  // « Ajouter à l’archive »: the third season joins the regrouped file.
  await panel.getByRole('checkbox', { name: new RegExp(`^${third}`) }).check();
  await panel.getByRole('radio', { name: 'Ajouter à l’archive' }).check();
  await expect(panel.getByRole('combobox', { name: 'Archive qui reçoit les saisons' })).toHaveText(`${merged} — ${first}, ${second}`);
  await screen(page, 'archives-add-to');
  await panel.getByRole('button', { name: 'Archiver 1 saison', exact: true }).click();
  await expect(notice).toContainText(`Saison ${third} ajoutée`, { timeout: 120_000 });
  await expect(notice).toContainText(`contient maintenant les saisons ${first}, ${second}, ${third}`);
  await expect(notice).toContainText(`L’ancien fichier ${merged} a été mis de côté`);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('archive-seasons')).toHaveText(`${first}, ${second}, ${third}`);
  expect(existsSync(join(list.folder, 'remplacees', merged))).toBe(true);
  await screen(page, 'archives-added');
  expect(await app.cli<Season[]>('seasons')).toEqual(before);
  expect(await seasonsTable(page)).toBe(tableBefore);
});

test('Archives at the limit of attached files: only « Ajouter à l’archive », and why', async ({ page }) => {
  // Ten attached files would need ten archived seasons: the list the screen receives says the
  // places are all taken, plus a file opened from elsewhere (read-only). What the engine refuses at
  // the limit is proven in tests/integration/archives/several-per-file.test.ts; here, the screen
  // offers only what the engine accepts, and says why.
  const real = await app.rpc('archives.list', {});
  const readOnly = { ...real.files[0], id: 999, name: 'venue-ailleurs.sqlite', path: '/media/usb/venue-ailleurs.sqlite', readOnly: true, seasons: [] };
  await page.route('**/rpc', async (route) => {
    const body = route.request().postDataJSON() as { name: string };
    if (body.name !== 'archives.list') return route.continue();
    const response = await route.fetch();
    const result = (await response.json()) as { ok: boolean; value: ArchiveList };
    result.value = { ...result.value, attachedCount: result.value.maxAttached, files: [...result.value.files, readOnly] };
    await route.fulfill({ response, json: result });
  });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Archives', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Archiver des saisons' });
  await expect(page.getByText('Limite atteinte : 10 archives sont attachées.')).toContainText('« Ajouter à l’archive »');
  await expect(panel.getByRole('radio', { name: 'Dans un nouveau fichier' })).toBeDisabled();
  await expect(panel.getByRole('radio', { name: 'Ajouter à l’archive' })).toBeChecked();
  await expect(panel.getByTestId('new-file-impossible')).toHaveText(
    'Les 10 places d’archives attachées sont prises : un nouveau fichier ne pourrait pas être ouvert, ajoutez donc ces saisons à une archive attachée.',
  );
  // The read-only file is neither a destination nor tickable, and says why.
  const target = panel.getByRole('combobox', { name: 'Archive qui reçoit les saisons' });
  await expect(target.locator('option')).toHaveText([`${real.files[0].name} — ${real.files[0].seasons.map((s) => s.label).join(', ')}`]);
  const tick = page.getByRole('checkbox', { name: 'Regrouper venue-ailleurs.sqlite' });
  await expect(tick).toBeDisabled();
  await expect(tick).toHaveAttribute('title', /lecture seule : Parterre ne la regroupe pas/);
  await screen(page, 'archives-limit');
});
