/**
 * `parterre report --pdf FILE`: the app's own « Rapport de saison » page, served by the engine in
 * browser mode on 127.0.0.1 and printed by a headless Chromium (playwright-core drives it; the
 * browser is the system's, never a downloaded one). The same page and the same print stylesheet
 * as the app's print button: one report, whichever way it is printed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Where a Chromium is: PARTERRE_CHROMIUM first, then the usual system paths; null when none exists. */
export function findChromium(env: NodeJS.ProcessEnv, systemPaths: readonly string[] = SYSTEM_CHROMIUMS): string | null {
  const candidates = [env.PARTERRE_CHROMIUM, ...systemPaths];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!)) ?? null;
}

export const NO_CHROMIUM =
  'Aucun navigateur Chromium trouvé pour imprimer le rapport en PDF. Installez Chromium (ou Google Chrome), ' +
  'ou indiquez son chemin dans la variable PARTERRE_CHROMIUM ; sinon ouvrez le rapport dans Parterre et choisissez « Enregistrer en PDF ».';

export interface PdfOptions {
  dbPath: string;
  dataDir: string;
  seasonLabel: string;
  file: string;
  chromium: string;
}

export async function printReportPdf(options: PdfOptions): Promise<void> {
  const { startServer, DEFAULT_RENDERER_DIR } = await import('../server/server.js');
  if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) {
    throw new Error('L’interface de Parterre n’est pas construite : lancez « npm run build:renderer », puis recommencez.');
  }
  const { chromium } = await import('playwright-core');
  const server = await startServer({ dbPath: options.dbPath, dataDir: options.dataDir, port: 0 });
  const browser = await chromium.launch({ executablePath: options.chromium, args: ['--no-sandbox', '--headless', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(server.url);
    // A string, evaluated in the page (this file is compiled without the DOM's types).
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#/rapport/${encodeURIComponent(options.seasonLabel)}`)}`);
    // The page sets data-ready once its figures are in and its charts drawn.
    const ready = await page.waitForSelector('[data-report-ready], [data-report-error]', { timeout: 60_000 });
    const error = await ready.getAttribute('data-report-error');
    if (error !== null) throw new Error(error || 'le rapport n’a pas pu être affiché.');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: options.file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
    await server.close();
  }
}
