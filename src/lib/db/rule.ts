/**
 * A rule's page (规则说明): how often it fires per county of the current selection, rows that fail it and
 * rows that pass, all read with the rule's id bound as a parameter.
 */
import { decode, type RowOf } from './decode';
import { scoped, type Filters, type Sql } from './scope';
import { severityOrder } from './queries';
import type { Run } from './values';

const exec = (run: Run, q: Sql) => run(q.text, q.params);

/** What a rule's findings are about, so what its examples and counts are rows of. */
export type About = 'indicator' | 'project' | 'filing';

const RULE_COUNTY = {
  county_code: 'text?',
  /** Findings of the rule. */
  hits: 'int',
  /** Distinct rows (indicators, projects or filings) with one. */
  flagged: 'int',
  /** The county's rows of that kind in the selection. */
  rows: 'int',
} as const;
export type RuleCounty = RowOf<typeof RULE_COUNTY>;

const RULE_EXAMPLE = {
  project_id: 'text?', filing_id: 'text', county_code: 'text?', project: 'text?', level2: 'text?', level3: 'text?',
  target_raw: 'text?', basis: 'text?', score: 'double?', message: 'text?', message_en: 'text?', evidence: 'text?',
} as const;
export type RuleExample = RowOf<typeof RULE_EXAMPLE>;

const ROWS: Record<About, { table: string; id: string; sel: string }> = {
  indicator: { table: 'indicators', id: 'indicator_id', sel: 'sel_indicators' },
  project: { table: 'projects', id: 'project_id', sel: 'sel_projects' },
  filing: { table: 'filings', id: 'filing_id', sel: 'sel_filings' },
};

export async function ruleByCounty(run: Run, f: Filters, rule: string, about: About): Promise<RuleCounty[]> {
  const r = ROWS[about];
  const rows = await exec(run, scoped(f, `,
  n AS (SELECT t.county_code, count(*)::INTEGER AS rows FROM ${r.table} t WHERE t.${r.id} IN (SELECT ${r.id} FROM ${r.sel}) GROUP BY ALL),
  h AS (
    SELECT x.county_code, count(*)::INTEGER AS hits, count(DISTINCT x.${r.id})::INTEGER AS flagged
    FROM findings x WHERE x.rule_id = ?::VARCHAR AND x.finding_id IN (SELECT finding_id FROM sel_findings) GROUP BY ALL)
SELECT n.county_code, coalesce(h.hits, 0)::INTEGER AS hits, coalesce(h.flagged, 0)::INTEGER AS flagged, n.rows
FROM n LEFT JOIN h ON h.county_code IS NOT DISTINCT FROM n.county_code
ORDER BY n.county_code IS NULL, hits DESC, n.county_code`, rule));
  return decode(RULE_COUNTY, rows);
}

/** Up to `limit` rows the rule flags, one per row, the gravest first. */
export async function ruleFails(run: Run, f: Filters, rule: string, about: About, limit = 5): Promise<RuleExample[]> {
  const rows = await exec(run, scoped(f, `
SELECT x.project_id, x.filing_id, x.county_code, p.name AS project, i.level2, i.level3, i.target_raw, i.basis,
  ${about === 'indicator' ? 'i.score' : about === 'project' ? 'p.score' : 'fl.score'} AS score, x.message, x.message_en, x.evidence
FROM findings x LEFT JOIN projects p ON p.project_id = x.project_id LEFT JOIN indicators i ON i.indicator_id = x.indicator_id
  LEFT JOIN filings fl ON fl.filing_id = x.filing_id
WHERE x.rule_id = ?::VARCHAR AND x.finding_id IN (SELECT finding_id FROM sel_findings)
QUALIFY row_number() OVER (PARTITION BY coalesce(x.indicator_id, x.project_id, x.filing_id) ORDER BY x.finding_id) = 1
-- the gravest first, one county after another, so the examples come from several filings
ORDER BY ${severityOrder.replace('severity', 'x.severity')}, row_number() OVER (PARTITION BY x.county_code ORDER BY x.finding_id), x.finding_id
LIMIT ?`, rule, limit));
  return decode(RULE_EXAMPLE, rows);
}

/** Up to `limit` rows of the selection the rule does not flag, the best scored first. */
export async function rulePasses(run: Run, f: Filters, rule: string, about: About, limit = 3): Promise<RuleExample[]> {
  const body = {
    indicator: `
SELECT i.project_id, i.filing_id, i.county_code, p.name AS project, i.level2, i.level3, i.target_raw, i.basis, i.score,
  NULL::VARCHAR AS message, NULL::VARCHAR AS message_en, NULL::VARCHAR AS evidence
FROM indicators i JOIN projects p ON p.project_id = i.project_id
WHERE i.indicator_id IN (SELECT indicator_id FROM sel_indicators)
  AND NOT EXISTS (SELECT 1 FROM findings x WHERE x.indicator_id = i.indicator_id AND x.rule_id = ?::VARCHAR)
ORDER BY i.score DESC NULLS LAST, i.indicator_id`,
    project: `
SELECT p.project_id, p.filing_id, p.county_code, p.name AS project, NULL AS level2, NULL AS level3, NULL AS target_raw, NULL AS basis,
  p.score, NULL::VARCHAR AS message, NULL::VARCHAR AS message_en, NULL::VARCHAR AS evidence
FROM projects p
WHERE p.project_id IN (SELECT project_id FROM sel_projects)
  AND NOT EXISTS (SELECT 1 FROM findings x WHERE x.project_id = p.project_id AND x.rule_id = ?::VARCHAR)
ORDER BY p.score DESC NULLS LAST, p.project_id`,
    filing: `
SELECT NULL AS project_id, fl.filing_id, fl.county_code, fl.department AS project, NULL AS level2, NULL AS level3, NULL AS target_raw,
  NULL AS basis, fl.score, NULL::VARCHAR AS message, NULL::VARCHAR AS message_en, NULL::VARCHAR AS evidence
FROM filings fl
WHERE fl.filing_id IN (SELECT filing_id FROM sel_filings)
  AND NOT EXISTS (SELECT 1 FROM findings x WHERE x.filing_id = fl.filing_id AND x.rule_id = ?::VARCHAR)
ORDER BY fl.score DESC NULLS LAST, fl.filing_id`,
  }[about];
  const rows = await exec(run, scoped(f, `${body}\nLIMIT ?`, rule, limit));
  return decode(RULE_EXAMPLE, rows);
}
