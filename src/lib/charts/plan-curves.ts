/** Spending curves: every project's cumulative plan, each county's median, and the even pace. */
import { groups } from 'd3-array';
import type { MedianPoint, PlanPoint } from '../db/queries';
import { escapeHtml, pct } from '../ui/format';
import { EVEN_PACE, MONTHS } from '../ui/plan';
import { hovered, type ChartTable, type Option, type TableWords } from './echarts';
import type { KeyItem } from './keyboard';

export interface CurveLabels {
  /** A county code's label and colour. */
  county: (c: string | null) => string;
  color: (c: string | null) => string;
  month: (m: number) => string;
  median: string;
  evenPace: string;
  blank: string;
}

export interface ProjectCurve {
  id: string;
  name: string;
  county_code: string | null;
  points: PlanPoint[];
}

export const projectCurves = (rows: PlanPoint[]): ProjectCurve[] =>
  groups(rows, (r) => r.project_id).map(([id, points]) => ({ id, name: points[0].name, county_code: points[0].county_code, points }));

const monthCells = (points: { month: number; pct: number | null }[], blank: string) =>
  MONTHS.map((m) => {
    const p = points.find((x) => x.month === m);
    return p == null ? '—' : p.pct == null ? blank : pct(p.pct);
  });

/** The chart's numbers: each county's median, then each project's plan, month by month; the even pace. */
export function curvesTable(curves: ProjectCurve[], medians: MedianPoint[], counties: (string | null)[], l: CurveLabels, w: TableWords): ChartTable {
  const byCounty = groups(medians, (m) => m.county_code);
  const months = MONTHS.map((m) => l.month(m));
  return {
    head: ['', w.county, ...months],
    rows: [
      ...counties.flatMap((c) => byCounty.filter(([x]) => x === c).map(([, ps]) => [l.median, l.county(c), ...monthCells(ps, l.blank)])),
      ...curves.map((c) => [c.name, l.county(c.county_code), ...monthCells(c.points, l.blank)]),
      [l.evenPace, '', ...EVEN_PACE.map((x) => pct(x))],
    ],
    num: months.map((_, i) => i + 2),
  };
}

/** The project curves' points for the keyboard: a curve a row, a month a column (their series come first). */
export function curveKeys(curves: ProjectCurve[], l: CurveLabels): (KeyItem & { id: string })[] {
  return curves.flatMap((c, k) =>
    c.points.flatMap((p, i) =>
      p.pct == null
        ? []
        : [{ row: k, col: MONTHS.indexOf(p.month as (typeof MONTHS)[number]), seriesIndex: k, dataIndex: i, id: c.id, label: `${c.name} · ${l.county(c.county_code)} · ${l.month(p.month)} ${pct(p.pct)}` }],
    ),
  );
}

/** The project page's numbers: its plan, its county's median and the even pace, month by month. */
export function projectCurveTable(plan: { month: number; pct: number | null }[], peers: { month: number; pct: number | null }[], l: ProjectCurveLabels): ChartTable {
  const months = MONTHS.map((m) => l.month(m));
  return {
    head: ['', ...months],
    rows: [
      [l.project, ...monthCells(plan, l.blank)],
      [l.peers, ...monthCells(peers, l.blank)],
      [l.evenPace, ...EVEN_PACE.map((x) => pct(x))],
    ],
    num: months.map((_, i) => i + 1),
  };
}

const axes = (l: CurveLabels, max: number): Option => ({
  xAxis: {
    type: 'value',
    min: 3,
    max: 12,
    axisLabel: { customValues: [...MONTHS], formatter: (m: number) => l.month(m), hideOverlap: true },
    axisTick: { customValues: [...MONTHS] },
    splitLine: { show: false },
  },
  yAxis: {
    type: 'value',
    min: 0,
    max: Math.max(100, Math.ceil(max / 10) * 10),
    axisLabel: { formatter: '{value}%' },
    splitLine: { lineStyle: { color: '#eef0f3' } },
  },
});

export const evenPaceSeries = (l: CurveLabels) => ({
  type: 'line' as const,
  id: 'even-pace',
  name: l.evenPace,
  data: MONTHS.map((m, i) => [m, EVEN_PACE[i]]),
  symbol: 'none',
  silent: true,
  lineStyle: { color: '#1d2430', type: 'dashed' as const, width: 1.5 },
  itemStyle: { color: '#1d2430' },
  z: 5,
});

/** Beyond this many counties the chart has no legend and thin median lines (hover names the county). */
const LEGEND_MAX = 12;

export function planCurves(curves: ProjectCurve[], medians: MedianPoint[], counties: (string | null)[], l: CurveLabels): Option {
  const max = Math.max(100, ...curves.flatMap((c) => c.points.map((p) => p.pct ?? 0)), ...medians.map((m) => m.pct));
  const byId = new Map(curves.map((c) => [c.id, c]));
  const medianByCounty = groups(medians, (m) => m.county_code);
  const withMedian = new Set(medianByCounty.map(([c]) => c));
  const shown = counties.filter((c) => withMedian.has(c) || curves.some((p) => p.county_code === c));
  const many = shown.length > LEGEND_MAX;
  return {
    ...axes(l, max),
    grid: { left: 8, right: 16, top: many ? 16 : 40, bottom: 8, containLabel: true },
    legend: { show: !many, top: 0, left: 0, data: [...shown.map((c) => l.county(c)), l.evenPace] },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const { seriesId = '', seriesName = '' } = hovered(p)[0];
        const curve = byId.get(seriesId);
        if (curve) {
          const cells = curve.points.map((x) => `${escapeHtml(l.month(x.month))} ${x.pct == null ? escapeHtml(l.blank) : pct(x.pct)}`);
          return `<b>${escapeHtml(curve.name)}</b><br>${escapeHtml(l.county(curve.county_code))}<br>${cells.join(' · ')}`;
        }
        const m = medianByCounty.find(([c]) => `median:${c}` === seriesId);
        if (m) return `<b>${escapeHtml(seriesName)} · ${escapeHtml(l.median)}</b><br>${m[1].map((x) => `${escapeHtml(l.month(x.month))} ${pct(x.pct)}`).join(' · ')}`;
        return escapeHtml(seriesName);
      },
    },
    series: [
      ...curves.map((c) => ({
        type: 'line' as const,
        id: c.id,
        name: l.county(c.county_code),
        data: c.points.map((p) => [p.month, p.pct]),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 5,
        triggerLineEvent: true,
        cursor: 'pointer',
        lineStyle: { color: l.color(c.county_code), width: 1.2, opacity: 0.45 },
        itemStyle: { color: l.color(c.county_code), opacity: 0.6 },
        emphasis: { focus: 'series' as const, lineStyle: { width: 3, opacity: 1 } },
      })),
      ...medianByCounty
        .filter(([c]) => shown.includes(c))
        .map(([c, points]) => ({
          type: 'line' as const,
          id: `median:${c}`,
          name: l.county(c),
          data: points.map((p) => [p.month, p.pct]),
          symbol: many ? 'none' : 'diamond',
          symbolSize: 9,
          triggerLineEvent: many,
          lineStyle: { color: l.color(c), width: many ? 1.2 : 3.5, opacity: many ? 0.55 : 1 },
          itemStyle: { color: l.color(c) },
          emphasis: { focus: 'series' as const, lineStyle: { width: 3.5, opacity: 1 } },
          z: 4,
        })),
      evenPaceSeries(l),
    ],
  };
}

export interface ProjectCurveLabels extends CurveLabels {
  project: string;
  peers: string;
}

/** The project page: one plan against its county's median and the even pace. */
export function projectCurve(plan: { month: number; pct: number | null }[], peers: { month: number; pct: number | null }[], l: ProjectCurveLabels): Option {
  const max = Math.max(100, ...plan.map((p) => p.pct ?? 0), ...peers.map((p) => p.pct ?? 0));
  return {
    ...axes(l, max),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (ps) => {
        const list = hovered(ps);
        const m = (list[0]?.value as number[] | undefined)?.[0] ?? 0;
        return `<b>${escapeHtml(l.month(m))}</b><br>${list.map((p) => `<span style="color:${escapeHtml(p.color)}">●</span> ${escapeHtml(p.seriesName)}：${pct((p.value as (number | null)[])[1])}`).join('<br>')}`;
      },
    },
    series: [
      {
        type: 'line', name: l.project, data: plan.map((p) => [p.month, p.pct]), symbolSize: 8,
        lineStyle: { width: 3, color: '#2f6fb0' }, itemStyle: { color: '#2f6fb0' }, z: 6,
      },
      {
        type: 'line', name: l.peers, data: peers.map((p) => [p.month, p.pct]), symbol: 'diamond', symbolSize: 7,
        lineStyle: { width: 2, color: '#d9822b' }, itemStyle: { color: '#d9822b' },
      },
      evenPaceSeries(l),
    ],
  };
}
