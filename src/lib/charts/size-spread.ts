/** Overview: the spread of project sizes per county — a box per county, and every project as a dot when they are few enough. */
import { group } from 'd3-array';
import type { SizeRow, SizeSpread } from '../db/queries';
import { escapeHtml, fenToWan, wan } from '../ui/format';
import { fiveCells, fiveHeads, hovered, scrollRows, ROWS_SHOWN, type ChartTable, type Option, type TableWords } from './echarts';

export interface SpreadLabels {
  /** A county code's label and colour. */
  county: (c: string | null) => string;
  color: (c: string | null) => string;
  kind: (k: string) => string;
  /** The unit of the amounts (万元). */
  wan: string;
}

const number = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** The boxes' numbers: each county's projects and their sizes' five numbers, 万元. */
export function spreadTable(boxes: SizeSpread[], counties: (string | null)[], l: SpreadLabels, w: TableWords): ChartTable {
  const byCounty = new Map(boxes.map((b) => [b.county_code, b]));
  return {
    head: [w.county, w.n, ...fiveHeads(w)],
    rows: counties.filter((c) => byCounty.has(c)).map((c) => [l.county(c), String(byCounty.get(c)!.n), ...fiveCells(byCounty.get(c)!, number)]),
    num: [1, 2, 3, 4, 5, 6],
  };
}

/** `counties`: the county codes in the order the rows are drawn. */
export function sizeSpread(boxes: SizeSpread[], dots: SizeRow[] | null, counties: (string | null)[], l: SpreadLabels): Option {
  const byCounty = new Map(boxes.map((b) => [b.county_code, b]));
  const order = counties.filter((c) => byCounty.has(c));
  const dotsByCounty = group(dots ?? [], (r) => r.county_code);
  const many = (dots?.length ?? 0) > 300;
  // Dots spread across their county's band (a value axis over the category bands, golden-ratio offsets:
  // deterministic, evenly filled), so a county's thousand projects read as a cloud, not one thick line.
  // With a scrolling list (more rows than shown) they stay on the row's line.
  const spread = order.length <= ROWS_SHOWN;
  const offset = (k: number) => (spread ? (((k * 0.6180339887) % 1) - 0.5) * 0.7 : 0);
  return {
    grid: { left: 8, right: order.length > ROWS_SHOWN ? 36 : 24, top: 8, bottom: 8, containLabel: true },
    ...scrollRows(order.length),
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const h = hovered(p)[0];
        const d = h.data as { row?: SizeRow } | undefined;
        if (d?.row) {
          const r = d.row;
          return `<b>${escapeHtml(r.name)}</b><br>${escapeHtml(l.county(r.county_code))} · ${escapeHtml(l.kind(r.kind))}<br>${wan(r.budget_fen)} ${escapeHtml(l.wan)}`;
        }
        const b = byCounty.get(order[h.dataIndex]);
        if (!b) return '';
        return `<b>${escapeHtml(l.county(b.county_code))}</b> · n = ${b.n}<br>min ${number(b.min)} · Q1 ${number(b.q1)} · ${number(b.median)} · Q3 ${number(b.q3)} · max ${number(b.max)} ${escapeHtml(l.wan)}`;
      },
    },
    // onZero off: the dots' hidden value axis must not pull the x axis line to its zero.
    xAxis: { type: 'log', logBase: 10, axisLine: { onZero: false }, axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN'), hideOverlap: true }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: order.map((c) => l.county(c)),
        axisTick: { show: false },
        axisLabel: { width: 110, overflow: 'break' },
      },
      { type: 'value', show: false, inverse: true, min: -0.5, max: order.length - 0.5 },
    ],
    series: [
      {
        type: 'boxplot',
        data: order.map((c) => {
          const b = byCounty.get(c)!;
          return [b.min, b.q1, b.median, b.q3, b.max];
        }),
        boxWidth: [6, 22],
        itemStyle: { color: 'rgba(47,111,176,0.06)', borderColor: '#5b6675' },
        z: 3, // over the dots
      },
      {
        type: 'scatter',
        yAxisIndex: spread ? 1 : 0,
        data: order.flatMap((c, y) =>
          (dotsByCounty.get(c) ?? []).map((r, k) => ({ value: [fenToWan(r.budget_fen)!, y + offset(k)], row: r, itemStyle: { color: l.color(c) } })),
        ),
        // A county's thousand projects: small faint dots, so where they crowd reads darker.
        symbolSize: many ? 6 : 9,
        itemStyle: { opacity: many ? 0.35 : 0.85 },
        cursor: 'pointer',
      },
    ],
  };
}
