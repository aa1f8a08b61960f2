/**
 * Importing filings in the browser (issue #10), in real headless Chromium against the built site: files
 * chosen in the file input and dropped on the page, read in the import worker, shown in every view,
 * kept across a reload (the browser profile is persistent), removed from every view and from storage;
 * refused files named with their reason; hostile text kept as text; no request off the machine; the
 * reading done in the import worker, not on the page's thread (how long the page's longest task is while a
 * batch runs is a figure of `npm run bench -- --import`, import_longest_task_ms, not a timed assertion here).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { readCsvRecords } from '../readback';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fromArrowIPC, TABLE_NAMES } from '../../src/lib/tables';
import { journeys, settled } from './harness';
import { ROOT } from './setup';
import { serve } from '../../scripts/serve';
import { synthesize } from '../../scripts/synth';

const partitioned = inject('partitioned');
const file = (path: string) => ({ name: path.split('/').pop()!, buffer: readFileSync(join(ROOT, path)) });
const text = (name: string, s: string) => ({ name, buffer: Buffer.from(s, 'utf8') });

/** A department that copied 山海关区's filing (a bundled seed) under another district's name: 北戴河区. */
const copied = text('beidaihe-copied.txt', readFileSync(join(ROOT, 'data/raw/001_7b9a053dd8e8f2a7.txt'), 'utf8').replaceAll('山海关', '北戴河').replaceAll('130303', '130304'));
/** The bundled hostile filing, moved to 茶陵县 and with formula and script text in its fields too. */
const hostile = text(
  'hostile-import.txt',
  readFileSync(join(ROOT, 'tests/e2e/fixtures/hostile.txt'), 'utf8')
    .replaceAll('攸县', '茶陵县')
    .replaceAll('430223', '430224')
    .replace('用于按人均标准', '=HYPERLINK("http://example.invalid","x")<script>alert(2)</script>用于按人均标准'),
);
const GOOD = [file('tests/fixtures/templates/project-form.docx'), file('tests/fixtures/templates/mof-2021.pdf'), file('tests/fixtures/corpus/zhaohua_wsj_tkzfz_2021.txt'), copied, hostile];
const BAD = [file('tests/fixtures/sources/pdf-scan.pdf'), text('empty.txt', ''), { name: 'junk.bin', buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)) }];
/** The counties of GOOD, by code: 兰考县, 安吉县, 昭化区, 北戴河区, 茶陵县. */
const COUNTIES = ['410225', '330523', '510811', '130304', '430224'];

// Every page: no console error, no uncaught error, no dialog, no request off the machine.
const session = journeys();

/** A watched page of the site, its engine ready, and the workers it starts. */
async function open(path = '') {
  const w = await session.open(null);
  const workers: string[] = [];
  w.page.on('worker', (wk) => workers.push(wk.url()));
  await w.page.goto(new URL(path, inject('baseUrl')).href);
  await settled(w.page);
  return { ...w, workers };
}

/** Opens the import panel (the toggle closes it when it is open). */
async function panel(page: Page) {
  if (!(await page.locator('[data-import-panel]').count())) await page.click('[data-import-toggle]');
}

async function choose(page: Page, files: { name: string; buffer: Buffer }[]) {
  await panel(page);
  await page.locator('[data-import-input]').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
  await page.waitForSelector('[data-import-outcome]', { timeout: 60_000 });
}

/** A drop of files as the browser dispatches one: dragenter, dragover, drop, with a DataTransfer holding File objects. */
async function drop(page: Page, files: { name: string; buffer: Buffer }[]) {
  await page.evaluate(async (list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, bytes: [...f.buffer] })));
  await page.waitForSelector('[data-import-outcome]', { timeout: 60_000 });
}

/** The overview's county table has (or no longer has) each of these counties' rows. */
async function overviewHas(page: Page, codes: string[], present = true) {
  await page.click('nav a[data-view="overview"]');
  await settled(page);
  for (const c of codes) await page.waitForSelector(`table[data-table="counties"] tr[data-county="${c}"]`, { state: present ? 'attached' : 'detached' });
}

/** The filings kept in the browser's IndexedDB. */
const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('perflens');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('imports')) return resolve([]);
          const get = db.transaction('imports').objectStore('imports').getAllKeys();
          get.onsuccess = () => resolve((get.result as string[]).sort());
          get.onerror = () => reject(get.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );

describe.skipIf(partitioned)('import', () => {
  it('reads chosen files in the worker, lists the refused ones with their reason, opens their reading report', async () => {
    const { page, workers } = await open();
    await choose(page, [...GOOD, ...BAD]);
    // read off the page's thread, by the import worker
    expect(workers.some((u) => /\/worker-[^/]*\.js/.test(u)), workers.join(' ')).toBe(true);

    const entries = page.locator('[data-import-entry]');
    expect(await page.locator('[data-import-entry="imported"]').count()).toBe(GOOD.length);
    const refused = await page.locator('[data-import-entry="refused"] [data-reason]').allInnerTexts();
    expect(refused).toHaveLength(BAD.length);
    for (const f of BAD) expect(refused.find((r) => r.startsWith(f.name)), f.name).toMatch(/应为.+；实际是.+/); // in the page's language (words.test.ts: English)
    expect(refused.find((r) => r.startsWith('pdf-scan.pdf'))).toMatch(/扫描件|文字层|OCR/i);
    expect(refused.find((r) => r.startsWith('empty.txt'))).toContain('空文件');
    expect(await entries.count()).toBe(GOOD.length + BAD.length);

    // The reading report of the imported files opens at once, each marked as imported.
    await page.waitForURL(/view=reading.*source=imported/);
    await settled(page);
    const cards = page.locator('section.filing');
    expect(await cards.count()).toBe(GOOD.length);
    expect(await page.locator('section.filing [data-imported-badge]').count()).toBe(GOOD.length);
    // Every finding counted on each card.
    expect(await page.locator('section.filing [data-severities]').count()).toBe(GOOD.length);
    // Hostile text stays text: no element made of it, no script run (afterEach: no dialog).
    expect(await page.locator('img').count()).toBe(0);
    await page.goto(new URL('?view=data&table=projects&county=430224', inject('baseUrl')).href);
    await settled(page);
    expect(await page.locator('table[data-table="data-projects"]').innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);

    // The copy of 山海关区's filing is caught against the bundled corpus.
    await page.goto(new URL('?view=data&table=findings&county=130304&rule=cross-filing-boilerplate', inject('baseUrl')).href);
    await settled(page);
    expect(Number(await page.locator('[data-total]').getAttribute('data-total'))).toBeGreaterThan(0);
    expect(await page.locator('table[data-table="data-findings"]').innerText()).toMatch(/与山海关区(、[^的]+)?的文件中的指标完全相同/);
  });

  it('shows the imported counties in every view, keeps them across a reload, and in the source filter', async () => {
    const { page } = await open();
    await overviewHas(page, COUNTIES);
    expect(await page.locator(`tr[data-county="410225"] [data-imported-badge]`).count()).toBe(1);
    expect(await page.locator(`tr[data-county="130303"] [data-imported-badge]`).count()).toBe(0); // 山海关区: bundled only

    // The data view: 兰考县's indicators; the 来源 filter: imported only, then bundled only.
    await page.goto(new URL('?view=data&county=410225', inject('baseUrl')).href);
    await settled(page);
    const total = Number(await page.locator('[data-total]').getAttribute('data-total'));
    expect(total).toBeGreaterThan(0);
    // Its CSV holds those rows: the downloads read the same tables.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="indicators"]')]);
    const rows = readCsvRecords(readFileSync((await csv.path())!));
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.county_code))).toEqual(new Set(['410225']));
    await page.selectOption('select[name="source"]', 'imported');
    await settled(page);
    const imported = Number(await page.locator('[data-total]').getAttribute('data-total'));
    await page.goto(new URL('?view=data&table=projects&source=bundled', inject('baseUrl')).href);
    await settled(page);
    const bundledRows = await page.locator('table[data-table="data-projects"] tbody tr').allInnerTexts();
    expect(bundledRows.some((r) => r.includes('兰考县'))).toBe(false);
    expect(imported).toBeGreaterThan(0);

    // The reload above kept them (IndexedDB); so does a new tab.
    expect(await stored(page)).toHaveLength(GOOD.length);
    const other = await open('?view=reading&source=imported');
    expect(await other.page.locator('section.filing').count()).toBe(GOOD.length);
  });

  it('a drop imports too; a file already there is said so and added once', async () => {
    const { page } = await open();
    // The filing that never names its county (a bundled seed, a line added), with a sidecar that names it.
    const unnamed = text('unnamed.txt', `${readFileSync(join(ROOT, 'data/raw/004_d7b13e23de355d4f.txt'), 'utf8')}\n`);
    const sidecar = text('unnamed.txt.meta.json', JSON.stringify({ county: '滦州市', county_code: '130284', year: 2023 }));
    await drop(page, [file('tests/fixtures/templates/three-projects.docx'), GOOD[0], file('data/raw/000_a2806c01fbfd326d.txt'), unnamed, sidecar]);
    expect(await page.locator('[data-import-entry="imported"]').count()).toBe(GOOD.length + 2);
    expect(await page.locator('[data-import-entry="imported"]').filter({ hasText: 'unnamed.txt' }).innerText()).toContain('滦州市 2023');
    const dup = await page.locator('[data-import-entry="duplicate"] [data-reason]').allInnerTexts();
    expect(dup).toHaveLength(2);
    expect(dup.some((r) => r.includes('内置数据'))).toBe(true);
    expect(dup.some((r) => r.includes('已经导入过'))).toBe(true);
    expect(await stored(page)).toHaveLength(GOOD.length + 2);
  });

  it('exports the imported filings as the five tables in Arrow, every row of them', async () => {
    const { page } = await open();
    await panel(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-import-export]')]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(zip).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.arrow`).sort());
    const filings = fromArrowIPC(zip['filings.arrow']);
    expect(filings).toHaveLength(GOOD.length + 2);
    const indicators = fromArrowIPC(zip['indicators.arrow']);
    expect(indicators.length).toBe(filings.reduce((n, f) => n + (f.indicators as number), 0));
    expect(new Set(indicators.map((i) => i.filing_id))).toEqual(new Set(filings.map((f) => f.filing_id)));
  });

  it('remove takes a filing out of every view and of storage; remove all takes the rest', async () => {
    const { page } = await open();
    await panel(page);
    const row = page.locator('[data-import-entry="imported"]').filter({ hasText: 'project-form.docx' });
    const id = await row.getAttribute('data-filing');
    await row.locator('[data-import-remove]').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-import-entry="imported"]').length === n, GOOD.length + 1);
    expect(await stored(page)).not.toContain(id);
    await overviewHas(page, ['410225'], false);

    await panel(page);
    await page.click('[data-import-remove-all]');
    await page.waitForFunction(() => document.querySelectorAll('[data-import-entry="imported"]').length === 0);
    expect(await stored(page)).toEqual([]);
    await overviewHas(page, COUNTIES, false);
    await page.reload();
    await settled(page);
    expect(await page.locator('[data-import-toggle] .count').count()).toBe(0);
  });
});

describe.skipIf(partitioned)('import: bad input', () => {
  it('refuses a zip bomb and a file past 50 MB with their reasons; the rest of the batch goes on', async () => {
    const { page } = await open();
    // A .docx whose document.xml is 40 MB of spaces packed about 1000:1.
    const bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new Uint8Array(40e6).fill(32) }, { level: 9 });
    await page.evaluate(async (b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], 'bomb.docx'));
      dt.items.add(new File([new Uint8Array(51 * 1024 * 1024)], 'huge.pdf'));
      for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [...bomb]);
    await page.waitForSelector('[data-import-outcome]', { timeout: 60_000 });
    const reasons = await page.locator('[data-import-entry="refused"] [data-reason]').allInnerTexts();
    expect(reasons.find((r) => r.startsWith('bomb.docx'))).toMatch(/压缩比不超过 200:1/);
    expect(reasons.find((r) => r.startsWith('huge.pdf'))).toMatch(/应为不超过 50 MB 的文件；实际是51\.0 MB/);
    // The page still works: the next batch is read.
    await choose(page, [GOOD[2]]);
    expect(await page.locator('[data-import-entry="imported"]').count()).toBe(1);
    await page.click('[data-import-remove-all]');
    await page.waitForFunction(() => document.querySelectorAll('[data-import-entry="imported"]').length === 0);
  });

  it('cancel stops after the current file: what was read is imported and kept, the rest is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-cancel-'));
    synthesize({ out: dir, counties: 5, departments: 20, years: 1, province: '13', seed: 3 });
    const list = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f));
    const { page } = await open();
    await panel(page);
    await page.locator('[data-import-input]').setInputFiles(list);
    await page.click('[data-import-cancel]');
    await page.waitForSelector('[data-import-outcome]', { timeout: 60_000 });
    expect(await page.locator('[data-import-outcome]').innerText()).toMatch(/已取消：其余 \d+ 个文件没有读取/);
    const n = await page.locator('[data-import-entry="imported"]').count();
    expect(n).toBeLessThan(list.length);
    // the header's count (none shown at 0: a cancel that lands before the first file is done imports nothing)
    await page.waitForFunction((k) => (document.querySelector('[data-import-toggle] .count')?.textContent ?? '0') === String(k), n);
    expect(await stored(page)).toHaveLength(n);
    if (n > 0) {
      // (nothing imported: no remove-all button to press)
      await page.click('[data-import-remove-all]');
      await page.waitForFunction(() => document.querySelectorAll('[data-import-entry="imported"]').length === 0);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('blocked storage is said plainly and the import still works for the session', async () => {
    const w = await session.open(null);
    await w.page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await w.page.goto(inject('baseUrl'));
    await settled(w.page);
    await choose(w.page, [GOOD[0]]);
    expect(await w.page.locator('[data-import-entry="imported"]').count()).toBe(1);
    expect(await w.page.locator('[data-import-store-failure]').innerText()).toMatch(/浏览器存储不可用.*刷新后需要重新导入/);
    await overviewHas(w.page, ['410225']);
  });
});

describe.skipIf(partitioned)('import at province scale (the seeds built partitioned)', () => {
  let base: string;
  let close: () => Promise<void>;
  let site: string;
  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'perflens-site-partitioned-'));
    cpSync(join(ROOT, 'dist'), site, { recursive: true });
    rmSync(join(site, 'data'), { recursive: true, force: true });
    cpSync(inject('dataDir'), join(site, 'data'), { recursive: true });
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/site-summary.ts', join(site, 'data'), '--partitioned'], { cwd: ROOT, stdio: 'ignore' });
    const server = await serve(site, 0);
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    close = () => new Promise((done) => server.close(() => done()));
  }, 120_000);
  afterAll(async () => {
    await close?.();
    rmSync(site, { recursive: true, force: true });
  });

  it('says the province-wide figures leave the imports out, and shows them with their county', async () => {
    const w = await session.open('', undefined, base);
    await w.page.waitForSelector('[data-chart]');
    await choose(w.page, [GOOD[0]]);
    // The reading report opens in the import's county, with what the cross-filing comparison could see.
    await w.page.waitForURL(/view=reading.*county=410225/);
    await settled(w.page);
    expect(await w.page.locator('section.filing [data-imported-badge]').count()).toBe(1);
    expect(await w.page.locator('[data-corpus-partial]').count()).toBe(1);
    // Province-wide: the build-time overview, and the plain word that it does not hold the import.
    await w.page.goto(base);
    await w.page.waitForSelector('[data-province-note]');
    expect(await w.page.locator('[data-province-note]').innerText()).toContain('全省汇总不含导入的 1 份文件');
    expect(await w.page.locator('table[data-table="counties"] tr[data-county="410225"]').count()).toBe(0);
    // With its county chosen, the numbers include it.
    await w.page.goto(new URL('?county=410225', base).href);
    await settled(w.page);
    await w.page.waitForSelector('table[data-table="counties"] tr[data-county="410225"] [data-imported-badge]');
    expect(await w.page.locator('[data-province-note]').count()).toBe(0);
  });
});
