/** Indicator quality: score boxes per county, and the rules × counties heatmap of failure shares. */
import { rollup, sum } from 'd3-array';
import type { BandCount, RuleShare, ScoreSpread } from '../db/queries';
import { BANDS, type Band, type Settings } from '../quality/settings';
import { escapeHtml, score } from '../ui/format';
import { BAND_COLORS } from '../ui/colors';
import { fiveCells, fiveHeads, hovered, scrollRows, ROWS_SHOWN, type ChartTable, type Option, type TableWords } from './echarts';
import type { KeyItem } from './keyboard';

export interface QualityLabels {
  /** A county code's label and colour. */
  county: (c: string | null) => string;
  color: (c: string | null) => string;
  rule: (id: string) => string;
  band: (b: Band) => string;
  mean: string;
  hits: string;
}

/** The boxes' numbers: each county's indicators, their scores' five numbers and mean. */
export function scoreTable(rows: ScoreSpread[], l: QualityLabels, w: TableWords): ChartTable {
  return {
    head: [w.county, w.n, ...fiveHeads(w), w.mean],
    rows: rows.map((r) => [l.county(r.county_code), String(r.n), ...fiveCells(r, score), score(r.mean)]),
    num: [1, 2, 3, 4, 5, 6, 7],
  };
}

/** Each county's spread of scores, over the bands' areas (the settings the data was scored with). */
export function scoreBoxes(rows: ScoreSpread[], l: QualityLabels, bands: Settings['bands']): Option {
  const bandArea = (from: number, to: number, band: Band) => [{ xAxis: from, itemStyle: { color: BAND_COLORS[band], opacity: 0.07 } }, { xAxis: to }];
  return {
    grid: { left: 8, right: rows.length > ROWS_SHOWN ? 36 : 24, top: 8, bottom: 8, containLabel: true },
    ...scrollRows(rows.length),
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = rows[hovered(p)[0].dataIndex];
        if (!r) return '';
        return `<b>${escapeHtml(l.county(r.county_code))}</b> · n = ${r.n}<br>min ${score(r.min)} · Q1 ${score(r.q1)} · ${score(r.median)} · Q3 ${score(r.q3)} · max ${score(r.max)}<br>${escapeHtml(l.mean)} ${score(r.mean)}`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => l.county(r.county_code)), axisTick: { show: false }, axisLabel: { width: 110, overflow: 'break' } },
    series: [
      {
        type: 'boxplot',
        boxWidth: [10, 26],
        data: rows.map((r) => ({ value: [r.min, r.q1, r.median, r.q3, r.max], itemStyle: { color: `${l.color(r.county_code)}33`, borderColor: l.color(r.county_code) } })),
        markArea: {
          silent: true,
          data: [bandArea(0, bands.中, '差'), bandArea(bands.中, bands.良, '中'), bandArea(bands.良, bands.优, '良'), bandArea(bands.优, 100, '优')] as never,
        },
      },
      {
        type: 'scatter',
        name: l.mean,
        symbol: 'diamond',
        symbolSize: 10,
        data: rows.map((r, i) => ({ value: [r.mean, i], itemStyle: { color: '#1d2430' } })),
        tooltip: { show: false },
      },
    ],
  };
}

/** The bars' numbers: each county's indicators in each band, counted and as a share. */
export function bandTable(counts: BandCount[], counties: (string | null)[], l: QualityLabels, w: TableWords): ChartTable {
  const totals = rollup(counts, (v) => sum(v, (c) => c.n), (c) => c.county_code);
  const n = (c: string | null, b: string) => counts.find((x) => x.county_code === c && x.band === b)?.n ?? 0;
  return {
    head: [w.county, w.n, ...BANDS],
    rows: counties
      .filter((c) => totals.has(c))
      .map((c) => [l.county(c), String(totals.get(c)), ...BANDS.map((b) => `${n(c, b)}（${Math.round((100 * n(c, b)) / totals.get(c)!)}%）`)]),
    num: [1, 2, 3, 4, 5],
  };
}

/** Each county's indicators by band, as shares of the county's indicators (100 % bars). */
export function bandBars(counts: BandCount[], counties: (string | null)[], l: QualityLabels): Option {
  const totals = rollup(counts, (v) => sum(v, (c) => c.n), (c) => c.county_code);
  const order = counties.filter((c) => totals.has(c));
  const n = (c: string | null, b: string) => counts.find((x) => x.county_code === c && x.band === b)?.n ?? 0;
  return {
    grid: { left: 8, right: order.length > ROWS_SHOWN ? 36 : 24, top: 30, bottom: 8, containLabel: true },
    ...scrollRows(order.length),
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps) => {
        const c = order[hovered(ps)[0].dataIndex];
        const lines = BANDS.map((b) => `<span style="color:${BAND_COLORS[b]}">●</span> ${escapeHtml(l.band(b))}：${n(c, b)}（${Math.round((100 * n(c, b)) / totals.get(c)!)}%）`);
        return `<b>${escapeHtml(l.county(c))}</b> · n = ${totals.get(c)}<br>${lines.join('<br>')}`;
      },
    },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', inverse: true, data: order.map((c) => l.county(c)), axisTick: { show: false }, axisLabel: { width: 110, overflow: 'break' } },
    series: BANDS.map((b) => ({
      type: 'bar' as const,
      name: l.band(b),
      stack: 'band',
      barMaxWidth: 22,
      itemStyle: { color: BAND_COLORS[b] },
      data: order.map((c) => (100 * n(c, b)) / totals.get(c)!),
    })),
  };
}

/** Counties side by side in the heatmap at once: each cell must hold its percentage. */
export const HEAT_COLUMNS = 12;

/** The heatmap's rows: the rules that fail most first (the quality view lists their pages in this order). */
export function heatRules(shares: RuleShare[]): string[] {
  const weight = rollup(shares, (v) => sum(v, (s) => (s.subjects ? s.hits / s.subjects : 0)), (s) => s.rule_id);
  return [...weight.keys()].sort((a, b) => weight.get(b)! - weight.get(a)! || a.localeCompare(b));
}

/** The rules and counties in the heatmap's order: rules that fail most first, counties as listed. */
function heatOrder(shares: RuleShare[], counties: (string | null)[]) {
  return { rules: heatRules(shares), ordered: counties.filter((c) => shares.some((s) => s.county_code === c)) };
}
const shareText = (s: RuleShare) => `${s.hits} / ${s.subjects}（${Math.round((100 * s.hits) / Math.max(1, s.subjects))}%）`;

/** The heatmap's numbers: a row per rule, a column per county, each cell hits / subjects (share). */
export function heatTable(shares: RuleShare[], counties: (string | null)[], l: QualityLabels): ChartTable {
  const { rules, ordered } = heatOrder(shares, counties);
  const cell = (r: string, c: string | null) => shares.find((s) => s.rule_id === r && s.county_code === c);
  return {
    head: ['', ...ordered.map((c) => l.county(c))],
    rows: rules.map((r) => [l.rule(r), ...ordered.map((c) => (cell(r, c) ? shareText(cell(r, c)!) : '—'))]),
    num: ordered.map((_, i) => i + 1),
  };
}

/** The heatmap's cells for the keyboard: a rule a row, a county a column (its data index, its words). */
export function heatKeys(shares: RuleShare[], counties: (string | null)[], l: QualityLabels): (KeyItem & { share: RuleShare })[] {
  const { rules, ordered } = heatOrder(shares, counties);
  return shares.map((s, i) => ({
    row: rules.indexOf(s.rule_id),
    col: ordered.indexOf(s.county_code),
    seriesIndex: 0,
    dataIndex: i,
    label: `${l.rule(s.rule_id)} · ${l.county(s.county_code)}：${l.hits} ${shareText(s)}`,
    share: s,
  }));
}

export function ruleHeatmap(shares: RuleShare[], counties: (string | null)[], l: QualityLabels): Option {
  const { rules, ordered } = heatOrder(shares, counties);
  const cells = shares.map((s) => ({
    value: [ordered.indexOf(s.county_code), rules.indexOf(s.rule_id), s.subjects ? s.hits / s.subjects : 0],
    share: s,
  }));
  const scroll = ordered.length > HEAT_COLUMNS;
  return {
    grid: { left: 8, right: 16, top: 8, bottom: scroll ? 80 : 56, containLabel: true },
    ...scrollRows(ordered.length, 'x', HEAT_COLUMNS),
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const s = (hovered(p)[0].data as { share: RuleShare }).share;
        return `<b>${escapeHtml(l.rule(s.rule_id))}</b><br><code>${escapeHtml(s.rule_id)}</code><br>${escapeHtml(l.county(s.county_code))}：${escapeHtml(l.hits)} ${s.hits} / ${s.subjects}（${Math.round((100 * s.hits) / Math.max(1, s.subjects))}%）`;
      },
    },
    xAxis: { type: 'category', data: ordered.map((c) => l.county(c)), axisLabel: { interval: 0, rotate: ordered.length > 4 ? 30 : 0, width: 90, overflow: 'break' }, splitArea: { show: true } },
    // a rule's name wraps, never cut ("Description adds nothi…"): the row is the name's only label
    yAxis: { type: 'category', inverse: true, data: rules.map((r) => l.rule(r)), axisLabel: { width: 170, overflow: 'break', lineHeight: 14 }, splitArea: { show: true } },
    visualMap: {
      min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: scroll ? 24 : 0, itemHeight: 120,
      text: ['100%', '0%'], inRange: { color: ['#fff5f0', '#fcae91', '#fb6a4a', '#cb181d'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        cursor: 'pointer',
        label: { show: true, formatter: (p) => `${Math.round(100 * (hovered(p)[0].value as number[])[2])}%`, fontSize: 11 },
        emphasis: { itemStyle: { borderColor: '#1d2430', borderWidth: 1 } },
      },
    ],
  };
}
