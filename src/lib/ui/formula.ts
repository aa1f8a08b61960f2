/**
 * A score's formula with its own numbers filled in: the project's weights × its block means + funding −
 * penalties, the filing's half-and-half means − deductions. The terms are the engine's (stored by the
 * ingest), the weights the settings it scored with; the penalties are split by rule with the rule table's
 * costs, so the page shows where each point went.
 */
import { RULES } from '../quality/rules';
import type { Settings } from '../quality/settings';
import type { ProjectTerms } from '../db/terms';

export type Block = 'output' | 'effect' | 'satisfaction' | 'funding';
export const BLOCKS: readonly Block[] = ['output', 'effect', 'satisfaction', 'funding'];

export interface Term {
  block: Block;
  weight: number;
  /** The block's share, 0–1; null when the project has no such rows (it adds 0). */
  share: number | null;
  /** weight × share, the points the block adds. */
  points: number;
}

export function projectTerms(p: ProjectTerms, s: Settings): Term[] {
  const share: Record<Block, number | null> = {
    output: p.score_output == null ? null : p.score_output / 100,
    effect: p.score_effect == null ? null : p.score_effect / 100,
    satisfaction: p.score_satisfaction == null ? null : p.score_satisfaction / 100,
    funding: p.score_funding,
  };
  return BLOCKS.map((block) => ({ block, weight: s.project[block], share: share[block], points: s.project[block] * (share[block] ?? 0) }));
}

/** An activity of a duty table, or a project without terms: its score is the mean of its rows. */
export const byMean = (p: ProjectTerms) => p.kind === 'activity' || p.score_funding == null;

const PROJECT_COSTS = new Map(RULES.flatMap((r) => ('project' in r.cost ? [[r.id, r.cost] as const] : [])));

/** The project penalty by rule: hits × points, up to the rule's cap (the engine's sum, rule by rule). */
export function penalties(findings: readonly { rule_id: string }[]): { rule: string; hits: number; points: number }[] {
  const hits = new Map<string, number>();
  for (const f of findings) if (PROJECT_COSTS.has(f.rule_id)) hits.set(f.rule_id, (hits.get(f.rule_id) ?? 0) + 1);
  return [...hits].map(([rule, n]) => {
    const c = PROJECT_COSTS.get(rule)!;
    return { rule, hits: n, points: Math.min(n * c.project, c.cap) };
  });
}

/** A number as the formula prints it: at most two decimals, no trailing zeros. */
export const num = (x: number | null) => (x == null ? '—' : String(Math.round(x * 100) / 100));
