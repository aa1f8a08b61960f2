/**
 * Partial-rubric scores (a duty-activity table, a template without 依据, scored on the parts it has) are
 * kept out of means and rankings unless the user asks (`partial=1` in the URL): they are not comparable
 * with full scores. Fixed SQL text only; the choice is the filter's, never the user's text.
 */
import type { Filters } from './scope';

/** A condition on any table that carries `partial_rubric` (projects, filings, indicators by their project), alias `a`. */
export const counted = (f: Filters, a: string) => (f.partial ? 'TRUE' : `NOT coalesce(${a}.partial_rubric, false)`);
