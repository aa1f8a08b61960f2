/**
 * The review opinion (审核意见) and printing, in real headless Chromium against the built site (setup.ts):
 * 玉田县's opinion against the ingest's own Parquet (read by native DuckDB, not by the site's SQL), its PDF as
 * Chromium prints it (read back with pdf.js), and every other view in print media.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { byCounty, codeOf } from './expected';
import { journeys, query, settled, type Watched } from './harness';
import { parquetRows } from './parquet';

// Every page: no console error, no uncaught error, no dialog, no request off the machine.
const { open } = journeys();
let db: DuckDBConnection;
const YUTIAN = codeOf('玉田县');
const DEPARTMENT = '玉田县人民代表大会常务委员会本级';
const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
/** A4 in PDF points (210 × 297 mm). */
const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

/** Rows of the ingest's Parquet: `T(name)` stands for the table's file. */
const rows = (sql: string, ...params: DuckDBValue[]) => parquetRows(db, sql, ...params);

/** The seed filing of 玉田县 (a province has other 玉田 filings beside it). */
let filing: { filing_id: string; score: number; budget: string };

beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
  [filing] = (await rows(
    `SELECT filing_id, score, budget_yuan::VARCHAR AS budget FROM T(filings) WHERE county_code = ? AND year = 2024 AND department = ?`,
    YUTIAN, DEPARTMENT,
  )) as typeof filing[];
});

afterAll(() => db?.closeSync());

const text = (w: Watched, selector: string) => w.page.locator(selector).innerText();
/** 7015904.46 → 7,015,904.46 */
function grouped(yuan: string): string {
  const [int, frac] = yuan.split('.');
  return `${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}`;
}

/** The opinion of 玉田县's filing, opened as a user would: from the reading report. */
async function openOpinion(): Promise<Watched> {
  const w = await open(`?view=reading&county=${YUTIAN}&year=2024&department=${encodeURIComponent(DEPARTMENT)}`);
  await settled(w.page);
  await w.page.locator(`[data-filing="${filing.filing_id}"] [data-opinion-link]`).click();
  await w.page.waitForSelector('[data-opinion]');
  await settled(w.page);
  return w;
}

describe('review opinion', () => {
  it("玉田县's, from the reading report: header, score, counts by severity as the findings table holds them", async () => {
    const w = await openOpinion();
    expect(query(w.page).get('view')).toBe('opinion');
    expect(query(w.page).get('filing')).toBe(filing.filing_id);
    await expect(text(w, '[data-fact="county"]')).resolves.toBe('玉田县');
    await expect(text(w, '[data-fact="year"]')).resolves.toBe('2024');
    await expect(text(w, '[data-fact="department"]')).resolves.toBe(DEPARTMENT);
    const wan = byCounty.find((g) => g.code === YUTIAN)!.budget; // the hand-read golden total (one filing)
    await expect(text(w, '[data-fact="budget"]')).resolves.toBe(`${wan} 万元（${grouped(filing.budget)} 元）`);
    await expect(text(w, '[data-filing-score]')).resolves.toBe(filing.score.toFixed(1));
    expect(await w.page.locator('[data-partial-rubric]').count()).toBe(0);

    const counts = await rows(`SELECT severity, count(*)::INTEGER AS n FROM T(findings) WHERE filing_id = ? GROUP BY severity`, filing.filing_id);
    const of = (s: string) => (counts.find((c) => c.severity === s)?.n as number | undefined) ?? 0;
    for (const s of SEVERITIES) await expect(text(w, `[data-count="${s}"]`), s).resolves.toBe(String(of(s)));
    const total = SEVERITIES.reduce((n, s) => n + of(s), 0);
    await expect(text(w, '[data-count="total"]')).resolves.toBe(String(total));
    // every finding is on the page, once
    expect(await w.page.locator('[data-opinion] [data-rule]').count()).toBe(total);
    for (const s of SEVERITIES) expect(await w.page.locator(`[data-opinion] [data-rule][data-severity="${s}"]`).count(), s).toBe(of(s));

    const projects = await rows(`SELECT count(*)::INTEGER AS n FROM T(projects) WHERE filing_id = ?`, filing.filing_id);
    expect(await w.page.locator('[data-opinion] [data-project]').count()).toBe(projects[0].n);
    const indicators = await rows(`SELECT count(*)::INTEGER AS n FROM T(indicators) WHERE filing_id = ?`, filing.filing_id);
    expect(await w.page.locator('[data-opinion] tr[data-indicator]').count()).toBe(indicators[0].n);
  });

  it('shows the cost-over-budget finding on its row, with the document it rests on and the change it asks for', async () => {
    const w = await openOpinion();
    const [expected] = await rows(`SELECT indicator_id, message FROM T(findings) WHERE filing_id = ? AND rule_id = 'cost-over-budget'`, filing.filing_id);
    const finding = w.page.locator(`tr[data-indicator="${expected.indicator_id}"] [data-rule="cost-over-budget"]`);
    await expect(finding.getAttribute('data-severity')).resolves.toBe('critical');
    await expect(finding.locator('[data-policy]').innerText()).resolves.toBe('财预〔2021〕101号');
    await expect(finding.innerText()).resolves.toContain('成本超预算');
    await expect(finding.innerText()).resolves.toContain(expected.message as string);
  });

  it('is reachable from each project page, and its way back returns there', async () => {
    const path = await projectPage();
    const w = await open(path);
    await settled(w.page);
    await w.page.locator('[data-opinion-link]').click();
    await w.page.waitForSelector('[data-opinion]');
    expect(query(w.page).get('filing')).toBe(filing.filing_id);
    await w.page.getByRole('link', { name: /返回/ }).click();
    await w.page.waitForSelector('[data-project-name]');
    expect(`?view=project&project=${query(w.page).get('project')}`).toBe(path);
  });

  it('fits a 390-wide phone without sideways scrolling', async () => {
    const w = await open(`?view=opinion&filing=${filing.filing_id}`, { width: 390, height: 844 });
    await w.page.waitForSelector('[data-opinion]');
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  });

  it("shows the hostile filing's text as text", async () => {
    const XSS = '<img src=x onerror=alert(1)>';
    const [hostile] = await rows(`SELECT filing_id FROM T(filings) WHERE source_file = 'hostile.txt'`);
    const w = await open(`?view=opinion&filing=${hostile.filing_id}`);
    await w.page.waitForSelector('[data-opinion]');
    await expect(w.page.locator('[data-project] h2', { hasText: XSS }).innerText()).resolves.toBe(XSS);
    expect(await w.page.locator('img[src="x"]').count()).toBe(0);
    expect(await w.page.locator('script:not([src])').count()).toBe(0);
  });

  it('says so when the filing is unknown, and offers no print', async () => {
    const w = await open('?view=opinion&filing=ffffffffffffffff');
    await settled(w.page);
    await expect(text(w, '.empty strong')).resolves.toBe('找不到这份文件');
    expect(await w.page.locator('[data-print]').count()).toBe(0);
  });

  it('prints to an A4 PDF: every page numbered and dated, no navigation, the source listing in full', async () => {
    const w = await openOpinion();
    await w.page.emulateMedia({ media: 'print' });
    await expect(w.page.locator('header.top').isVisible()).resolves.toBe(false);
    await expect(w.page.locator('[data-print]').isVisible()).resolves.toBe(false);
    // no row is cut at a page break; the header row repeats on every page
    await expect(w.page.locator('tr[data-indicator]').first().evaluate((tr) => getComputedStyle(tr).breakInside)).resolves.toBe('avoid');
    await expect(w.page.locator('table.indicators thead').first().evaluate((t) => getComputedStyle(t).display)).resolves.toBe('table-header-group');

    const pdf = await getDocument({ data: new Uint8Array(await w.page.pdf({ preferCSSPageSize: true })) }).promise;
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const n = pdf.numPages;
    expect(n).toBeGreaterThan(3);
    let all = '';
    for (let k = 1; k <= n; k++) {
      const page = await pdf.getPage(k);
      const [, , width, height] = page.view;
      expect(Math.abs(width - A4.width), `page ${k} width ${width}`).toBeLessThan(1.5);
      expect(Math.abs(height - A4.height), `page ${k} height ${height}`).toBeLessThan(1.5);
      const words = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('').replace(/\s+/g, '');
      expect(words, `page ${k}`).toContain(`${k}/${n}`);
      expect(words, `page ${k}`).toContain(today);
      expect(words, `page ${k}`).toContain('预算绩效目标审核意见');
      all += words;
    }
    await pdf.destroy();
    // the navigation's tabs in a row, the header's tagline, the print button
    for (const screenOnly of ['县区对比支出进度指标质量', '县级预算绩效目标审阅', '打印/保存为PDF']) expect(all).not.toContain(screenOnly);
    expect(all).toContain('财预〔2021〕101号');
    expect(all).toContain('审核人');
    // the last line of the last project's source, and its line number
    const [last] = await rows(`SELECT source_text, source_lines FROM T(projects) WHERE filing_id = ? ORDER BY ordinal DESC LIMIT 1`, filing.filing_id);
    const line = (last.source_text as string).split('\n').filter((l) => l.trim() !== '').at(-1)!;
    expect(all).toContain(line.replace(/\s+/g, ''));
    expect(all).toContain(String(last.source_lines).split('-')[1]);
  });
});

/** 玉田's training project, whose page has a chart, findings and the source listing. */
async function projectPage(): Promise<string> {
  const [p] = await rows(`SELECT project_id FROM T(projects) WHERE filing_id = ? AND name = '市县人大代表人大干部履职培训经费'`, filing.filing_id);
  return `?view=project&project=${p.project_id}`;
}

describe('every view prints cleanly', () => {
  // The width of an A4 page inside its margins, in CSS pixels (app.css @page).
  const PAGE = { width: Math.floor(((210 - 28) / 25.4) * 96), height: 1000 };
  const partitioned = inject('partitioned');
  const county = partitioned ? `&county=${YUTIAN}` : '';
  const views = ['?view=overview', `?view=curves${county}`, `?view=quality${county}`, `?view=data${county}`, `?view=reading${county}`];

  views.push('project');
  for (const path of views) {
    it(`${path}: no navigation, filters or buttons; fits the page width; charts at the page's width`, async () => {
      const w = await open(path === 'project' ? await projectPage() : path, PAGE);
      await settled(w.page);
      await w.page.emulateMedia({ media: 'print' });
      for (const hidden of ['header.top', 'nav[aria-label="views"]', '.filters', '.btn']) {
        const shown = await w.page.locator(hidden).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
        expect(shown, `${hidden} printed`).toBe(0);
      }
      // (the charts redraw at the page's width as print media starts)
      const fits = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;
      await w.page.waitForFunction(fits, null, { timeout: 5000 }).catch(() => {});
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `overflows the page by ${overflow}px`).toBeLessThanOrEqual(0);
      const widths = await w.page.locator('[data-chart] canvas').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().width));
      for (const cw of widths) expect(cw).toBeLessThanOrEqual(PAGE.width);
    });
  }
});
