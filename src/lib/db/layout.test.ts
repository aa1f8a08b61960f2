/**
 * Correctness of the province layout, small (20 synthetic counties × 10 departments beside the seeds),
 * in the browser's engine (duckdb-wasm in Node): a county's partitions alone give the same totals, scores
 * and CSV rows as every table loaded whole; the build-time overview (native DuckDB over Parquet) equals
 * the live queries; the filing index finds every project's partition.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../../scripts/synth';
import { openNodeDatabase } from './node';
import { partitionsOf, shardOf, filingOf } from './layout';
import { peerMedian, project, projectFindings, projectIndicators, readingFilings, readingFindings } from './queries';
import { columns, DATA_TABLES, everyRow } from './data-tables';
import { NO_COUNTY, NO_FILTERS, type Filters } from './scope';
import { ALL, decodeJson, overview, overviewFilters, overviewKey, type Overview, type Summary } from './summary';
import { toCsv } from '../export/csv';
import type { Run } from './values';
import { codeOf } from '../../../tests/e2e/expected';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const tsx = (...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });

let dir: string;
let raw: string;
let summary: Summary;
let whole: Run;

beforeAll(async () => {
  raw = mkdtempSync(join(tmpdir(), 'perflens-layout-raw-'));
  dir = mkdtempSync(join(tmpdir(), 'perflens-layout-'));
  synthesize({ out: raw, counties: 20, departments: 10, years: 1, province: '13', seed: 11 });
  try {
    tsx('scripts/ingest.ts', '--out', dir, 'data/raw', raw);
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e; // 1: a file was rejected, the rest written
  }
  tsx('scripts/site-summary.ts', dir, '--partitioned');
  summary = decodeJson<Summary>(readFileSync(join(dir, 'summary.json'), 'utf8'));
  whole = await openNodeDatabase(dir);
}, 180_000);
afterAll(() => {
  for (const d of [dir, raw]) rmSync(d, { recursive: true, force: true });
});

/** Deep equality, floats to 1e-9 relative (sums and means may add up in another order in another engine). */
function same(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)), `${path}: ${a} vs ${b}`).toBe(true);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    expect(b.length, `${path}.length`).toBe(a.length);
    a.forEach((x, i) => same(x, b[i], `${path}[${i}]`));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(b).sort(), path).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
  } else {
    expect(b, path).toEqual(a);
  }
}

const county = (c: string, patch: Partial<Filters> = {}): Filters => ({ ...NO_FILTERS, county: c, ...patch });

describe('the province layout', () => {
  it('is partitioned by county and year, every partition listed once', () => {
    expect(summary.layout.partitioned).toBe(true);
    const named = summary.choices.county.filter((c) => c != null);
    expect(named.length).toBeGreaterThanOrEqual(20);
    const paths = summary.layout.partitions.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("gives a county's totals, scores, curves, quality and reading report from its partitions alone", async () => {
    const picks = [...summary.choices.county.filter((c): c is string => c != null).slice(0, 3), codeOf('玉田县'), NO_COUNTY];
    for (const c of picks) {
      const part = await openNodeDatabase(dir, partitionsOf(summary.layout, c, null).map((p) => p.path));
      for (const f of [county(c), county(c, { kind: 'project' }), county(c, { level1: '产出指标' }), county(c, { rule: summary.choices.rule.find((r) => !r.startsWith('parse/')) })]) {
        same(await overview(whole, f), await overview(part, f), `${c} ${JSON.stringify(f)}`);
      }
      same(await readingFilings(whole, county(c), 20, 0), await readingFilings(part, county(c), 20, 0), `${c} reading`);
      same(await readingFindings(whole, county(c), 20, 0), await readingFindings(part, county(c), 20, 0), `${c} reading findings`);
    }
  });

  it("downloads the same CSV rows from a county's partitions as from every table", async () => {
    const c = summary.choices.county.find((x): x is string => x != null)!;
    const part = await openNodeDatabase(dir, partitionsOf(summary.layout, c, null).map((p) => p.path));
    for (const table of DATA_TABLES) {
      const cols = await columns(whole, table);
      for (const sort of [{ column: null, desc: false }, { column: 'county', desc: true }]) {
        const [a, b] = [await everyRow(whole, table, cols, county(c), sort), await everyRow(part, table, cols, county(c), sort)];
        expect(a.length, table).toBeGreaterThan(0);
        expect(toCsv(cols, b), `${table} ${c}`).toBe(toCsv(cols, a));
      }
    }
  });

  it('answers the province-wide filters from the build-time overview exactly as the live queries do', async () => {
    for (const f of overviewFilters(summary.choices, NO_FILTERS)) {
      const key = overviewKey(f)!;
      const built = key === ALL ? summary.overview : decodeJson<Overview>(readFileSync(join(dir, 'overview', `${key}.json`), 'utf8'));
      same(await overview(whole, f), built, key);
    }
  });

  it("finds a project's partition in the filing index, and its page from that county and year alone", async () => {
    const id = summary.overview.worst[0].project_id;
    const shard = JSON.parse(readFileSync(join(dir, 'filings', `${shardOf(filingOf(id))}.json`), 'utf8')) as Record<string, string>;
    const path = shard[filingOf(id)];
    expect(path).toBeDefined();
    const part = await openNodeDatabase(dir, [path]);
    for (const q of [project, peerMedian, projectIndicators, projectFindings]) same(await q(whole, id), await q(part, id), q.name);
    expect((await project(part, id))?.project_id).toBe(id);
  });
});
