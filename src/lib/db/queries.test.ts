/**
 * The site's SQL on the seeds, in duckdb-wasm (the browser's engine, run in Node), against the hand-read
 * golden totals.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from './node';
import { counties, planCounts, plans, project, projectFindings, ruleShares, sizes, sizeSpread, worstProjects } from './queries';
import { columns, count, everyRow, page } from './data-tables';
import { NO_COUNTY, NO_FILTERS, type Filters } from './scope';
import { decodeJson, encodeJson, overview, type Overview } from './summary';
import type { Param, Run } from './values';
import { byCounty, codeOf, indicatorsOf } from '../../../tests/e2e/expected';
import { parseAmount } from '../parse/money';
import { assessFiling } from '../quality';
import { CLEAN, filing, plan, project as planned } from '../quality/fixture';
import { toRows } from '../tables/rows';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let run: Run;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perflens-db-'));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/ingest.ts', '--out', dir, 'data/raw'], { cwd: ROOT, stdio: 'ignore' });
  return openNodeDatabase(dir).then((r) => void (run = r));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const only = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });
const [LETING, YUTIAN] = [codeOf('乐亭县'), codeOf('玉田县')];

describe('overview', () => {
  it('gives every county and the filing without one its golden totals, money exact', async () => {
    const rows = await counties(run, NO_FILTERS);
    expect(rows.map((r) => r.county_code).sort()).toEqual(byCounty.map((g) => g.code).sort());
    for (const g of byCounty) {
      const r = rows.find((x) => x.county_code === g.code)!;
      expect(r.projects).toBe(g.projects);
      expect(r.indicators).toBe(g.indicators);
      expect(typeof r.budget_fen).toBe('bigint');
    }
    expect(rows.find((r) => r.county_code === YUTIAN)!.budget_fen).toBe(701590446n); // 7,015,904.46 元
    expect(rows.at(-1)!.county_code).toBeNull(); // the unnamed filing last
  });

  it('narrows to the filing without a county', async () => {
    const rows = await counties(run, only({ county: NO_COUNTY }));
    expect(rows).toHaveLength(1);
    expect(rows[0].county_code).toBeNull();
    expect(rows[0].activity_fen).toBe(14000000n);
  });

  it('sizes list every project with a budget, in fen, and their spread per county; none past the limit', async () => {
    const rows = (await sizes(run, NO_FILTERS))!;
    expect(rows.every((r) => typeof r.budget_fen === 'bigint' && r.budget_fen > 0n)).toBe(true);
    const spread = await sizeSpread(run, NO_FILTERS);
    expect(spread.reduce((n, s) => n + s.n, 0)).toBe(rows.length);
    const yutian = spread.find((s) => s.county_code === YUTIAN)!;
    expect(yutian.max).toBeCloseTo(501.384446, 6); // 万元
    expect(await sizes(run, NO_FILTERS, 3)).toBeNull();
  });
});

describe('filters are bound parameters', () => {
  it('a hostile value selects nothing and breaks nothing', async () => {
    const evil = "x' OR 1=1; DROP TABLE filings; --";
    for (const f of [only({ county: evil }), only({ q: evil }), only({ department: evil }), only({ rule: evil })]) {
      expect(await counties(run, f)).toEqual([]);
    }
    expect(await counties(run, NO_FILTERS)).toHaveLength(byCounty.length);
  });

  it('level1 narrows indicators to the golden count; text search is literal (no LIKE wildcards)', async () => {
    const f = only({ county: LETING, level1: '产出指标' });
    expect(await count(run, 'indicators', f)).toBe(indicatorsOf('乐亭县', '产出指标'));
    expect(await count(run, 'projects', only({ q: '人大_会' }))).toBe(0); // LIKE would match 人大会议
    expect(await count(run, 'projects', only({ q: '人大会' }))).toBeGreaterThan(0);
  });
});

describe('data tables', () => {
  it('pages and the full download hold the same rows, money as exact decimal text', async () => {
    const f = only({ county: YUTIAN });
    const cols = await columns(run, 'projects');
    expect(cols.find((c) => c.name === 'budget_yuan')?.kind).toBe('money');
    const all = await everyRow(run, 'projects', cols, f, { column: 'budget_yuan', desc: true });
    expect(all).toHaveLength(await count(run, 'projects', f));
    const pages = [...(await page(run, 'projects', cols, f, { column: 'budget_yuan', desc: true }, 4, 0)),
      ...(await page(run, 'projects', cols, f, { column: 'budget_yuan', desc: true }, 4, 1)),
      ...(await page(run, 'projects', cols, f, { column: 'budget_yuan', desc: true }, 4, 2))];
    expect(pages).toEqual(all);
    expect(all[0].budget_yuan).toBe('5013844.46'); // sorted as a number, not as text
  });

  it('refuses to sort by a column that is not there', async () => {
    const cols = await columns(run, 'findings');
    const rows = await page(run, 'findings', cols, NO_FILTERS, { column: 'x; DROP TABLE findings', desc: false }, 5, 0);
    expect(rows).toHaveLength(5);
  });
});

describe('quality and drill-down', () => {
  it('finds 玉田’s training project and its cost-over-budget finding', async () => {
    const worst = await worstProjects(run, only({ county: YUTIAN }), 50);
    const p = worst.find((x) => x.name === '市县人大代表人大干部履职培训经费')!;
    expect(p.critical).toBeGreaterThan(0);
    const detail = await project(run, p.project_id);
    expect(detail?.budget_fen).toBe(30000000n);
    const findings = await projectFindings(run, p.project_id);
    expect(findings.map((x) => x.rule_id)).toContain('cost-over-budget');
  });

  it('rule shares stay between 0 and 1, one cell per rule and county', async () => {
    const shares = await ruleShares(run, NO_FILTERS);
    expect(shares.length).toBeGreaterThan(0);
    for (const s of shares) expect(s.hits).toBeLessThanOrEqual(s.subjects);
    const keys = shares.map((s) => `${s.rule_id}|${s.county_code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('spending plans come back as four months per project, at most the limit of projects', async () => {
    const rows = await plans(run, NO_FILTERS, 1000);
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set([3, 6, 10, 12]));
    expect(new Set((await plans(run, NO_FILTERS, 3)).map((r) => r.project_id)).size).toBe(3);
    const counts = await planCounts(run, NO_FILTERS);
    expect(counts.reduce((n, c) => n + c.projects, 0)).toBe(byCounty.reduce((n, g) => n + g.projects, 0));
  });
});

describe('build-time overview', () => {
  it('round-trips through JSON with exact money', async () => {
    const o = await overview(run, NO_FILTERS);
    const back = decodeJson<Overview>(encodeJson(o));
    expect(back).toEqual(o);
    expect(typeof back.counties[0].budget_fen).toBe('bigint');
  });

  it('refuses a DECIMAL that was not converted on purpose', async () => {
    await expect(run('SELECT budget_yuan FROM projects LIMIT 1')).rejects.toThrow(/DECIMAL/);
  });
});

describe('spending plan flags (one definition, in the quality layer; stored, then counted in SQL)', () => {
  it('flags a plan that falls back, stops short, exceeds 100 % or has blank cells, as its findings say', async () => {
    const db = await openNodeDatabase(dir, []);
    const cases: [string, (number | null)[]][] = [
      ['even', [25, 50, 75, 100]],
      ['back', [25, 60, 50, 100]],
      ['short', [25, 50, 75, 90]],
      ['over', [25, 50, 110, 100]],
      ['blank', [null, 100, 100, 100]],
      ['back-over-blank', [30, null, 20, 120]],
    ];
    // Each plan a project of one filing, scored and flattened as the ingest does, its rows inserted.
    const f = filing(cases.map(([name, pcts], k) => planned({ name, budget: parseAmount(String(1000 - k), '元'), fiscal: null, indicators: CLEAN.indicators, schedule: plan(...pcts.map((x) => (x == null ? '' : `${x}%`))) })));
    const t = toRows(f, assessFiling(f));
    await db(`INSERT INTO filings (filing_id, county, year, department) VALUES (?, '甲县', 2024, '甲县财政局')`, [f.id]);
    for (const r of t.projects) {
      await db(`INSERT INTO projects (project_id, filing_id, ordinal, name, kind, budget_yuan, plan_over, plan_falls_back, plan_short, plan_blank) VALUES (?, ?, ?, ?, 'project', ?, ?, ?, ?, ?)`,
        [r.project_id, r.filing_id, r.ordinal, r.name, Number(r.budget_yuan) / 100, r.plan_over, r.plan_falls_back, r.plan_short, r.plan_blank] as Param[]);
    }
    for (const r of t.schedule) await db(`INSERT INTO schedule (project_id, month, cumulative_pct) VALUES (?, ?, ?::DOUBLE)`, [r.project_id, r.month, r.cumulative_pct] as Param[]);
    const charted = await plans(db, NO_FILTERS, 10);
    const nameOf = new Map(charted.map((r) => [r.project_id, r.name]));
    const flags = Object.fromEntries(charted.filter((r) => r.month === 3).map((r) => [r.name, (['falls_back', 'short', 'over', 'blank'] as const).filter((k) => r[k])]));
    expect(flags).toEqual({
      even: [], back: ['falls_back'], short: ['short'], over: ['falls_back', 'over'], blank: ['blank'], 'back-over-blank': ['falls_back', 'over', 'blank'],
    });
    // The chart's flags are the findings': a major schedule-shape finding for a plan beyond 0–100, falling
    // back or short; a minor one for blanks; none for a plan without a flag.
    const findings = t.findings.filter((x) => x.rule_id === 'schedule-shape');
    for (const r of charted.filter((x) => x.month === 3)) {
      const of = findings.filter((x) => x.project_id === r.project_id);
      expect(of.some((x) => x.severity === 'major'), nameOf.get(r.project_id)).toBe(r.falls_back || r.short || r.over);
      expect(of.some((x) => x.severity === 'minor'), nameOf.get(r.project_id)).toBe(r.blank);
    }
    const [c] = await planCounts(db, NO_FILTERS);
    expect(c).toMatchObject({ projects: 6, planned: 6, flagged: 5, falls_back: 3, short: 1, over: 2, blank: 2 });
    // flagged plans first, then the largest budgets
    expect([...new Set(charted.map((r) => r.name))].at(-1)).toBe('even');
  });
});
