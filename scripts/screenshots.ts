/**
 * Screenshots of every view at 1440×900 and on a 390-wide phone, from the built site and its data, into
 * tests/e2e/screenshots/ (the README shows them). Usage: tsx scripts/screenshots.ts [DIST=dist]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/e2e/browser';
import { settled } from '../tests/e2e/harness';
import { serve } from './serve';

const dist = process.argv[2] ?? 'dist';
const out = join('tests', 'e2e', 'screenshots');
mkdirSync(out, { recursive: true });

const server = await serve(dist, 0);
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const browser = await launch();

/** The project page shown: 玉田's training project (its cost-over-budget finding), found through the site. */
async function projectLink(): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`${base}?view=data&table=projects&q=${encodeURIComponent('履职培训')}`);
  await settled(page);
  const href = (await page.locator('[data-project]', { hasText: '市县人大代表人大干部履职培训经费' }).getAttribute('href')) ?? '';
  await page.close();
  return href;
}

const views: [string, string][] = [
  ['overview', ''],
  ['curves', '?view=curves'],
  ['quality', '?view=quality'],
  ['project', await projectLink()],
  ['data', '?view=data&table=indicators&county=%E4%B9%90%E4%BA%AD%E5%8E%BF'],
  ['reading', '?view=reading'],
];
const sizes = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

for (const [size, viewport] of Object.entries(sizes)) {
  for (const [name, path] of views) {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(new URL(path, base).href);
    await settled(page);
    const file = join(out, `${name}-${size}.png`);
    await page.screenshot({ path: file, fullPage: size === 'phone' });
    console.log(file);
    await page.close();
  }
}
await browser.close();
server.close();
