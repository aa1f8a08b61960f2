/**
 * The terms a filing's and its projects' scores were added up from (src/lib/quality/assess.ts, stored by the
 * ingest as `score_*` columns): what the project page and the review opinion fill their formulas in with.
 */
import { decode, ofTable, type RowOf } from './decode';
import type { Run } from './values';

const PROJECT_TERMS = ofTable('projects')({
  project_id: 'text', kind: 'text', score: 'double?',
  /** Mean indicator score of each block (0–100); null: the project has no such rows, the block adds 0. */
  score_output: 'double?', score_effect: 'double?', score_satisfaction: 'double?',
  /** Share of the funding block (0–1): half the spending plan, half the budget arithmetic. */
  score_funding: 'double?', score_penalty: 'double?', partial_rubric: 'bool',
} as const);
export type ProjectTerms = RowOf<typeof PROJECT_TERMS>;

const FILING_TERMS = ofTable('filings')({
  filing_id: 'text', score: 'double?', score_weighted: 'double?', score_plain: 'double?', score_deduction: 'double?', partial_rubric: 'bool',
} as const);
export type FilingTerms = RowOf<typeof FILING_TERMS>;

export async function termsOfFiling(run: Run, filing: string): Promise<{ filing: FilingTerms | null; projects: ProjectTerms[] }> {
  const [f, p] = await Promise.all([
    run(`SELECT filing_id, score, score_weighted, score_plain, score_deduction, coalesce(partial_rubric, false) AS partial_rubric
FROM filings WHERE filing_id = ?::VARCHAR`, [filing]),
    run(`SELECT project_id, kind, score, score_output, score_effect, score_satisfaction, score_funding, score_penalty,
  coalesce(partial_rubric, false) AS partial_rubric
FROM projects WHERE filing_id = ?::VARCHAR ORDER BY ordinal`, [filing]),
  ]);
  return { filing: decode(FILING_TERMS, f)[0] ?? null, projects: decode(PROJECT_TERMS, p) };
}
