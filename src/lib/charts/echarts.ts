/** ECharts, tree-shaken to what the views draw. The Chinese locale (ZH) ships with echarts/core. */
import * as echarts from 'echarts/core';
import { BarChart, BoxplotChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomSliderComponent, GridComponent, LegendPlainComponent, MarkAreaComponent, TooltipComponent, VisualMapContinuousComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, BoxplotSeriesOption, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption, GridComponentOption, LegendComponentOption, MarkAreaComponentOption, TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

echarts.use([
  BarChart, BoxplotChart, HeatmapChart, LineChart, ScatterChart,
  DataZoomSliderComponent, GridComponent, LegendPlainComponent, MarkAreaComponent, TooltipComponent, VisualMapContinuousComponent,
  CanvasRenderer,
]);

export type Option = ComposeOption<
  | BarSeriesOption | BoxplotSeriesOption | HeatmapSeriesOption | LineSeriesOption | ScatterSeriesOption
  | DataZoomComponentOption | GridComponentOption | LegendComponentOption | MarkAreaComponentOption
  | TooltipComponentOption | VisualMapComponentOption
>;

export { echarts };

export { PALETTE, NO_COUNTY_COLOR, KIND_COLORS, BAND_COLORS } from '../ui/colors';

/** Shared look: quiet axes, a plain tooltip box, no animation (redraws are instant and screenshots stable). */
export const BASE: Option = {
  animation: false,
  textStyle: { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif' },
  tooltip: {
    confine: true,
    borderColor: '#d0d5dd',
    textStyle: { color: '#1d2430', fontSize: 12 },
    extraCssText: 'box-shadow: 0 4px 14px rgba(0,0,0,.12); max-width: 320px; white-space: normal;',
  },
};

/** What a tooltip formatter is told about the hovered items, as one list whatever the trigger. */
export interface Hovered {
  dataIndex: number;
  seriesId?: string;
  seriesName?: string;
  data: unknown;
  value: unknown;
  color?: unknown;
}
export const hovered = (p: unknown): Hovered[] => ([] as unknown[]).concat(p) as Hovered[];

/** A chart's numbers as a table (Chart.svelte shows it under the chart): the first cell of a row names it. */
export interface ChartTable {
  head: string[];
  rows: string[][];
  /** The columns that hold numbers (right-aligned). */
  num?: number[];
}

/** The words of a chart table's headers, in the page's language. */
export interface TableWords {
  county: string;
  n: string;
  min: string;
  max: string;
  median: string;
  mean: string;
  month: string;
}

/** A box's five numbers as cells: min, Q1, median, Q3, max. */
export const fiveCells = (b: { min: number; q1: number; median: number; q3: number; max: number }, f: (x: number) => string) =>
  [b.min, b.q1, b.median, b.q3, b.max].map(f);
export const fiveHeads = (w: TableWords) => [w.min, 'Q1', w.median, 'Q3', w.max];

/** How many counties a chart shows at once; more scroll (`scrollRows`). */
export const ROWS_SHOWN = 25;

/** A chart's height for `n` category rows: roomy for a few counties, compact and capped for a province. */
export const rowsHeight = (n: number, roomy: number, base: number) =>
  base + (n <= 12 ? n * roomy : Math.min(n, ROWS_SHOWN) * 22);

/**
 * A category axis with more rows than `shown`: show that many, with a slider beside the axis to move
 * through the rest (not the mouse wheel, which must keep scrolling the page).
 */
export function scrollRows(n: number, axis: 'x' | 'y' = 'y', shown = ROWS_SHOWN): Option {
  if (n <= shown) return {};
  const along = axis === 'y' ? { yAxisIndex: 0, right: 6, width: 14 } : { xAxisIndex: 0, bottom: 4, height: 14 };
  return {
    dataZoom: [
      { type: 'slider', ...along, startValue: 0, endValue: shown - 1, zoomLock: true, brushSelect: false, showDetail: false, showDataShadow: false },
    ],
  };
}
