/** Overview: each county's total budget as a bar, stacked by kind of spending. */
import type { CountyRow } from '../db/queries';
import { escapeHtml, fenToWan, wan } from '../ui/format';
import { KIND_COLORS } from '../ui/colors';
import { hovered, scrollRows, ROWS_SHOWN, type ChartTable, type Option, type TableWords } from './echarts';

import { KINDS } from '../db/queries/overview';
type Kind = (typeof KINDS)[number];

export interface BarLabels {
  /** A county code's label. */
  county: (c: string | null) => string;
  kind: (k: Kind) => string;
  total: string;
}

/** The bars' numbers: each county's budget by kind and in total, 万元. */
export function budgetTable(rows: CountyRow[], l: BarLabels, w: TableWords): ChartTable {
  const kinds = KINDS.filter((k) => rows.some((r) => (r[`${k}_fen`] ?? 0n) !== 0n));
  return {
    head: [w.county, ...kinds.map((k) => l.kind(k)), l.total],
    rows: rows.map((r) => [l.county(r.county_code), ...kinds.map((k) => wan(r[`${k}_fen`])), wan(r.budget_fen)]),
    num: [...kinds, 'total'].map((_, i) => i + 1),
  };
}

export function budgetBars(rows: CountyRow[], l: BarLabels): Option {
  const names = rows.map((r) => l.county(r.county_code));
  const kinds = KINDS.filter((k) => rows.some((r) => (r[`${k}_fen`] ?? 0n) !== 0n));
  return {
    grid: { left: 8, right: rows.length > ROWS_SHOWN ? 36 : 24, top: 36, bottom: 8, containLabel: true },
    ...scrollRows(rows.length),
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, data: kinds.map((k) => l.kind(k)) },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps) => {
        const r = rows[hovered(ps)[0].dataIndex];
        const lines = kinds
          .filter((k) => (r[`${k}_fen`] ?? 0n) !== 0n)
          .map((k) => `<span style="color:${KIND_COLORS[k]}">●</span> ${escapeHtml(l.kind(k))}：${wan(r[`${k}_fen`])}`);
        return `<b>${escapeHtml(l.county(r.county_code))}</b><br>${lines.join('<br>')}<br>${escapeHtml(l.total)}：<b>${wan(r.budget_fen)}</b>`;
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN'), hideOverlap: true }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLabel: { width: 110, overflow: 'break' },
    },
    series: kinds.map((k: Kind) => ({
      type: 'bar',
      name: l.kind(k),
      stack: 'budget',
      barMaxWidth: 26,
      itemStyle: { color: KIND_COLORS[k] },
      data: rows.map((r) => fenToWan(r[`${k}_fen`])),
    })),
  };
}
