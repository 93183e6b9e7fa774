/**
 * The season pages as a user meets them, in Chromium against the real engine: the dashboard, a
 * capacity typed on « Saisons », and the season report printed to PDF twice — by the browser
 * (page.pdf, as its print dialog would) and by `parterre report --pdf` — then read back with
 * pdftotext and turned into PNG pages (colour and grey) under test-results/e2e/season-report/
 * for a person to look at.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { formatNumber, formatPercent } from '../../shared/format.js';
import type { SeasonReport } from '../../shared/report-types.js';
import { generateDemo, ROOT, startApp, type RunningApp } from './support/app.js';

const run = promisify(execFile);
const OUT = join(ROOT, 'test-results/e2e/season-report');
const VENUE = 'Théâtre des Deux Rives';

let app: RunningApp;
let latest: SeasonReport;

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await startApp();
  const demo = await generateDemo(join(app.dir, 'export.csv'), 6000);
  await app.rpc('imports.run', { files: [{ path: demo.path }] });
  // The venue's name is the « Paramètres » page's (setting venueName): written here as it stores it.
  const sqlite = new Database(app.dbPath);
  sqlite.prepare("INSERT INTO settings (key, value) VALUES ('venueName', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(VENUE);
  // A small export has few performances: a series of 60 readings (no ticket sold yet) makes the
  // latest season's performance table run over several printed pages, as a real season's does.
  const season = sqlite.prepare('SELECT max(season_year) FROM performances').pluck().get() as number;
  const show = sqlite.prepare("INSERT INTO shows (source_key, title, discipline) VALUES ('E2E-LECT', 'Lectures du midi', 'Lecture')").run().lastInsertRowid;
  const add = sqlite.prepare('INSERT INTO performances (source_key, show_id, starts_at, season_year, hall, capacity) VALUES (?, ?, ?, ?, ?, 40)');
  for (let i = 0; i < 60; i++) {
    const day = new Date(Date.UTC(season, 9, 1 + i * 3)).toISOString().slice(0, 10);
    add.run(`E2E-L${i}`, show, `${day}T12:30:00`, season, 'Foyer');
  }
  sqlite.close();
  latest = await app.rpc('reports.season', {});
});
test.afterAll(async () => app?.stop());

async function open(page: Page, hash: string) {
  await page.goto(app.url);
  // A string, evaluated in the page (the tests compile without the DOM's types).
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}

async function pdfText(file: string, ...range: string[]): Promise<string> {
  return (await run('pdftotext', ['-layout', ...range, file, '-'])).stdout;
}

async function pages(file: string): Promise<number> {
  return Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [file])).stdout)![1]);
}

test('the dashboard shows the latest season beside the previous one, with its formulas', async ({ page }) => {
  await open(page, '#/tableau-de-bord');
  await expect(page.locator('[data-dashboard-ready]')).toHaveAttribute('data-dashboard-ready', latest.season.label);
  const spectators = page.locator('[data-figure="spectators"]');
  await expect(spectators.locator('.value')).toHaveText(formatNumber(latest.season.spectators));
  await expect(spectators).toHaveAttribute('title', /Clients identifiés distincts/);
  await expect(spectators.locator('.change')).toContainText(latest.previous!.label);
  await expect(page.locator('[data-figure="fillRate"] .value')).toHaveText(formatPercent(latest.season.fillRate));
  await expect(page.locator('canvas')).toHaveCount(6);
  const doubs = latest.departements.find((d) => d.code === '25')!;
  await expect(page.locator('[data-table="departements"] tr', { hasText: 'Doubs' })).toContainText(formatNumber(doubs.spectators));
  await page.screenshot({ path: join(OUT, 'dashboard.png'), fullPage: true });

  await page.getByLabel('Choisir la saison').selectOption(latest.seasons[0].label);
  await expect(page.locator('[data-dashboard-ready]')).toHaveAttribute('data-dashboard-ready', latest.seasons[0].label);
  await expect(page.getByText('Première saison : pas de comparaison').first()).toBeVisible();
});

test('a capacity typed on « Saisons » changes the fill rate there and in the engine', async ({ page }) => {
  await open(page, `#/saisons/${latest.season.label}`);
  const target = latest.performances.find((p) => p.tickets > 0)!;
  const row = page.locator(`tr[data-performance="${target.key}"]`);
  const input = row.getByRole('textbox');
  await input.fill(String(target.tickets * 4));
  await input.press('Enter');
  await expect(row.locator('td').last()).toHaveText(formatPercent(0.25));
  const after: SeasonReport = await app.rpc('reports.season', {});
  expect(after.performances.find((p) => p.key === target.key)?.fillRate).toBe(0.25);
  await input.fill('0');
  await input.press('Enter');
  await expect(row.getByRole('alert')).toContainText('nombre entier');
  await page.screenshot({ path: join(OUT, 'seasons.png') });
  // Back to the export's capacity, so that the report below shows the demo's own figures.
  await app.rpc('performances.setCapacity', { key: target.key, capacity: target.capacity });
});

test('the season report prints to an A4 PDF with its cover, figures and every performance', async ({ page }) => {
  const label = latest.season.label;
  await open(page, `#/rapport/${label}`);
  await expect(page.locator('[data-report-ready]')).toHaveAttribute('data-report-ready', label);
  await page.screenshot({ path: join(OUT, 'report-screen.png') });
  await page.emulateMedia({ media: 'print' });
  const file = join(OUT, 'rapport.pdf');
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });

  const count = await pages(file);
  expect(count).toBeGreaterThanOrEqual(7);
  const cover = await pdfText(file, '-f', '1', '-l', '1');
  expect(cover).toContain(VENUE.toUpperCase());
  expect(cover).toContain(`Rapport de la saison ${label}`);
  expect(cover).toContain(formatNumber(latest.season.spectators));
  const text = await pdfText(file);
  for (const heading of ['Indicateurs clés', 'Les ventes', 'Les représentations', 'Spectacles les plus vus', 'Le public', 'Géographie du public']) {
    expect(text).toContain(heading);
  }
  // Every performance is printed, each row whole: its date and its revenue on the same line.
  const lines = text.split('\n');
  for (const p of latest.performances) {
    const date = `${p.date.slice(8, 10)}/${p.date.slice(5, 7)}/${p.date.slice(0, 4)}`;
    expect(lines.some((line) => line.includes(date) && line.includes(formatNumber(p.ticketsPaid))), `${p.key} ${date}`).toBe(true);
  }
  // The table's header is repeated on each page it spans.
  const headerPages = [];
  for (let i = 1; i <= count; i++) if (/Date\s+Spectacle\s+Discipline/.test(await pdfText(file, '-f', String(i), '-l', String(i)))) headerPages.push(i);
  expect(headerPages.length).toBeGreaterThanOrEqual(2);
  await run('pdftoppm', ['-png', '-r', '60', file, join(OUT, 'page')]);
  await run('pdftoppm', ['-png', '-gray', '-r', '60', file, join(OUT, 'grey')]);
});

test('parterre report --pdf prints the same report from the command line', async () => {
  const file = join(OUT, 'rapport-cli.pdf');
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin/parterre.mjs'), 'report', '--season', latest.season.label, '--pdf', file, '--db', app.dbPath], {
    cwd: ROOT,
    env: { ...process.env, PARTERRE_CHROMIUM: '/usr/bin/chromium' },
  });
  expect(stdout).toContain(file);
  expect(await pages(file)).toBeGreaterThanOrEqual(7);
  const cover = await pdfText(file, '-f', '1', '-l', '1');
  expect(cover).toContain(VENUE.toUpperCase());
  expect(cover).toContain(`Rapport de la saison ${latest.season.label}`);
});
