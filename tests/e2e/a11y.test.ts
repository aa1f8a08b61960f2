/**
 * Accessibility, in real headless Chromium: axe-core (Deque's rules, injected into the page) on every view
 * in both languages finds no serious or critical violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot } from './shots';
import { journeys, settled } from './harness';
import { inLang, VIEW_PAGES } from './views';

const { open } = journeys();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe's serious and critical violations on the page as it is now, each with where it was found. */
export async function axeViolations(page: Page): Promise<string[]> {
  // The site's CSP allows only its own scripts: axe is served as one of them.
  await page.route('**/__axe.js', (r) => r.fulfill({ body: axeSource, contentType: 'text/javascript' }));
  await page.addScriptTag({ url: new URL('__axe.js', page.url()).href });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}

describe('axe-core on every view', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const v of VIEW_PAGES) {
      it(`${v.name} (${lang}): no serious or critical violation`, async () => {
        const w = await open(inLang(v.path(), lang));
        await settled(w.page);
        // the charts' data tables open, so that they are checked too
        for (const summary of await w.page.locator('[data-chart-table] > summary').all()) await summary.click();
        const found = { h1: await w.page.locator('h1').count(), violations: await axeViolations(w.page) };
        expect(found).toEqual({ h1: 1, violations: [] });
      });
    }
  }
});

describe('charts as tables', () => {
  /** The chart's category axis (what names its bars, boxes or heatmap rows), from its ECharts instance. */
  const categories = (page: Page, chart: string) =>
    page.evaluate((name) => {
      const el = document.querySelector(`[data-chart="${name}"]`) as HTMLElement & { echarts: { getOption(): { yAxis: { data?: string[] }[] } } };
      return el.echarts.getOption().yAxis[0].data ?? [];
    }, chart);
  const rowHeads = (page: Page, chart: string) => page.locator(`[data-chart-table="${chart}"] tbody th`).allInnerTexts();

  for (const [view, charts] of [
    ['', ['budget-by-county', 'project-sizes']],
    ['?view=quality', ['score-spread', 'band-share', 'rule-heatmap']],
  ] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${view || 'overview'} (${lang}): each chart's table, one click away, names the chart's rows`, async () => {
        const w = await open(inLang(view, lang));
        await settled(w.page);
        for (const chart of charts) {
          const table = w.page.locator(`[data-chart-table="${chart}"] table`);
          await expect(table.isVisible()).resolves.toBe(false);
          await w.page.locator(`[data-chart-table="${chart}"] > summary`).click();
          await expect(table.isVisible()).resolves.toBe(true);
          expect((await rowHeads(w.page, chart)).map((h) => h.trim()), chart).toEqual(await categories(w.page, chart));
          await expect(w.page.locator(`[data-chart-table="${chart}"] caption`).innerText()).resolves.toContain(lang === 'zh' ? '数据表' : 'data table');
        }
        await shot(w.page, `${view ? 'quality' : 'overview'}-tables-${lang}`, true);
      });
    }
  }
});
