/**
 * Keyboard only, in real headless Chromium: the skip link, the filters, the data view's tabs, a download,
 * a heatmap cell and a plan curve, reached and used with Tab, Enter and the arrows alone (no click).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readCsvRecords } from '../readback';
import { codeOf } from './expected';
import { shot } from './shots';
import { journeys, query, settled } from './harness';

const { open } = journeys();

/** Presses Tab until the focus is on `selector` (at most `max` times); fails if it never gets there. */
async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${max} Tab presses never reached ${selector}`);
}
const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '');
/** An attribute of the focused element. */
const focusedAttr = (page: Page, name: string) => page.evaluate((n) => document.activeElement?.getAttribute(n) ?? null, name);

describe('keyboard only', () => {
  it('skips to the content with the first Tab', async () => {
    const w = await open('?view=quality');
    await settled(w.page);
    await w.page.keyboard.press('Tab');
    expect(await focused(w.page)).toContain('data-skip');
    await expect(w.page.locator('[data-skip]').isVisible()).resolves.toBe(true);
    await w.page.keyboard.press('Enter');
    await expect(w.page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    // the next Tab is in the content, past the header, the nav and the filters
    await w.page.keyboard.press('Tab');
    await expect(w.page.evaluate(() => document.activeElement?.closest('main') != null)).resolves.toBe(true);
  });

  it('chooses a filter, walks the tabs with the arrows and downloads the table', async () => {
    const w = await open('?view=data');
    await settled(w.page);
    // the county filter: the arrow chooses the next county, as a change
    await tabTo(w.page, 'select[name="county"]');
    await w.page.keyboard.press('ArrowDown');
    await w.page.waitForFunction(() => new URL(location.href).searchParams.has('county'));
    const county = query(w.page).get('county')!;
    await settled(w.page);
    // one Tab stop for the tab list: the chosen tab
    await tabTo(w.page, '[role="tab"]');
    expect(await focusedAttr(w.page, 'aria-selected')).toBe('true');
    expect(await focusedAttr(w.page, 'data-tab')).toBe('indicators');
    await w.page.keyboard.press('ArrowRight');
    await w.page.waitForFunction(() => new URL(location.href).searchParams.get('table') === 'findings');
    expect(await focusedAttr(w.page, 'data-tab')).toBe('findings');
    await w.page.keyboard.press('End');
    await w.page.waitForFunction(() => new URL(location.href).searchParams.get('table') === 'schedule');
    await w.page.keyboard.press('Home');
    await w.page.waitForFunction(() => new URL(location.href).searchParams.get('table') === 'projects');
    expect(await focusedAttr(w.page, 'data-tab')).toBe('projects');
    await expect(w.page.locator('[role="tabpanel"]').getAttribute('aria-labelledby')).resolves.toBe('tab-projects');
    await settled(w.page);
    // the download, by Enter on its button: the chosen county's projects
    await tabTo(w.page, '[data-download="projects"]');
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.keyboard.press('Enter')]);
    const records = readCsvRecords(readFileSync((await download.path())!));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.county_code === county)).toBe(true);
  });

  it('walks the heatmap’s cells with the arrows; Enter opens the findings of the cell reached', async () => {
    const w = await open('?view=quality');
    await settled(w.page);
    await tabTo(w.page, '[data-chart="rule-heatmap"]');
    await w.page.keyboard.press('ArrowRight');
    const first = await w.page.locator('[data-key-label]').innerText();
    await w.page.keyboard.press('ArrowDown');
    const second = await w.page.locator('[data-key-label]').innerText();
    expect(first).toMatch(/：触发 \d+ \/ \d+（\d+%）$/);
    expect(second).not.toBe(first);
    await shot(w.page, 'quality-keyboard');
    // the tooltip shows the cell reached, as a hover would
    // (echarts shows it on its next frame: waited for, not read at once)
    await expect.poll(() => w.page.locator('[data-chart="rule-heatmap"] div').filter({ hasText: '触发' }).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await w.page.keyboard.press('Enter');
    await w.page.waitForFunction(() => new URL(location.href).searchParams.has('rule'));
    const q = query(w.page);
    // the rule and county of the label read out are the filters now
    const chosen = (await w.page.locator('select[name="rule"] option:checked').innerText()).replace(/（[\d,]+）$/, ''); // less its facet count
    expect(second.startsWith(chosen)).toBe(true);
    expect(q.get('county')).not.toBeNull();
  });

  it('walks the plan curves with the arrows; Enter opens the project of the curve reached', async () => {
    const w = await open(`?view=curves&county=${codeOf('玉田县')}`);
    await settled(w.page);
    await tabTo(w.page, '[data-chart="plan-curves"]');
    await w.page.keyboard.press('ArrowRight');
    await w.page.keyboard.press('ArrowDown');
    const label = await w.page.locator('[data-key-label]').innerText();
    expect(label).toMatch(/ · 玉田县 · \d+月底 [\d.]+%$/);
    await w.page.keyboard.press('Enter');
    await w.page.waitForSelector('[data-project-name]');
    expect(query(w.page).get('view')).toBe('project');
    expect(label.startsWith(await w.page.locator('[data-project-name]').innerText())).toBe(true);
  });
});
