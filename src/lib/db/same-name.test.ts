/**
 * Counties are keyed by their GB/T 2260 code, not by name: Hebei has two 新华区 (130105 石家庄市, 130902
 * 沧州市) and two 桥西区 (130104 石家庄市, 130703 张家口市). Synthetic filings of those prefectures, through the
 * real ingest and build step, must keep each county's filings apart in every answer: the overview's rows,
 * a county filter, the partitions a county loads, a project's county median and the build-time overview.
 * The expected counts come from the ingest's manifest (rows per county × year partition), not from the
 * site's SQL.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../../scripts/synth';
import { openNodeDatabase } from './node';
import { partitionsOf } from './layout';
import { counties, countyNames, peerMedian, worstProjects } from './queries';
import { columns, count, everyRow } from './data-tables';
import { NO_COUNTY, NO_FILTERS, type Filters } from './scope';
import { decodeJson, type Overview, type Summary } from './summary';
import type { Run } from './values';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const tsx = (...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });

const XINHUA = ['130105', '130902']; // 新华区: 石家庄市, 沧州市
const QIAOXI = ['130104', '130703']; // 桥西区: 石家庄市, 张家口市

interface Manifest {
  partitions: { partition: string; county_code: string | null; rows: Record<string, number> }[];
}

let dir: string;
let raw: string;
let manifest: Manifest;
let summary: Summary;
let whole: Run;

beforeAll(async () => {
  raw = mkdtempSync(join(tmpdir(), 'perflens-same-name-raw-'));
  dir = mkdtempSync(join(tmpdir(), 'perflens-same-name-'));
  // The first counties of 石家庄 (长安区, 桥西区, 新华区, 井陉矿区), 张家口 (桥东区, 桥西区) and 沧州 (新华区).
  for (const [province, n] of [['1301', 4], ['1307', 2], ['1309', 1]] as const) {
    synthesize({ out: raw, counties: n, departments: 3, years: 1, province, seed: 7 });
  }
  tsx('scripts/ingest.ts', '--out', dir, raw);
  tsx('scripts/site-summary.ts', dir, '--partitioned');
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  summary = decodeJson<Summary>(readFileSync(join(dir, 'summary.json'), 'utf8'));
  whole = await openNodeDatabase(dir);
}, 120_000);
afterAll(() => {
  for (const d of [dir, raw]) rmSync(d, { recursive: true, force: true });
});

/** The ingest's own count of a table's rows for a county code. */
const rowsOf = (code: string, table: string) =>
  manifest.partitions.filter((p) => p.county_code === code).reduce((n, p) => n + p.rows[table], 0);

/** Every county code of the data, and null for the filings without one: one overview row each. */
const codes = () => new Set(manifest.partitions.map((p) => p.county_code));

const county = (code: string, patch: Partial<Filters> = {}): Filters => ({ ...NO_FILTERS, county: code, ...patch });

describe('two counties with the same name', () => {
  it('are in the data: each code has filings of its own', () => {
    for (const code of [...XINHUA, ...QIAOXI]) expect(rowsOf(code, 'projects'), code).toBeGreaterThan(0);
    expect(rowsOf(XINHUA[0], 'projects')).not.toBe(rowsOf(XINHUA[1], 'projects')); // so a merge cannot go unnoticed
  });

  it('are named with their prefecture, and offered as two filter choices', async () => {
    const names = await countyNames(whole);
    expect(names[XINHUA[0]]).toEqual({ county: '新华区', city: '石家庄市' });
    expect(names[XINHUA[1]]).toEqual({ county: '新华区', city: '沧州市' });
    expect(names[QIAOXI[1]]).toEqual({ county: '桥西区', city: '张家口市' });
    for (const code of [...XINHUA, ...QIAOXI]) expect(summary.choices.county).toContain(code);
    expect(summary.countyNames).toEqual(names);
  });

  it('stay two rows of the overview, each with its own totals', async () => {
    const rows = await counties(whole, NO_FILTERS);
    expect(rows).toHaveLength(codes().size);
    for (const code of [...XINHUA, ...QIAOXI]) {
      const mine = rows.filter((r) => r.county_code === code);
      expect(mine, code).toHaveLength(1);
      expect(mine[0].projects, code).toBe(rowsOf(code, 'projects'));
      expect(mine[0].indicators, code).toBe(rowsOf(code, 'indicators'));
    }
    expect(new Set(rows.map((r) => r.county_code)).size).toBe(rows.length);
  });

  it('a county filter selects that county alone, in the overview, the data tables and the CSV rows', async () => {
    for (const code of XINHUA) {
      const rows = await counties(whole, county(code));
      expect(rows.map((r) => r.county_code)).toEqual([code]);
      expect(rows[0].projects).toBe(rowsOf(code, 'projects'));
      for (const table of ['projects', 'indicators', 'schedule'] as const) {
        expect(await count(whole, table, county(code)), `${code} ${table}`).toBe(rowsOf(code, table));
      }
      const cols = await columns(whole, 'projects');
      const csv = await everyRow(whole, 'projects', cols, county(code), { column: null, desc: false });
      expect(new Set(csv.map((r) => r.county_code))).toEqual(new Set([code]));
      for (const r of await worstProjects(whole, county(code), 50)) expect(r.county_code).toBe(code);
    }
  });

  it('the filings without a code stay under "no county"', async () => {
    const unnamed = manifest.partitions.filter((p) => p.county_code == null).reduce((n, p) => n + p.rows.projects, 0);
    const rows = await counties(whole, county(NO_COUNTY));
    expect(rows.map((r) => r.county_code)).toEqual(unnamed ? [null] : []);
    if (unnamed) expect(rows[0].projects).toBe(unnamed);
  });

  it("loads a county's own partitions only, and compares a project with its own county's median", async () => {
    const [shijiazhuang, cangzhou] = XINHUA;
    const part = await openNodeDatabase(dir, [`${shijiazhuang}/2022`]);
    const id = (await worstProjects(part, NO_FILTERS, 1))[0].project_id;
    expect(await peerMedian(whole, id)).toEqual(await peerMedian(part, id));
    expect(partitionsOf(summary.layout, shijiazhuang, null).map((p) => p.path)).toEqual([`${shijiazhuang}/2022`]);
    expect(partitionsOf(summary.layout, cangzhou, null).map((p) => p.path)).toEqual([`${cangzhou}/2022`]);
  });

  it('stay apart in the build-time overview (summary.json and overview/<year>-<kind>.json)', () => {
    const built = decodeJson<Overview>(readFileSync(join(dir, 'overview', '2022-all.json'), 'utf8'));
    for (const o of [summary.overview, built]) {
      expect(o.counties).toHaveLength(codes().size);
      for (const code of XINHUA) {
        const mine = o.counties.filter((r) => r.county_code === code);
        expect(mine, code).toHaveLength(1);
        expect(mine[0].projects, code).toBe(rowsOf(code, 'projects'));
        expect(o.scoreSpread.filter((r) => r.county_code === code), code).toHaveLength(1);
        expect(o.sizeSpread.filter((r) => r.county_code === code), code).toHaveLength(1);
      }
    }
  });
});
