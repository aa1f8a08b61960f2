/**
 * Partial-rubric scores (a duty-activity table, a template without 依据, scored on the parts it has) are
 * kept out of means and rankings unless the user asks (`partial=1` in the URL): they are not comparable
 * with full scores. Fixed SQL text only; the choice is the filter's, never the user's text.
 */
import type { Filters } from './scope';

/** A condition true for the rows that count in a mean or a ranking; `a` is the projects' or filings' alias. */
export const counted = (f: Filters, a: string) => (f.partial ? 'TRUE' : `NOT coalesce(${a}.partial_rubric, false)`);

/** The same for indicators (alias `a`): by their project's rubric. */
export const countedIndicator = (f: Filters, a: string) =>
  f.partial ? 'TRUE' : `${a}.project_id NOT IN (SELECT project_id FROM projects WHERE coalesce(partial_rubric, false))`;
