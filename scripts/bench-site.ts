/**
 * Measures the built site in headless Chromium, served from 127.0.0.1 (precompressed files included):
 * - cold load to first chart: a fresh browser profile each run, navigation start → the overview's first
 *   chart drawn (performance mark `first-chart`), and → the data engine ready (`db-ready`);
 * - filter to redraw: a county picked in the filter bar → the chart drawn with the new rows, for the
 *   overview's bars and the spending curves (DuckDB queries, bound parameters, ECharts).
 * Prints medians of several runs and writes bench/results.json.
 * Usage: tsx scripts/bench-site.ts [--runs 7] [--dist dist]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { median } from 'd3-array';
import type { Page } from 'playwright-core';
import { launch } from '../tests/e2e/browser';
import { settled } from '../tests/e2e/harness';
import { serve } from './serve';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('runs', '7'));
const server = await serve(opt('dist', 'dist'), 0);
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const mark = (page: Page, name: string) =>
  page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, name, { timeout: 60_000 }).then((h) => h.jsonValue() as Promise<number>);

/** Picks a county in the filter bar and returns how long until `chart` has drawn the result (ms). */
async function redraw(page: Page, chart: string, county: string): Promise<number> {
  const before = await page.locator(`[data-chart="${chart}"]`).getAttribute('data-points');
  const t0 = await page.evaluate((value) => {
    const select = document.querySelector<HTMLSelectElement>('select[name="county"]')!;
    select.value = value;
    const t = performance.now();
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return t;
  }, county);
  const done = await page.waitForFunction(
    ([name, t, points]) => {
      const el = document.querySelector<HTMLElement>(`[data-chart="${name}"]`);
      const at = Number(el?.dataset.renderedAt);
      return at > t && el?.dataset.points !== points ? at : 0;
    },
    [chart, t0, before] as const,
  );
  return (await done.jsonValue()) - t0;
}

const firstChart: number[] = [];
const dbReady: number[] = [];
const redraws: Record<string, number[]> = { overview: [], curves: [] };
const counties = ['玉田县', '', '乐亭县', '', '临西县', ''];

for (let i = 0; i < runs; i++) {
  const browser = await launch();
  const page = await browser.context.newPage();
  await page.goto(base);
  firstChart.push(await mark(page, 'first-chart'));
  dbReady.push(await mark(page, 'db-ready'));
  await settled(page);
  for (const c of counties) redraws.overview.push(await redraw(page, 'budget-by-county', c));
  await page.goto(`${base}?view=curves`);
  await settled(page);
  for (const c of counties) redraws.curves.push(await redraw(page, 'plan-curves', c));
  await browser.close();
}
server.close();

const ms = (xs: number[]) => Math.round(median(xs) ?? NaN);
const results = {
  runs,
  date: new Date().toISOString(),
  median_ms: {
    cold_load_to_first_chart: ms(firstChart),
    cold_load_to_engine_ready: ms(dbReady),
    filter_to_redraw_overview: ms(redraws.overview),
    filter_to_redraw_curves: ms(redraws.curves),
  },
  samples_ms: { firstChart, dbReady, redraws },
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify(results, null, 2));
console.log(`site benchmark, ${runs} cold runs in headless Chromium (medians):`);
for (const [k, v] of Object.entries(results.median_ms)) console.log(`  ${k.padEnd(28)} ${v} ms`);
