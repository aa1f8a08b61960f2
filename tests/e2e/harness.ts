/**
 * One browser per test file; pages that record what must never happen: console errors, uncaught errors,
 * dialogs (an injected `alert`), and any request that leaves the site's own origin (blocked as well).
 */
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './browser';

export interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
  offsite: string[];
}

export const baseUrl = () => inject('baseUrl');

/** A page of the site at `base` (default: the site under test), watched. */
export async function watch(browser: Browser, path: string | null = '', viewport = { width: 1440, height: 900 }, base = baseUrl()): Promise<Watched> {
  const origin = new URL(base).origin;
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const w: Watched = { page, errors: [], dialogs: [], offsite: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    w.offsite.push(url);
    return route.abort();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) w.offsite.push(url);
  });
  if (path !== null) await page.goto(new URL(path, base).href);
  return w;
}

export { launch };

/**
 * A test file's browser and its pages: one browser for the file, and after every test each page it opened
 * checked for what must never happen (a console error, an uncaught error, a dialog, a request off the
 * machine), then closed. `open(path)` opens a watched page.
 */
export function journeys() {
  let browser: Browser;
  const pages: Watched[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const w of pages.splice(0)) {
      expect(w.errors, 'console errors').toEqual([]);
      expect(w.dialogs, 'dialogs (injected script ran)').toEqual([]);
      expect(w.offsite, 'requests that left 127.0.0.1').toEqual([]);
      await w.page.close();
    }
  });
  return {
    async open(path: string | null = '', viewport?: { width: number; height: number }, base?: string): Promise<Watched> {
      const w = await watch(browser, path, viewport, base);
      pages.push(w);
      return w;
    },
    get browser() {
      return browser;
    },
  };
}

/** The data engine is ready and every chart on the page has drawn. */
export async function settled(page: Page) {
  await page.waitForSelector('[data-engine="ready"]', { timeout: 30_000 });
  await page.waitForFunction(() => {
    const pending = document.querySelector('.pending');
    const charts = [...document.querySelectorAll<HTMLElement>('[data-chart]')];
    return !pending && charts.every((c) => Number(c.dataset.renders) > 0);
  });
}

/** Waits until the chart has drawn again after `since` (a `performance.now()` in the page). */
export async function redrawn(page: Page, chart: string, since: number) {
  await page.waitForFunction(
    ([name, t]) => Number(document.querySelector<HTMLElement>(`[data-chart="${name}"]`)?.dataset.renderedAt) > t,
    [chart, since] as const,
  );
}

export const now = (page: Page) => page.evaluate(() => performance.now());

export const query = (page: Page) => new URL(page.url()).searchParams;

/** Pixels on a chart's canvas that are not background: proof that something was drawn. */
export function inkedPixels(page: Page, chart: string): Promise<number> {
  return page.evaluate((name) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-chart="${name}"] canvas`);
    if (!canvas) return 0;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 0 && !(r > 245 && g > 245 && b > 245)) n++;
    }
    return n;
  }, chart);
}
