/** The charts' data tables and keyboard items: the same numbers, in the same places, as the charts draw. */
import { describe, expect, it } from 'vitest';
import type { CountyRow, RuleShare } from '../db/queries';
import { budgetBars, budgetTable } from './budget-bars';
import { heatKeys, heatTable, ruleHeatmap, type QualityLabels } from './quality';
import { curveKeys, curvesTable, type CurveLabels, type ProjectCurve } from './plan-curves';
import type { TableWords } from './echarts';

const words: TableWords = { county: 'County', n: 'n', min: 'Min', max: 'Max', median: 'median', mean: 'Mean', month: 'Month' };
const county = (c: string | null) => (c == null ? 'None' : `C${c}`);

describe('budgetTable', () => {
  it('lists each county’s budget by the kinds the bars show, in 万元 from exact fen', () => {
    const row = (code: string, project: bigint, personnel: bigint): CountyRow => ({
      county_code: code, years: '2024', filings: 1, projects: 2, indicators: 3, budget_fen: project + personnel,
      project_fen: project, personnel_fen: personnel, operating_fen: 0n, activity_fen: 0n,
    } as CountyRow);
    const rows = [row('1', 123456789n, 1n), row('2', 0n, 50_000_000n)];
    const l = { county, kind: (k: string) => k, total: 'Total' };
    const t = budgetTable(rows, l, words);
    expect(t.head).toEqual(['County', 'project', 'personnel', 'Total']);
    expect(t.rows).toEqual([
      ['C1', '123.46', '0.00', '123.46'],
      ['C2', '0.00', '50.00', '50.00'],
    ]);
    // the same kinds, in the same order, as the chart's series
    expect((budgetBars(rows, l).series as { name: string }[]).map((s) => s.name)).toEqual(t.head.slice(1, -1));
  });
});

describe('heatTable and heatKeys', () => {
  const shares: RuleShare[] = [
    { county_code: '1', rule_id: 'b', hits: 1, subjects: 4 },
    { county_code: '2', rule_id: 'a', hits: 3, subjects: 3 },
    { county_code: '1', rule_id: 'a', hits: 2, subjects: 4 },
  ] as RuleShare[];
  const l: QualityLabels = { county, color: () => '#000', rule: (r) => `rule ${r}`, band: (b) => b, mean: 'Mean', hits: 'hits' };

  it('puts a rule on each row, most failing first, and each county’s hits / subjects in its column', () => {
    expect(heatTable(shares, ['1', '2'], l)).toEqual({
      head: ['', 'C1', 'C2'],
      rows: [
        ['rule a', '2 / 4（50%）', '3 / 3（100%）'],
        ['rule b', '1 / 4（25%）', '—'],
      ],
      num: [1, 2],
    });
  });

  it('walks the very cells the heatmap draws: each key item at its cell’s column and row', () => {
    const cells = (ruleHeatmap(shares, ['1', '2'], l).series as { data: { value: number[] }[] }[])[0].data;
    const keys = heatKeys(shares, ['1', '2'], l);
    expect(keys.map((k) => [k.col, k.row])).toEqual(keys.map((k) => cells[k.dataIndex].value.slice(0, 2)));
    expect(keys[1].label).toBe('rule a · C2：hits 3 / 3（100%）');
  });
});

describe('curvesTable and curveKeys', () => {
  const l: CurveLabels = { county, color: () => '#000', month: (m) => `M${m}`, median: 'median', evenPace: 'even', blank: 'blank' };
  const point = (month: number, pct: number | null) => ({ project_id: 'p', name: 'Roads', county_code: '1', year: 2024, month, pct, raw: null, falls_back: false, short: false, over: false, blank: pct == null });
  const curves: ProjectCurve[] = [{ id: 'p', name: 'Roads', county_code: '1', points: [point(3, 10), point(6, null), point(10, 70), point(12, 100)] as never }];

  it('lists the medians, each plan and the even pace month by month, a blank cell said so', () => {
    const t = curvesTable(curves, [{ county_code: '1', month: 3, pct: 20, projects: 1 }], ['1'], l, words);
    expect(t.head).toEqual(['', 'County', 'M3', 'M6', 'M10', 'M12']);
    expect(t.rows).toEqual([
      ['median', 'C1', '20%', '—', '—', '—'],
      ['Roads', 'C1', '10%', 'blank', '70%', '100%'],
      ['even', '', '25%', '50%', '83.3%', '100%'],
    ]);
  });

  it('walks a curve’s filled months only, in its series', () => {
    expect(curveKeys(curves, l).map((k) => [k.row, k.col, k.seriesIndex, k.dataIndex, k.label])).toEqual([
      [0, 0, 0, 0, 'Roads · C1 · M3 10%'],
      [0, 2, 0, 2, 'Roads · C1 · M10 70%'],
      [0, 3, 0, 3, 'Roads · C1 · M12 100%'],
    ]);
  });
});
