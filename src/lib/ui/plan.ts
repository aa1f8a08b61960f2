/** Reading a cumulative spending plan (end of Mar / Jun / Oct / Dec). */

export const MONTHS = [3, 6, 10, 12] as const;

/** Spending at an even pace: 25 / 50 / 83.3 / 100 %. */
export const EVEN_PACE = MONTHS.map((m) => (m / 12) * 100);

export type PlanFlag = 'fallsBack' | 'short' | 'over' | 'blank';
export const PLAN_FLAGS: PlanFlag[] = ['fallsBack', 'short', 'over', 'blank'];

/** What is wrong with a plan given as its four cumulative percentages (null for a blank cell). */
export function planFlags(pcts: (number | null)[]): PlanFlag[] {
  const flags: PlanFlag[] = [];
  const known = pcts.filter((p): p is number => p != null);
  if (known.some((p, i) => i > 0 && p < known[i - 1] - 1e-9)) flags.push('fallsBack');
  const dec = pcts[pcts.length - 1];
  if (dec != null && dec < 100 - 1e-9) flags.push('short');
  if (known.some((p) => p > 100 + 1e-9)) flags.push('over');
  if (pcts.length < MONTHS.length || pcts.some((p) => p == null)) flags.push('blank');
  return flags;
}
