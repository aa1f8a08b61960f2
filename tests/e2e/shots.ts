/**
 * Screenshots the journeys take of what they show, for the README: written to tests/e2e/screenshots/ only
 * when PERFLENS_SHOTS=1, so an ordinary test run leaves the checked-in images as they are.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export async function shot(page: Page, name: string, fullPage = false) {
  if (process.env.PERFLENS_SHOTS !== '1') return;
  await page.screenshot({ path: join(import.meta.dirname, 'screenshots', `${name}.png`), fullPage });
}
