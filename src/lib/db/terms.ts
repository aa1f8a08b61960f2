/**
 * The terms a filing's and its projects' scores were added up from (src/lib/quality/assess.ts, stored by the
 * ingest as `score_*` columns): what the project page and the review opinion fill their formulas in with.
 */
import type { Run } from './values';

export interface ProjectTerms {
  project_id: string;
  kind: string;
  score: number | null;
  /** Mean indicator score of each block (0–100); null: the project has no such rows, the block adds 0. */
  score_output: number | null;
  score_effect: number | null;
  score_satisfaction: number | null;
  /** Share of the funding block (0–1): half the spending plan, half the budget arithmetic. */
  score_funding: number | null;
  score_penalty: number | null;
  partial_rubric: boolean;
}

export interface FilingTerms {
  filing_id: string;
  score: number | null;
  score_weighted: number | null;
  score_plain: number | null;
  score_deduction: number | null;
  partial_rubric: boolean;
}

export async function termsOfFiling(run: Run, filing: string): Promise<{ filing: FilingTerms | null; projects: ProjectTerms[] }> {
  const [f, p] = await Promise.all([
    run(`SELECT filing_id, score, score_weighted, score_plain, score_deduction, coalesce(partial_rubric, false) AS partial_rubric
FROM filings WHERE filing_id = ?::VARCHAR`, [filing]),
    run(`SELECT project_id, kind, score, score_output, score_effect, score_satisfaction, score_funding, score_penalty,
  coalesce(partial_rubric, false) AS partial_rubric
FROM projects WHERE filing_id = ?::VARCHAR ORDER BY ordinal`, [filing]),
  ]);
  return { filing: (f[0] as unknown as FilingTerms) ?? null, projects: p as unknown as ProjectTerms[] };
}
