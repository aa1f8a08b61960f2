/** ECharts, tree-shaken to what the views draw. The Chinese locale (ZH) ships with echarts/core. */
import * as echarts from 'echarts/core';
import { BarChart, BoxplotChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, BoxplotSeriesOption, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption, LegendComponentOption, MarkAreaComponentOption, MarkLineComponentOption, TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

echarts.use([
  BarChart, BoxplotChart, HeatmapChart, LineChart, ScatterChart,
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent,
  CanvasRenderer,
]);

export type Option = ComposeOption<
  | BarSeriesOption | BoxplotSeriesOption | HeatmapSeriesOption | LineSeriesOption | ScatterSeriesOption
  | GridComponentOption | LegendComponentOption | MarkAreaComponentOption | MarkLineComponentOption
  | TooltipComponentOption | VisualMapComponentOption
>;

export { echarts };

export { PALETTE, NO_COUNTY_COLOR, KIND_COLORS, BAND_COLORS } from './colors';

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
