/**
 * Issue #13's words, in both languages, in real headless Chromium: sorts by meaning, indicator labels by
 * their standard meaning, filter options with their counts (facets), and an English interface that says
 * in English what the data holds as Chinese or as codes (finding messages, bands, units, the reading
 * report's codes, import refusals), and a Chinese one that says nothing in English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { codeOf } from './expected';
import { journeys, settled } from './harness';
import { RULES } from '../../src/lib/quality/rules';
import { SEVERITIES } from '../../src/lib/parse/model';
import { BANDS } from '../../src/lib/quality/settings';

const { open } = journeys();
const partitioned = inject('partitioned');
const [LETING, YUTIAN] = [codeOf('乐亭县'), codeOf('玉田县')];
const manifest = JSON.parse(readFileSync(join(inject('dataDir'), 'manifest.json'), 'utf8')) as { partitions: { county_code: string | null; rows: Record<string, number> }[] };
const projectsOf = (code: string) => manifest.partitions.filter((p) => p.county_code === code).reduce((n, p) => n + p.rows.projects, 0);

/** The page once its data view's rows are there. */
async function dataRows(page: Page) {
  await page.waitForSelector('[data-engine="ready"]', { timeout: 30_000 });
  await page.waitForSelector('table[data-table^="data-"] tbody tr, .empty', { timeout: 30_000 });
  return Number(await page.locator('[data-total]').getAttribute('data-total'));
}
/** A select's options (all but "all"): value and label. */
const optionsOf = (page: Page, name: string) =>
  page.locator(`select[name="${name}"] option`).evaluateAll((os) => (os as HTMLOptionElement[]).filter((o) => o.value !== '').map((o) => ({ value: o.value, label: o.label })));
/** Facet counts are in once the options carry them (the engine answers after the first paint). */
const counted = (page: Page, name: string) =>
  page.waitForFunction((n) => [...document.querySelectorAll<HTMLOptionElement>(`select[name="${n}"] option`)].some((o) => /[（(][\d,]+[）)]$/.test(o.label)), name, { timeout: 30_000 });
const count = (label: string) => Number(/[（(]([\d,]+)[）)]$/.exec(label)?.[1].replaceAll(',', '') ?? NaN);
/** Text with the filing's quoted words out: what is left is the interface's own. */
const ownWords = (s: string) => s.replace(/"[^"]*"|“[^”]*”|《[^》]*》|\([^)]*\)/g, '');
const CJK = /[\u3400-\u9fff]/;

describe('sorts by meaning', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`severity critical → info and back, band 优 → 差 (${lang})`, async () => {
      const county = partitioned ? `&county=${YUTIAN}` : '';
      const { page } = await open(`?view=data&table=findings&sort=severity${county}&lang=${lang}`);
      await dataRows(page);
      const sev = () => page.locator('table[data-table="data-findings"] tbody .sev').evaluateAll((es) => es.map((e) => [...e.classList].find((c) => c.startsWith('sev-'))!.slice(4)));
      const up = (await sev()).map((s) => SEVERITIES.indexOf(s as never));
      expect(up.length).toBeGreaterThan(0);
      expect(up).toEqual([...up].sort((a, b) => a - b));
      expect(up[0]).toBe(0); // 玉田县 and the seeds have a critical finding: it comes first
      await page.click('button[data-sort="severity"]'); // again: descending
      await page.waitForFunction(() => new URLSearchParams(location.search).get('desc') === '1');
      await page.waitForFunction(() => document.querySelector('table[data-table="data-findings"] tbody .sev')?.classList.contains('sev-info'), null, { timeout: 15_000 });
      const down = (await sev()).map((s) => SEVERITIES.indexOf(s as never));
      expect(down).toEqual([...down].sort((a, b) => b - a));
      if (lang === 'en') expect(await page.locator('table[data-table="data-findings"] tbody .sev').first().innerText()).toMatch(/^[A-Z][a-z]+$/);

      await page.goto(page.url().replace('table=findings', 'table=projects').replace('sort=severity', 'sort=band').replace('&desc=1', ''));
      await dataRows(page);
      const bands = await page.locator('table[data-table="data-projects"] tbody [data-band]').evaluateAll((es) => es.map((e) => (e as HTMLElement).dataset.band!));
      const ranks = bands.map((b) => BANDS.indexOf(b as never));
      expect(ranks.length).toBeGreaterThan(1);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      const shown = await page.locator('table[data-table="data-projects"] tbody [data-band]').allInnerTexts();
      if (lang === 'zh') expect(shown).toEqual(bands);
      else expect(shown.every((s) => ['Excellent', 'Good', 'Fair', 'Poor'].includes(s))).toBe(true);
    });
  }
});

describe('indicator labels by meaning', () => {
  it('offer 服务对象满意度指标 once for every way it is written, the raw label kept in the rows', async () => {
    const county = partitioned ? `&county=${YUTIAN}` : '';
    const { page } = await open(`?view=data&table=indicators${county}`);
    await dataRows(page);
    await counted(page, 'level2');
    const values = (await optionsOf(page, 'level2')).map((o) => o.value);
    expect(values).toContain('服务对象满意度指标');
    expect(values).not.toContain('服务对象满意度');
    expect(values).not.toContain('经济效益');
    const option = (await optionsOf(page, 'level2')).find((o) => o.value === '服务对象满意度指标')!;
    await page.selectOption('select[name="level2"]', '服务对象满意度指标');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('level2') === '服务对象满意度指标');
    await page.waitForFunction((n) => document.querySelector('[data-total]')?.getAttribute('data-total') === String(n), count(option.label), { timeout: 15_000 });
    // as written: 玉田县 writes 服务对象满意度 (the narrative's form) beside the standard label
    const raw = await page.locator('table[data-table="data-indicators"] tbody tr').evaluateAll((rows) => rows.map((r) => (r.children[3] as HTMLElement).innerText));
    expect(new Set(raw)).toEqual(new Set(['服务对象满意度', '服务对象满意度指标']));
  });
});

describe.skipIf(partitioned)('filter options with counts', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`count the projects each county gives, and narrow the rules to the selection (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}`);
      await settled(page);
      await counted(page, 'county');
      for (const code of [LETING, YUTIAN]) {
        const o = (await optionsOf(page, 'county')).find((x) => x.value === code)!;
        expect(count(o.label), o.label).toBe(projectsOf(code));
        expect(o.label).toMatch(lang === 'zh' ? /（\d+）$/ : / \(\d+\)$/);
      }
      const everyRule = (await optionsOf(page, 'rule')).map((o) => o.value);
      await page.selectOption('select[name="county"]', YUTIAN);
      await page.waitForFunction((c) => new URLSearchParams(location.search).get('county') === c, YUTIAN);
      // the county's own facet still lists its siblings; the rule facet narrows to 玉田县's findings
      await page.waitForFunction((n) => document.querySelectorAll('select[name="rule"] option').length - 1 < n, everyRule.length, { timeout: 15_000 });
      expect((await optionsOf(page, 'county')).length).toBeGreaterThan(1);
      const rules = await optionsOf(page, 'rule');
      expect(rules.every((o) => everyRule.includes(o.value) && count(o.label) > 0)).toBe(true);
      // each count is what choosing it gives: the findings table shows as many rows
      const pick = rules.find((o) => o.value === 'cost-over-budget')!;
      await page.goto(page.url().replace('?', '?view=data&table=findings&').concat(`&rule=${pick.value}`));
      expect(await dataRows(page)).toBe(count(pick.label));
    });
  }
});

describe('English complete', () => {
  it('finding messages, bands and units in English; the Chinese interface keeps the Chinese', async () => {
    const county = partitioned ? `&county=${YUTIAN}` : '';
    const { page } = await open(`?view=data&table=findings${county}&lang=en`);
    await dataRows(page);
    const messages = await page.locator('table[data-table="data-findings"] tbody tr').evaluateAll((rows) => rows.map((r) => (r.children[4] as HTMLElement).innerText));
    expect(messages.length).toBeGreaterThan(10);
    for (const m of messages) expect(ownWords(m).replace(/[\u3400-\u9fff]+指标|政协|人大|[优良中差]/g, ''), m).not.toMatch(CJK);

    // a project page: its findings in English, its band named, its budget in 10k yuan
    await page.locator('table[data-table="data-findings"] tbody a[data-project]').first().click();
    await page.waitForSelector('.findings .message');
    for (const m of await page.locator('.findings .message').allInnerTexts()) expect(ownWords(m).replace(/[\u3400-\u9fff]+指标|政协|人大|[优良中差]/g, ''), m).not.toMatch(CJK);
    const band = page.locator('.band[data-band]').first();
    expect(['Excellent', 'Good', 'Fair', 'Poor']).toContain(await band.innerText());
    await page.screenshot({ path: 'tests/e2e/screenshots/words-project-en.png' });

    const zh = await open(page.url().replace('lang=en', 'lang=zh'));
    await zh.page.waitForSelector('.findings .message');
    expect(await zh.page.locator('.findings .message').first().innerText()).toMatch(CJK);
    expect(BANDS).toContain(await zh.page.locator('.band[data-band]').first().innerText());
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`the reading report names layouts, encodings, formats and units in words, never as codes (${lang})`, async () => {
      const { page } = await open(`?view=reading&county=${LETING}&lang=${lang}`);
      await page.waitForSelector('[data-code="layout"]', { timeout: 30_000 });
      const text = (k: string) => page.locator(`[data-code="${k}"]`).first().innerText();
      expect(await text('layout')).toContain(lang === 'zh' ? 'Word 表格' : 'Word table');
      expect(await text('encoding')).toContain(lang === 'zh' ? 'UTF-8 文本' : 'UTF-8 text');
      expect(await text('format')).toContain(lang === 'zh' ? '文本' : 'text');
      expect(await text('unit')).toContain(lang === 'zh' ? '万元' : '10k yuan');
      for (const k of ['layout', 'encoding', 'format']) expect(await text(k)).not.toMatch(/word-table|utf-8|\btxt\b/);
      if (lang === 'zh') await page.screenshot({ path: 'tests/e2e/screenshots/words-reading-zh.png' });
    });
  }

  it('the heatmap names every rule whole (no "Description adds nothi…")', async () => {
    const county = partitioned ? `&county=${YUTIAN}` : '';
    const { page } = await open(`?view=quality${county}&lang=en`);
    await settled(page);
    const axis = await page.evaluate(() => {
      type Axis = { data: string[]; axisLabel: { overflow: string } };
      type Chart = { getOption(): { xAxis: Axis[]; yAxis: Axis[] } };
      const o = (document.querySelector('[data-chart="rule-heatmap"]') as HTMLElement & { echarts: Chart }).echarts.getOption();
      return { data: o.yAxis[0].data, overflow: [o.xAxis[0].axisLabel.overflow, o.yAxis[0].axisLabel.overflow] };
    });
    expect(axis.overflow).toEqual(['break', 'break']); // long names wrap (新华区（石家庄市）, County not stated)
    expect(axis.data).toContain(RULES.find((r) => r.id === 'description-adds-nothing')!.name.en);
    expect(axis.data.every((d) => !d.endsWith('…'))).toBe(true);
    await page.locator('[data-chart="rule-heatmap"]').screenshot({ path: 'tests/e2e/screenshots/words-heatmap-en.png' });
  });
});

describe.skipIf(partitioned)('import refusals in the page’s language', () => {
  for (const [lang, said] of [['zh', 'empty.txt:1：应为一份绩效目标文件；实际是空文件'], ['en', 'empty.txt:1: expected a filing; found an empty file']] as const) {
    it(`say what was expected and found (${lang})`, async () => {
      const { page } = await open(`?lang=${lang}`);
      await page.waitForSelector('[data-engine="ready"]', { timeout: 30_000 });
      if (!(await page.locator('[data-import-panel]').count())) await page.click('[data-import-toggle]');
      await page.locator('[data-import-input]').setInputFiles([{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') }]);
      await page.waitForSelector('[data-import-entry="refused"] [data-reason]', { timeout: 60_000 });
      expect((await page.locator('[data-import-entry="refused"] [data-reason]').innerText()).trim()).toBe(said);
    });
  }
});

describe('facet screenshot', () => {
  it('shows the filter bar with its counts (zh)', async () => {
    const county = partitioned ? `&county=${YUTIAN}` : '';
    const { page } = await open(`?view=data&table=indicators${county}`);
    await dataRows(page);
    await counted(page, 'level2');
    await page.locator('.filters').screenshot({ path: 'tests/e2e/screenshots/words-filters-zh.png' });
    expect(await page.locator('label.f-level2').getAttribute('title')).toMatch(/指标数/);
  });
});
