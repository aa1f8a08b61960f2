/**
 * What a province tunes, in one typed object. Defaults are the rubric's
 * (../shared/docs/quality-rubric.md), except where a comment says why not.
 */
export interface Settings {
  /** Satisfaction targets below this percent are weak (rubric: 85%). */
  satisfactionThreshold: number;
  /**
   * Share by which a ≤-money cost target may exceed the budget before it is flagged. The rubric says 0.5%,
   * but its own must-flag example (玉田 ≤30.03万元 on a 30万元 project) is 0.1% over: amounts are exact,
   * so no tolerance is needed and the default is 0.
   */
  costTolerance: number;
  /** Indicator score parts (sum 100). */
  indicator: { measurable: number; fit: number; clear: number; evidenced: number };
  /** Project score blocks (sum 100): 财预〔2020〕10号 weights 产出 50 / 效益 30 / 满意度 10 / 预算执行 10. */
  project: { output: number; effect: number; satisfaction: number; funding: number };
  /** Filing deductions. */
  filing: { copyPasteMax: number; offDepartment: number };
  /** Bands: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60. */
  bands: { 优: number; 良: number; 中: number };
  /**
   * The most an indicator with a critical (严重) finding may score, whatever its wording: a cost cap above the
   * budget cannot be defended, so the row lands in 差 (not in the rubric, which leaves critical findings to
   * the project penalty alone).
   */
  criticalCap: number;
  /**
   * The peer rule (适当性, 财预〔2021〕101号: 绩效目标是否过高或过低): a target below `low` × or above `high` ×
   * the median of its peers across counties is flagged, when at least `minCounties` counties (its own included)
   * have the indicator.
   */
  peers: { minCounties: number; low: number; high: number };
  /**
   * Indicators repeated word for word from the body's filing of the year before: info, or minor on a
   * project at least `minorShare` % of whose compared indicators are repeated (100: a project copied whole;
   * 0: every repeat minor; above 100: every repeat info).
   */
  repeatedYearly: { minorShare: number };
}

export const DEFAULT_SETTINGS: Settings = {
  satisfactionThreshold: 85,
  costTolerance: 0,
  indicator: { measurable: 40, fit: 25, clear: 20, evidenced: 15 },
  project: { output: 50, effect: 30, satisfaction: 10, funding: 10 },
  filing: { copyPasteMax: 20, offDepartment: 10 },
  bands: { 优: 90, 良: 80, 中: 60 },
  criticalCap: 40,
  peers: { minCounties: 4, low: 0.5, high: 2 },
  repeatedYearly: { minorShare: 100 },
};

export type Band = '优' | '良' | '中' | '差';

export function band(score: number | null, s: Settings = DEFAULT_SETTINGS): Band | null {
  if (score == null || Number.isNaN(score)) return null;
  return BANDS.find((b) => b === '差' || score >= s.bands[b]) ?? null;
}

/** The bands from best to worst. */
export const BANDS: readonly Band[] = ['优', '良', '中', '差'];

/**
 * A province's settings (`npm run ingest -- --settings FILE`): any part of the defaults, the rest as they are.
 * Returns what is wrong, naming the key, when a key is unknown, a value is not a number, the parts or the
 * weights do not sum to 100, or the bands do not fall.
 */
export function readSettings(json: unknown): Settings | string {
  const merged = merge(DEFAULT_SETTINGS, json, '');
  if (typeof merged === 'string') return merged;
  const s = merged as unknown as Settings;
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  if (sum(s.indicator) !== 100) return `indicator parts sum to ${sum(s.indicator)}, not 100`;
  if (sum(s.project) !== 100) return `project weights sum to ${sum(s.project)}, not 100`;
  if (!(s.bands.优 > s.bands.良 && s.bands.良 > s.bands.中)) return `bands must fall (优 > 良 > 中), not ${s.bands.优} / ${s.bands.良} / ${s.bands.中}`;
  if (!(s.peers.low < 1 && s.peers.high > 1)) return `peers.low must be below 1 and peers.high above 1, not ${s.peers.low} / ${s.peers.high}`;
  return s;
}

/** `over` laid on `base` key by key, each value of the type the default has. */
function merge(base: unknown, over: unknown, path: string): unknown {
  if (typeof base === 'number') {
    return typeof over === 'number' && Number.isFinite(over) && over >= 0 ? over : `${path} takes a number of 0 or more, not ${JSON.stringify(over)}`;
  }
  if (over == null || typeof over !== 'object' || Array.isArray(over)) return `${path || 'the settings'} must be an object of ${Object.keys(base as object).join(', ')}`;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    const key = path ? `${path}.${k}` : k;
    if (!(k in out)) return `unknown setting ${key} (known: ${Object.keys(base as object).map((x) => (path ? `${path}.${x}` : x)).join(', ')})`;
    const m = merge(out[k], v, key);
    if (typeof m === 'string') return m;
    out[k] = m;
  }
  return out;
}
