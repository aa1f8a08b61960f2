/**
 * Every download the data view offers, read back by independent readers and compared with its source: each
 * CSV by csv-parse (strict on line breaks, as Excel is) against the same query on native DuckDB over the
 * ingest's Parquet, cell for cell; the workbook by exceljs. The hostile filing (攸县) carries line breaks,
 * tabs, U+2028, emoji, GB18030-only characters and formula signs into the cells.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { columns, everyRow, DATA_TABLES, type DataTable } from '../../src/lib/db/data-tables';
import type { Database } from '../../src/lib/db/database';
import { openNativeDatabase } from '../../src/lib/db/native';
import { NO_FILTERS, type Filters } from '../../src/lib/db/scope';
import { decodeJson, type Summary } from '../../src/lib/db/summary';
import { largestCounty } from '../../src/lib/db/layout';
import { csvCell, readCsv } from '../readback';
import { codeOf } from './expected';
import { journeys, settled, type Watched } from './harness';

const YOUXIAN = '430223';
const YUTIAN = codeOf('玉田县');
const summary = decodeJson<Summary>(readFileSync(join(inject('dataDir'), 'summary.json'), 'utf8'));
/** The hostile county where the data has it (the seeds' site), 玉田县, and at province scale its largest county. */
const COUNTIES: [string, string][] = [
  ...(summary.choices.county.includes(YOUXIAN) ? [['攸县 (hostile text)', YOUXIAN] as [string, string]] : []),
  ['玉田县', YUTIAN],
  ...(inject('partitioned') ? [['the largest county', largestCounty(summary.layout)!] as [string, string]] : []),
];
const site = journeys();
let db: Database;

beforeAll(async () => {
  db = await openNativeDatabase(inject('dataDir'));
  await db.load();
});
afterAll(() => db?.close());

async function open(path: string) {
  const w = await site.open(path);
  await settled(w.page);
  return w;
}

/** What the site's query gives on native DuckDB, as the cells a CSV of it must hold. */
async function expectedCells(table: DataTable, f: Filters) {
  const cols = await columns(db.run, table);
  const rows = await everyRow(db.run, table, cols, f, { column: null, desc: false });
  return { cols, rows, cells: [cols.map((c) => c.name), ...rows.map((r) => cols.map((c) => csvCell(r[c.name], c.kind === 'money')))] };
}

async function saved(w: Watched, selector: string) {
  const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

describe('CSV downloads read back exactly', () => {
  for (const [label, county] of COUNTIES) {
    it.each(DATA_TABLES)(`${label}: %s holds the query’s rows and cells`, async (table) => {
      const w = await open(`?view=data&table=${table}&county=${county}`);
      const { cells } = await expectedCells(table, { ...NO_FILTERS, county });
      expect(cells.length).toBeGreaterThan(1);
      const file = await saved(w, `[data-download="${table}"]`);
      expect(readCsv(file.bytes)).toEqual(cells);
    });
  }

  it('the whole of every table when the site holds it whole (no county chosen)', async () => {
    if (inject('partitioned')) return; // a province's detail downloads per county (above)
    for (const table of DATA_TABLES) {
      const w = await open(`?view=data&table=${table}`);
      const { cells } = await expectedCells(table, NO_FILTERS);
      expect(readCsv((await saved(w, `[data-download="${table}"]`)).bytes), table).toEqual(cells);
    }
  });
});

describe('中文表头', () => {
  it('writes Chinese headings and labels with the codes beside them, is remembered, and names the file by its labels', async () => {
    const w = await open(`?view=data&table=findings&county=${YUTIAN}&rule=cost-over-budget`);
    await w.page.check('[data-form="zh"]');
    const file = await saved(w, '[data-download="findings"]');
    expect(file.name).toBe('发现_玉田县_成本超预算.csv');
    const [header, ...rows] = readCsv(file.bytes);
    for (const h of ['县区', '规则', '规则代码', '严重程度', '严重程度代码', '说明']) expect(header).toContain(h);
    const at = (h: string) => header.indexOf(h);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r[at('规则')], r[at('规则代码')], r[at('严重程度')], r[at('严重程度代码')]]).toEqual(['成本超预算', 'cost-over-budget', '严重', 'critical']);

    const again = await open(`?view=data&table=projects&county=${YUTIAN}`);
    await expect(again.page.isChecked('[data-form="zh"]')).resolves.toBe(true);
    const projects = readCsv((await saved(again, '[data-download="projects"]')).bytes);
    expect(projects[0]).toContain('经费类型代码');
    await again.page.uncheck('[data-form="zh"]');
    expect(readCsv((await saved(again, '[data-download="projects"]')).bytes)[0]).toContain('kind');
  });
});

describe('Excel workbook', () => {
  it.skipIf(!summary.choices.county.includes(YOUXIAN))('downloads the four tables of the current filters and the notes, readable by another spreadsheet library', async () => {
    const w = await open(`?view=data&table=indicators&county=${YOUXIAN}`);
    const workers: string[] = [];
    w.page.on('worker', (wk) => workers.push(wk.url()));
    const file = await saved(w, '[data-download-xlsx]');
    expect(file.name).toBe('指标_攸县.xlsx');
    // Written off the page's thread (SheetJS takes seconds on a large county).
    expect(workers.some((u) => /workbook-worker/.test(u))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['说明', '项目', '指标', '发现', '支出计划']);
    const f = { ...NO_FILTERS, county: YOUXIAN };
    for (const [sheet, table] of [['项目', 'projects'], ['指标', 'indicators'], ['发现', 'findings'], ['支出计划', 'schedule']] as const) {
      const ws = wb.getWorksheet(sheet)!;
      const { rows } = await expectedCells(table, f);
      expect(ws.rowCount - 1, sheet).toBe(rows.length);
      expect(ws.views[0], sheet).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, sheet).toBeTruthy();
    }
    const projects = wb.getWorksheet('项目')!;
    const header = projects.getRow(1).values as (string | undefined)[];
    const budget = header.indexOf('预算数（元）');
    const { rows } = await expectedCells('projects', f);
    for (const [k, r] of rows.entries()) {
      const c = projects.getRow(k + 2).getCell(budget);
      expect(c.value).toBe(Number(r.budget_yuan));
      expect(c.numFmt).toBe('#,##0.00');
    }
    // Hostile text stays text: no cell is a formula.
    const formulas: string[] = [];
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => c.type === ExcelJS.ValueType.Formula && formulas.push(c.address))));
    expect(formulas).toEqual([]);
    const notes = wb.getWorksheet('说明')!.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(notes).toContain('县区：攸县');
    expect(notes).toContain('hostile.txt');
  });
});

describe('a workbook writer that cannot load', () => {
  it('says so, and the CSV still downloads', async () => {
    const w = await open(`?view=data&table=projects&county=${YUTIAN}`);
    await w.page.route(/workbook-worker/, (r) => r.fulfill({ status: 404, body: 'not here' }));
    await w.page.click('[data-download-xlsx]');
    await expect.poll(() => w.page.locator('.save-error').textContent(), { timeout: 20_000 }).toBe('下载失败：Excel 写出程序未能加载或内存不足（可先下载 CSV，或缩小筛选范围后重试）');
    const csv = await saved(w, '[data-download]');
    expect(csv.name).toMatch(/\.csv$/);
    w.errors.length = 0; // the refused worker script (a console error) is the point of this test
  });
});
