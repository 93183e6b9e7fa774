/** Full-page screenshots of every screen, kept in test-results/screens/ for a human to look at. */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { ROOT } from './app.js';

export const SCREENS_DIR = join(ROOT, 'test-results/screens');

export async function screen(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage });
}
