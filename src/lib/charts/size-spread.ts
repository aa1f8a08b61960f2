/** Overview: the spread of project sizes per county, a box per county and every project as a dot. */
import { group, quantileSorted } from 'd3-array';
import type { SizeRow } from '../db/queries';
import { escapeHtml, fenToWan, wan } from '../ui/format';
import { hovered, type Option } from './echarts';

export interface SpreadLabels {
  county: (c: string | null) => string;
  color: (c: string | null) => string;
  kind: (k: string) => string;
}

export function sizeSpread(rows: SizeRow[], counties: (string | null)[], l: SpreadLabels): Option {
  const byCounty = group(rows.filter((r) => r.budget_fen > 0n), (r) => r.county);
  const order = counties.filter((c) => byCounty.has(c));
  const boxes = order.map((c) => {
    const v = byCounty.get(c)!.map((r) => fenToWan(r.budget_fen)!).sort((a, b) => a - b);
    return [0, 0.25, 0.5, 0.75, 1].map((q) => quantileSorted(v, q)!);
  });
  const dots = order.flatMap((c, y) =>
    byCounty.get(c)!.map((r) => ({ value: [fenToWan(r.budget_fen)!, y], row: r, itemStyle: { color: l.color(c) } })),
  );
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = hovered(p)[0].data as { row?: SizeRow } | undefined;
        if (!d?.row) return '';
        const r = d.row;
        return `<b>${escapeHtml(r.name)}</b><br>${escapeHtml(l.county(r.county))} · ${escapeHtml(l.kind(r.kind))}<br>${wan(r.budget_fen)} 万元`;
      },
    },
    xAxis: { type: 'log', logBase: 10, axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: order.map((c) => l.county(c)),
      axisTick: { show: false },
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [
      {
        type: 'boxplot',
        data: boxes,
        silent: true,
        boxWidth: [8, 22],
        itemStyle: { color: 'rgba(47,111,176,0.06)', borderColor: '#9aa5b4' },
      },
      { type: 'scatter', data: dots, symbolSize: 9, itemStyle: { opacity: 0.85 }, cursor: 'pointer' },
    ],
  };
}
