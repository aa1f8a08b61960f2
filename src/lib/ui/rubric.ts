/**
 * What the review opinion explains of the rubric, read from the quality layer's own tables (the rule table
 * and the settings the ingest scored with, `app.scoring`), so the page can never disagree with the scores it explains.
 */
import { RULES } from '../quality/rules';
import { DEFAULT_SETTINGS } from '../quality/settings';

export type Part = keyof typeof DEFAULT_SETTINGS.indicator;
/** The four parts of an indicator's score, in the rubric's order. */
export const PARTS = Object.keys(DEFAULT_SETTINGS.indicator) as Part[];

/** What a rule does to a part: caps it (`to`), or takes points off (`minus`); neither: the part is judged by kind. */
export interface PartCost {
  rule: string;
  to?: number;
  minus?: number;
}

/** The rules that cost an indicator points in `part`, in the rule table's order. */
export function partCosts(part: Part): PartCost[] {
  return RULES.flatMap((r) => ('part' in r.cost && r.cost.part === part ? [{ rule: r.id, to: r.cost.to, minus: r.cost.minus }] : []));
}

const SOURCES = new Map(RULES.map((r) => [r.id, r.source]));

/** The policy document a rule rests on (财预〔2021〕101号 …); null for a reading finding (`parse/…`) or an unknown rule. */
export const ruleSource = (id: string): string | null => SOURCES.get(id) ?? null;
