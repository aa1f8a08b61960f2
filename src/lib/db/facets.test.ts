/**
 * Facets, level labels by meaning and sorts by meaning, on the seeds in duckdb-wasm (run in Node): every
 * count is checked against the rows the filter then gives (data-tables.ts `count`), not against numbers
 * written here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from './node';
import { columns, count, everyRow, type DataTable } from './data-tables';
import { FACETS, FACET_KEYS, facets, type FacetKey } from './facets';
import { NO_COUNTY, NO_FILTERS, type Filters } from './scope';
import type { Run } from './values';
import { codeOf } from '../../../tests/e2e/expected';
import { SEVERITIES } from '../parse/model';
import { BANDS } from '../quality/settings';
import { LEVEL2_LABELS } from '../parse/vocabulary';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let run: Run;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perflens-facets-'));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/ingest.ts', '--out', dir, 'data/raw'], { cwd: ROOT, stdio: 'ignore' });
  return openNodeDatabase(dir).then((r) => void (run = r));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const only = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });
const YUTIAN = codeOf('玉田县');
/** The filter value a facet value stands for. */
const asFilter = (k: FacetKey, v: string): Partial<Filters> => ({ [k]: k === 'year' ? Number(v) : v });

describe('facets', () => {
  for (const base of [NO_FILTERS, only({ county: YUTIAN }), only({ county: YUTIAN, rule: 'basis-generic' }), only({ kind: 'project', level1: '产出指标' })]) {
    it(`count what choosing each value gives (${JSON.stringify(Object.fromEntries(Object.entries(base).filter(([, v]) => v != null)))})`, async () => {
      const got = await facets(run, base);
      for (const k of FACET_KEYS) {
        expect(got[k].length, k).toBeGreaterThan(0);
        for (const { value, n } of got[k]) {
          // the facet's own value replaces the filter's (Datasette's), the others stay
          expect(n, `${k} = ${value}`).toBe(await count(run, FACETS[k].rows as DataTable, { ...base, ...asFilter(k, value) }));
        }
      }
    });
  }

  it('list only the values present in the selection: the rule facet offers only rules found there', async () => {
    const all = (await run(`SELECT DISTINCT rule_id FROM findings`)).map((r) => r.rule_id as string).sort();
    const yutian = (await run(`SELECT DISTINCT rule_id FROM findings WHERE county_code = ?::VARCHAR`, [YUTIAN])).map((r) => r.rule_id as string).sort();
    expect(yutian.length).toBeLessThan(all.length); // the seeds have rules 玉田县 does not break
    expect((await facets(run, only({ county: YUTIAN }))).rule.map((o) => o.value).sort()).toEqual(yutian);
    expect((await facets(run, NO_FILTERS)).rule.map((o) => o.value).sort()).toEqual(all);
  });

  it('keep the chosen filter’s siblings: with 玉田县 chosen the county facet still lists every county', async () => {
    const counties = (await facets(run, only({ county: YUTIAN }))).county.map((o) => o.value);
    expect(counties).toContain(YUTIAN);
    expect(counties).toContain(NO_COUNTY);
    expect(counties.length).toBe((await facets(run, NO_FILTERS)).county.length);
  });

  it('bind a hostile value and break nothing', async () => {
    const evil = "x' OR 1=1; --";
    const got = await facets(run, only({ department: evil }));
    expect(got.county).toEqual([]);
    expect(got.department.length).toBeGreaterThan(0); // its own facet leaves it out
  });
});

describe('level labels by meaning', () => {
  it('list one 服务对象满意度指标 and one 经济效益指标, whatever the filings wrote', async () => {
    const raw = (await run(`SELECT DISTINCT level2 FROM indicators WHERE level2 IS NOT NULL`)).map((r) => r.level2 as string);
    expect(raw).toContain('服务对象满意度'); // the seeds write both forms
    expect(raw).toContain('经济效益');
    const level2 = (await facets(run, NO_FILTERS)).level2.map((o) => o.value);
    expect(level2).toContain('服务对象满意度指标');
    expect(level2).not.toContain('服务对象满意度');
    expect(level2).not.toContain('经济效益');
    expect(new Set(level2).size).toBe(level2.length);
  });

  it('a standard label selects every row written in any of its synonyms, and the raw label is kept', async () => {
    for (const standard of ['服务对象满意度指标', '经济效益指标']) {
      const synonyms = Object.entries(LEVEL2_LABELS).filter(([, v]) => v === standard).map(([k]) => k);
      const marks = synonyms.map(() => '?::VARCHAR').join(', ');
      const n = (await run(`SELECT count(*)::INTEGER AS n FROM indicators WHERE level2 IN (${marks})`, synonyms))[0].n as number;
      expect(await count(run, 'indicators', only({ level2: standard }))).toBe(n);
      const rows = await everyRow(run, 'indicators', await columns(run, 'indicators'), only({ level2: standard }), { column: null, desc: false });
      expect(new Set(rows.map((r) => r.level2)).size).toBeGreaterThan(1); // as written: two forms
      expect(rows.every((r) => r.level2_canonical === standard)).toBe(true);
    }
  });
});

describe('an older link by a label as written', () => {
  it('still selects the rows written so (?level2=服务对象满意度)', async () => {
    const n = (await run(`SELECT count(*)::INTEGER AS n FROM indicators WHERE level2 = '服务对象满意度'`))[0].n as number;
    expect(n).toBeGreaterThan(0);
    expect(await count(run, 'indicators', only({ level2: '服务对象满意度' }))).toBe(n);
  });
});

describe('sorts by meaning', () => {
  const sorted = async (table: DataTable, column: string, desc: boolean) =>
    (await everyRow(run, table, await columns(run, table), NO_FILTERS, { column, desc })).map((r) => r[column] as string | null);
  const ranks = (values: (string | null)[], scale: readonly string[]) => values.filter((v) => v != null).map((v) => scale.indexOf(v!));
  const rising = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);

  it('severity goes critical → major → minor → info, and back when reversed', async () => {
    const up = ranks(await sorted('findings', 'severity', false), SEVERITIES);
    expect(up.every((r) => r >= 0)).toBe(true);
    expect(rising(up)).toBe(true);
    expect(new Set(up).size).toBe(SEVERITIES.length); // every severity is there to order
    expect(rising(ranks(await sorted('findings', 'severity', true), SEVERITIES).reverse())).toBe(true);
  });

  it('band goes 优 → 良 → 中 → 差 for projects and indicators; unscored rows last', async () => {
    for (const table of ['projects', 'indicators'] as const) {
      const values = await sorted(table, 'band', false);
      expect(rising(ranks(values, BANDS))).toBe(true);
      const unscored = values.indexOf(null);
      if (unscored >= 0) expect(values.slice(unscored).every((v) => v == null)).toBe(true);
    }
  });
});
