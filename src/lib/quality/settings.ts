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
}

export const DEFAULT_SETTINGS: Settings = {
  satisfactionThreshold: 85,
  costTolerance: 0,
  indicator: { measurable: 40, fit: 25, clear: 20, evidenced: 15 },
  project: { output: 50, effect: 30, satisfaction: 10, funding: 10 },
  filing: { copyPasteMax: 20, offDepartment: 10 },
  bands: { 优: 90, 良: 80, 中: 60 },
};

export type Band = '优' | '良' | '中' | '差';

export function band(score: number | null, s: Settings = DEFAULT_SETTINGS): Band | null {
  if (score == null || Number.isNaN(score)) return null;
  return score >= s.bands.优 ? '优' : score >= s.bands.良 ? '良' : score >= s.bands.中 ? '中' : '差';
}
