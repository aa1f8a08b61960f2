/** The overview's headline figures, from its per-county rows: what the KPI boxes above the charts show. */
import type { CountyRow } from '../db/queries';

export interface Totals {
  filings: number;
  /** Counties with a code (the filings without one are a row of their own, not a county). */
  counties: number;
  projects: number;
  indicators: number;
  /** Exact, in fen. */
  budget: bigint;
  /** The mean project score over the projects that count (each county's mean weighted by its scored projects; partial rubric left out unless asked); null without any. */
  score: number | null;
}

export function totals(rows: readonly CountyRow[]): Totals {
  const t: Totals = { filings: 0, counties: 0, projects: 0, indicators: 0, budget: 0n, score: null };
  let sum = 0;
  let scored = 0;
  for (const r of rows) {
    t.filings += r.filings;
    t.counties += r.county_code != null ? 1 : 0;
    t.projects += r.projects;
    t.indicators += r.indicators;
    t.budget += r.budget_fen ?? 0n;
    sum += (r.mean_score ?? 0) * r.scored;
    scored += r.scored;
  }
  t.score = scored ? sum / scored : null;
  return t;
}
