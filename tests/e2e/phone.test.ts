/**
 * Tables on a phone, in real headless Chromium at 390 × 844: the key columns (name, score, band) come first,
 * and a table wider than the screen says that it scrolls, can be scrolled by keyboard, and does scroll.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot } from './shots';
import { journeys, settled } from './harness';

const { open } = journeys();
const PHONE = { width: 390, height: 844 };

const headers = (page: Page, table: string) => page.locator(`table[data-table="${table}"] thead th`).allInnerTexts();
/** The cue over a table's scroll region: its text, and whether its region is focusable and named. */
const cue = (page: Page, table: string) =>
  page.evaluate((name) => {
    const wrap = document.querySelector<HTMLElement>(`table[data-table="${name}"]`)!.closest<HTMLElement>('.table-wrap')!;
    return {
      scrolls: wrap.dataset.scrolls ?? null,
      text: getComputedStyle(wrap, '::before').content,
      tabIndex: wrap.tabIndex,
      label: wrap.getAttribute('aria-label'),
    };
  }, table);

describe('tables on a phone', () => {
  for (const [view, table, key] of [
    ['quality', 'worst-projects', ['项目', '得分', '评级']],
    ['overview', 'counties', ['县区', '部门评分', '评级']],
  ] as const) {
    it(`${view}: ${table} shows ${key.join(', ')} first, and says it scrolls sideways`, async () => {
      const w = await open(`?view=${view}`, PHONE);
      await settled(w.page);
      const head = await headers(w.page, table);
      expect(head.slice(0, 3).map((h) => h.trim())).toEqual(key);
      await w.page.waitForFunction((name) => document.querySelector(`table[data-table="${name}"]`)?.closest<HTMLElement>('.table-wrap')?.dataset.scrolls != null, table);
      const c = await cue(w.page, table);
      expect(c.scrolls).toContain('x');
      expect(c.text).toContain('左右滑动');
      expect(c.tabIndex).toBe(0);
      expect(c.label).toBeTruthy();
      // the key columns are on screen before any scrolling
      const third = await w.page.locator(`table[data-table="${table}"] thead th`).nth(2).boundingBox();
      expect(third!.x + third!.width).toBeLessThanOrEqual(PHONE.width);
      await w.page.locator(`table[data-table="${table}"]`).scrollIntoViewIfNeeded();
      await shot(w.page, `${view}-phone-table`);
      // focused, the arrow keys scroll it
      await w.page.evaluate((name) => document.querySelector(`table[data-table="${name}"]`)!.closest<HTMLElement>('.table-wrap')!.focus(), table);
      await w.page.keyboard.press('ArrowRight');
      await w.page.waitForFunction((name) => document.querySelector(`table[data-table="${name}"]`)!.closest<HTMLElement>('.table-wrap')!.scrollLeft > 0, table);
    });
  }

  it('a table that fits says nothing', async () => {
    const w = await open('?view=quality');
    await settled(w.page);
    const c = await cue(w.page, 'worst-projects');
    expect(c).toEqual({ scrolls: null, text: 'none', tabIndex: -1, label: null });
  });
});
