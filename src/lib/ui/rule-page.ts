/**
 * What a rule's page says of it, read from the rule table (src/lib/quality/rules) and the settings the data
 * was scored with: what its findings are about, and how it moves a score.
 */
import { RULES } from '../quality/rules';
import { POLICY, type Rule } from '../quality/rule';
import type { Settings } from '../quality/settings';
import { evidencedByKind } from '../quality/assess';
import type { About } from '../db/rule';
import type { Key } from './i18n';

export const ruleById = (id: string): Rule | null => RULES.find((r) => r.id === id) ?? null;

/** What a rule's findings are rows of: a row rule's (or one naming a cell) indicators, else its level's. */
export function about(r: Rule): About {
  if (r.level === 'indicator' || r.cell != null) return 'indicator';
  return r.level === 'project' ? 'project' : 'filing';
}

export const policyOf = (r: Rule) => ({ number: r.source, ...POLICY[r.source] });

/** The sentences of how the rule moves a score, as i18n keys with their numbers. */
export function costLines(r: Rule, s: Settings): { key: Key; vars: Record<string, string | number> }[] {
  const c = r.cost;
  const out: { key: Key; vars: Record<string, string | number> }[] = [];
  const part = (p: keyof Settings['indicator']) => ({ part: p, max: s.indicator[p] });
  if ('part' in c) {
    if (c.to != null) out.push({ key: 'costRuleTo', vars: { ...part(c.part), n: c.to } });
    else if (c.minus != null) out.push({ key: 'costRuleMinus', vars: { ...part(c.part), n: c.minus } });
    else out.push({ key: 'costRuleKind', vars: { ...part(c.part), generic: evidencedByKind(s).generic } });
  } else if ('project' in c) out.push({ key: 'costRuleProject', vars: { n: c.project, cap: c.cap } });
  else if ('funding' in c) out.push({ key: 'costRuleFunding', vars: { w: s.project.funding, which: c.funding, major: c.major, minor: c.minor } });
  else if ('filing' in c) out.push({ key: c.filing === 'once' ? 'costRuleFilingOnce' : 'costRuleFilingShare', vars: { n: s.filing[c.deduct] } });
  else out.push({ key: 'costRuleNone', vars: {} });
  if (r.severity === 'critical') out.push({ key: 'costRuleCritical', vars: { cap: s.criticalCap } });
  return out;
}
