/** The indicator-quality view's questions: score spreads, bands, how often each rule fires, the worst projects. */
import { decode, type RowOf } from '../decode';
import { counted } from '../partial';
import type { Filters } from '../scope';
import { FIVE, fen, fiveNumbers, over, selected, severityOrder, withSelectedProjects } from '../sql';
import type { Run } from '../values';

const SCORE_SPREAD = { county_code: 'text?', n: 'int', ...FIVE, mean: 'double' } as const;
export type ScoreSpread = RowOf<typeof SCORE_SPREAD>;

/** Indicator scores per county: the five numbers of a box plot, and the mean. */
export async function scoreSpread(run: Run, f: Filters): Promise<ScoreSpread[]> {
  const q = over(f, {
    select: `
SELECT i.county_code, count(*)::INTEGER AS n, ${fiveNumbers('i.score')}, avg(i.score) AS mean
FROM indicators i
WHERE ${selected('indicators', 'i')} AND i.score IS NOT NULL AND ${counted(f, 'i')}
GROUP BY i.county_code
ORDER BY i.county_code IS NULL, median DESC, i.county_code`,
  });
  return decode(SCORE_SPREAD, await run(q.text, q.params));
}

const BAND_COUNT = { county_code: 'text?', band: 'text', n: 'int' } as const;
export type BandCount = RowOf<typeof BAND_COUNT>;

/** Indicators per county and band (优/良/中/差); partial-rubric scores left out unless asked, as in the box plot beside it. */
export async function bandCounts(run: Run, f: Filters): Promise<BandCount[]> {
  const q = over(f, {
    select: `
SELECT i.county_code, i.band, count(*)::INTEGER AS n
FROM indicators i
WHERE ${selected('indicators', 'i')} AND i.band IS NOT NULL AND ${counted(f, 'i')}
GROUP BY ALL
ORDER BY i.county_code, i.band`,
  });
  return decode(BAND_COUNT, await run(q.text, q.params));
}

const RULE_SHARE = { county_code: 'text?', rule_id: 'text', level: 'text', severity: 'text', hits: 'int', subjects: 'int' } as const;
export type RuleShare = RowOf<typeof RULE_SHARE>;

/**
 * Rules × counties: how many of a county's selected indicators (or projects, or filings — whatever the
 * rule is about) have a finding of the rule. Reading findings (`parse/…`) are in the reading report.
 */
export async function ruleShares(run: Run, f: Filters): Promise<RuleShare[]> {
  const q = over(f, {
    with: {
      subjects: `
    SELECT i.county_code, 'indicator' AS about, count(*)::INTEGER AS n
    FROM indicators i
    WHERE ${selected('indicators', 'i')} GROUP BY i.county_code
    UNION ALL
    SELECT p.county_code, 'project', count(*)::INTEGER FROM projects p
    WHERE ${selected('projects', 'p')} GROUP BY p.county_code
    UNION ALL
    SELECT f.county_code, 'filing', count(*)::INTEGER FROM filings f
    WHERE ${withSelectedProjects('f')} GROUP BY f.county_code`,
      flagged: `
    SELECT x.* FROM findings x
    WHERE ${selected('findings', 'x')} AND NOT starts_with(x.rule_id, 'parse/')`,
      // what a rule counts: the finest row its findings name (indicator, else project, else filing)
      rules: `
    SELECT rule_id, any_value(level) AS level, arg_min(severity, ${severityOrder}) AS severity,
      CASE WHEN bool_or(indicator_id IS NOT NULL) THEN 'indicator' WHEN bool_or(project_id IS NOT NULL) THEN 'project' ELSE 'filing' END AS about
    FROM flagged GROUP BY rule_id`,
      hits: `
    SELECT x.county_code, r.rule_id, r.level, r.severity, r.about,
      count(DISTINCT CASE r.about WHEN 'indicator' THEN x.indicator_id WHEN 'project' THEN x.project_id ELSE x.filing_id END)::INTEGER AS hits
    FROM flagged x JOIN rules r ON r.rule_id = x.rule_id
    GROUP BY ALL`,
    },
    select: `
SELECT h.county_code, h.rule_id, h.level, h.severity, h.hits, s.n AS subjects
FROM hits h JOIN subjects s ON s.county_code IS NOT DISTINCT FROM h.county_code AND s.about = h.about
ORDER BY h.rule_id, h.county_code`,
  });
  return decode(RULE_SHARE, await run(q.text, q.params));
}

const RANKED_PROJECT = {
  project_id: 'text', name: 'text', county_code: 'text?', year: 'int?', kind: 'text', score: 'double?', band: 'text?',
  budget_fen: 'fen?', critical: 'int', major: 'int', minor: 'int',
} as const;
export type RankedProject = RowOf<typeof RANKED_PROJECT>;

/** The selected projects, worst score first. */
export async function worstProjects(run: Run, f: Filters, limit = 20): Promise<RankedProject[]> {
  const q = over(f, {
    select: `
SELECT p.project_id, p.name, p.county_code, p.year, p.kind, p.score, p.band, ${fen('p.budget_yuan', 'budget')},
  count(x.finding_id) FILTER (WHERE x.severity = 'critical')::INTEGER AS critical,
  count(x.finding_id) FILTER (WHERE x.severity = 'major')::INTEGER AS major,
  count(x.finding_id) FILTER (WHERE x.severity = 'minor')::INTEGER AS minor
FROM projects p LEFT JOIN findings x ON x.project_id = p.project_id
WHERE ${selected('projects', 'p')} AND ${counted(f, 'p')}
GROUP BY ALL
ORDER BY p.score ASC NULLS LAST, critical DESC, p.name, p.project_id
LIMIT ?`,
  }, limit);
  return decode(RANKED_PROJECT, await run(q.text, q.params));
}
