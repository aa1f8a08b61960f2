/** Reading a cumulative spending plan (end of Mar / Jun / Oct / Dec). */

export const MONTHS = [3, 6, 10, 12] as const;

/** Spending at an even pace: 25 / 50 / 83.3 / 100 %. */
export const EVEN_PACE = MONTHS.map((m) => (m / 12) * 100);

/** The plan flags, as the quality layer defines them (src/lib/quality/plan.ts) and the projects table stores them. */
export type PlanFlag = 'fallsBack' | 'short' | 'over' | 'blank';
export const PLAN_FLAGS: PlanFlag[] = ['fallsBack', 'short', 'over', 'blank'];
