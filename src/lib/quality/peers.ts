/**
 * Peers of an indicator: the indicators of other counties that mean the same, and where a target sits
 * among theirs. Defined once here; the peer rule (rules/peer-target.ts), the ingest's peers.json and the
 * project page all use it.
 *
 * The similarity, exactly: two quantitative indicators are peers when their keys are equal, the key being
 * - the 三级指标 normalized: half-width, without spaces, punctuation and brackets' contents; without a
 *   leading year (`2023年`, `2023年度`) or a leading verb of doing (开展, 组织, 完成, 举办, 召开, 实施, 落实);
 *   without a trailing word of counting (数量, 次数, 个数, 人数, 场次, 数, 量) when two characters are left;
 * - the unit, `％` as `%`; money targets (元, 万元) are not compared: a cost scales with its own
 *   project's budget (cost-over-budget checks it against that), not with other counties' projects;
 * - the target's direction: at least (≥, >, =, or no sign) or at most (≤, <): `≥4次` and `≤4次` promise
 *   different things.
 * So 代表培训次数 / 开展代表培训 / 2023年代表培训（次） (次) group; 代表培训 in 次 and in 人 do not, nor
 * 设备完好率 and 设备采购数量.
 */
import { labelKey } from '../parse/text';

const LEADING_YEAR = /^(?:19|20)\d{2}年度?/;
const LEADING_VERBS = ['开展', '组织', '完成', '举办', '召开', '实施', '落实'];
const COUNTING = ['数量', '次数', '个数', '人数', '场次', '数', '量'];
const PUNCTUATION = /[()（）【】\[\]《》“”"'‘’、，,。.：:；;!！?？\-—_/\\·…~～]/g;

/** The 三级指标 as the peer key compares it (see above). */
export function peerLabel(level3: string): string {
  let s = labelKey(level3).replace(/\([^)]*\)/g, '').replace(PUNCTUATION, '');
  s = s.replace(LEADING_YEAR, '');
  const verb = LEADING_VERBS.find((v) => s.startsWith(v) && s.length > v.length + 1);
  if (verb) s = s.slice(verb.length);
  const tail = COUNTING.find((w) => s.endsWith(w) && s.length - w.length >= 2);
  return tail ? s.slice(0, -tail.length) : s;
}

/** What the key needs of an indicator (a parsed one or a row of the indicators table). */
export interface PeerTarget {
  level3: string | null;
  op: string | null;
  value: number | null;
  unit: string | null;
  /** The target in fen, when its unit is money (such a target has no peers). */
  fen: bigint | null;
}

export interface Peered {
  key: string;
  /** The target's number, in `unit`. */
  value: number;
  unit: string;
}

/** The indicator's peer key and number, or null when it has none to compare (no 三级指标, no number). */
export function peerOf(t: PeerTarget): Peered | null {
  const value = t.value;
  if (!t.level3 || t.fen != null || value == null || !Number.isFinite(value)) return null;
  const label = peerLabel(t.level3);
  if (label.length < 2) return null;
  const unit = (t.unit ?? '').replace('％', '%');
  const direction = t.op === '≤' || t.op === '<' ? 'max' : 'min';
  return { key: `${label}|${unit}|${direction}`, value, unit };
}

/** A distribution of peers' targets: one number per county (the median of its targets), summed up. */
export interface PeerSpread {
  counties: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

/** The q-quantile of sorted numbers, linear between ranks (as DuckDB's quantile_cont). */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

export const median = (values: number[]) => quantile([...values].sort((a, b) => a - b), 0.5);

/** The spread of the counties' numbers (`values`: county → its targets). */
export function spreadOf(values: Map<string, number[]>): PeerSpread | null {
  const perCounty = [...values.values()].filter((v) => v.length > 0).map(median).sort((a, b) => a - b);
  if (perCounty.length === 0) return null;
  return {
    counties: perCounty.length, min: perCounty[0], p25: quantile(perCounty, 0.25), median: quantile(perCounty, 0.5),
    p75: quantile(perCounty, 0.75), max: perCounty[perCounty.length - 1],
  };
}

/** How a target compares with its peers' median: far below, far above (by the settings' ratios), or within. */
export type PeerPosition = 'low' | 'high' | 'within';

export function position(value: number, peersMedian: number, low: number, high: number): PeerPosition {
  if (peersMedian <= 0) return 'within'; // no ratio to a zero median
  if (value < peersMedian * low) return 'low';
  if (value > peersMedian * high) return 'high';
  return 'within';
}

/** A mark of the places set: the county and one of its targets (the engine keeps the distinct ones). */
export const peerMark = (place: string, value: number) => `${place}\u0001${value}`;

/** The marks back as county → targets. */
export function marksToValues(marks: Iterable<string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of marks) {
    const cut = m.lastIndexOf('\u0001');
    const [place, value] = [m.slice(0, cut), Number(m.slice(cut + 1))];
    out.set(place, [...(out.get(place) ?? []), value]);
  }
  return out;
}
