/**
 * The 对比 view's SQL on a synthetic province of three years (scripts/synth.ts, by the real ingest), in
 * duckdb-wasm run in Node; and its pure parts: sides, marks, year-over-year changes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../../scripts/synth';
import { counties as synthCounties } from '../../../scripts/synth/model';
import { changes, compareSides, kindRanking, marked, parseSide, sideFromOverview, sideOverviewKey, sideText, type SideData } from './compare';
import { decodeJson, encodeJson, overview, type Overview } from './summary';
import { openNodeDatabase } from './node';
import { counties } from './queries';
import { NO_FILTERS } from './scope';
import type { Run } from './values';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let run: Run;
const [A, B, C] = synthCounties('13', 3).map((c) => c.code);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perflens-compare-'));
  synthesize({ out: join(dir, 'raw'), counties: 3, departments: 3, years: 3, province: '13', seed: 14 });
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/ingest.ts', '--out', join(dir, 'data'), join(dir, 'raw')], { cwd: ROOT, stdio: 'ignore' });
  return openNodeDatabase(join(dir, 'data')).then((r) => void (run = r));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sides', () => {
  it('reads a county or a county-year, and nothing else', () => {
    expect(parseSide('130225')).toEqual({ county: '130225', year: null });
    expect(parseSide('130225:2023')).toEqual({ county: '130225', year: 2023 });
    expect(['', '1302', '130225:23', 'x130225', '130225;2023'].map(parseSide)).toEqual([null, null, null, null, null]);
    expect(sideText({ county: '130225', year: 2023 })).toBe('130225:2023');
  });
});

describe('marks', () => {
  it('marks a share at least twice the others’ median and 5 points above it, and a score 20 points away', () => {
    expect(marked([10, 4, 5], 'share')).toEqual([true, false, false]);
    expect(marked([3, 1, 2], 'share')).toEqual([false, false, false]); // twice, but a point or two: noise
    expect(marked([8, 0, 0], 'share')).toEqual([true, false, false]);
    expect(marked([null, 30, 10], 'share')).toEqual([false, true, false]);
    expect(marked([50, 72, 75, 70], 'score')).toEqual([true, false, false, false]);
    expect(marked([60, 79], 'score')).toEqual([false, false]);
    expect(marked([60], 'score')).toEqual([false]);
  });
});

describe('the comparison on a synthetic province', () => {
  it('gives each side the 县区对比 view’s own totals, a county-year its year’s', async () => {
    const sides = [{ county: A, year: null }, { county: B, year: 2023 }];
    const [a, b] = await compareSides(run, NO_FILTERS, sides);
    const [whole] = await counties(run, { ...NO_FILTERS, county: A });
    const [year] = await counties(run, { ...NO_FILTERS, county: B, year: 2023 });
    expect(a.totals).toEqual(whole);
    expect(b.totals).toEqual(year);
    expect(b.totals!.years).toBe('2023');
    expect(a.totals!.years).toBe('2022, 2023, 2024');
    expect(a.bands.reduce((n, x) => n + x.n, 0)).toBeLessThanOrEqual(a.totals!.indicators);
    expect(a.medians.map((m) => m.month)).toEqual([3, 6, 10, 12]);
  });

  it('answers a side from the build-time overview with the very rows its SQL gives (a province compares without its detail)', async () => {
    const sides = [{ county: A, year: null }, { county: B, year: 2023 }];
    const sql = await compareSides(run, NO_FILTERS, sides);
    for (const [k, s] of sides.entries()) {
      const key = sideOverviewKey(NO_FILTERS, s)!;
      expect(key).toBe(s.year == null ? 'all-all' : `${s.year}-all`);
      const o = await overview(run, { ...NO_FILTERS, year: s.year });
      // (but a rule's `severity`, its gravest in the whole selection — not shown here — which a province's may outrank)
      const bare = (d: SideData) => ({ ...d, shares: d.shares.map(({ severity: _, ...x }) => x) });
      expect(bare(sideFromOverview(decodeJson<Overview>(encodeJson(o)), s))).toEqual(bare(sql[k]));
    }
    // a detail filter (the kind of body) is not in any overview: such a side is asked of its partitions
    expect(sideOverviewKey({ ...NO_FILTERS, department_kind: '人大常委会' }, sides[0])).toBeNull();
  });

  it('says what changed from one year of a county to the next, and counts the rows repeated from the year before', async () => {
    const data = await compareSides(run, NO_FILTERS, [{ county: A, year: 2024 }, { county: A, year: 2022 }, { county: A, year: 2023 }, { county: B, year: 2024 }]);
    const ch = changes(data);
    expect(ch.map((c) => `${c.county} ${c.from}→${c.to}`)).toEqual([`${A} 2022→2023`, `${A} 2023→2024`]);
    const [y22, y23] = [data[1], data[2]];
    expect(ch[0].budget_fen).toBe(BigInt(y23.totals!.budget_fen!) - BigInt(y22.totals!.budget_fen!));
    expect(ch[0].score).toBeCloseTo(y23.totals!.filing_score! - y22.totals!.filing_score!, 9);
    const [repeated] = await run(`SELECT count(DISTINCT indicator_id)::INTEGER AS n FROM findings WHERE rule_id = 'repeated-yearly' AND county_code = ? AND year = 2023`, [A]);
    expect(ch[0].repeated).toBe(repeated.n);
    expect(ch[0].repeated).toBeGreaterThan(0);
    // 2022 has no year before it: nothing of it is repeated
    expect(data[1].shares.some((s) => s.rule_id === 'repeated-yearly')).toBe(false);
  });

  it('ranks one kind of body across counties by score, names as filed', async () => {
    const ranked = await kindRanking(run, { ...NO_FILTERS, department_kind: '人大常委会' });
    // every county's 人大 (and one whose county name the synthetic text leaves ambiguous, listed without a code)
    expect([A, B, C].filter((c) => !ranked.some((r) => r.county_code === c))).toEqual([]);
    expect(ranked.every((r) => r.department.includes('人大常委会'))).toBe(true);
    const scores = ranked.map((r) => r.score ?? -1);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(await kindRanking(run, { ...NO_FILTERS, department_kind: '没有这类' })).toEqual([]);
  });
});

/** changes() on hand-made sides: a county without a year, and one year twice, are not compared. */
describe('changes', () => {
  const side = (county: string, year: number | null, budget: bigint, score: number, rules: string[]): SideData => ({
    side: { county, year }, bands: [], medians: [],
    totals: { county_code: county, years: String(year), filings: 1, projects: 1, indicators: 1, budget_fen: budget, project_fen: budget, personnel_fen: 0n, operating_fen: 0n, activity_fen: 0n, mean_score: score, filing_score: score, scored: 1, partial: 0 },
    shares: rules.map((rule_id) => ({ county_code: county, rule_id, level: 'indicator', severity: 'minor', hits: rule_id === 'repeated-yearly' ? 3 : 1, subjects: 10 })),
  });
  it('lists rules found anew and no longer', () => {
    const [c] = changes([side('1', 2022, 100n, 70, ['a', 'b']), side('1', 2023, 250n, 50, ['b', 'c', 'repeated-yearly']), side('1', null, 1n, 1, [])]);
    expect(c).toEqual({ county: '1', from: 2022, to: 2023, budget_fen: 150n, score: -20, appeared: ['c', 'repeated-yearly'], gone: ['a'], repeated: 3 });
  });
});
