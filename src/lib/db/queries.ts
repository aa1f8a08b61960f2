/**
 * Every question the views ask, as SQL over the contract's tables. Money leaves DuckDB as exact fen
 * (`(x * 100)::BIGINT AS x_fen`), never as a float; filter values are bound parameters (see scope.ts).
 * A county is its filing's `county_code` (names are not unique: Hebei has two 新华区). Every table carries
 * the code and year, so a query groups by its own table's columns without joining filings; rows carry the
 * code and the views label it with `countyNames` (null: the filings without a code).
 */
import { NO_FILTERS, scoped, type Filters, type Sql } from './scope';
import type { Param, Row, Run } from './values';

const exec = (run: Run, q: Sql) => run(q.text, q.params);
export const fen = (expr: string, as: string) => `(${expr} * 100)::BIGINT AS ${as}_fen`;

/** The gravest first. */
export const severityOrder = `CASE severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END`;

/** Project ids of the selection, as a join condition on alias p. */
const inProjects = 'p.project_id IN (SELECT project_id FROM sel_projects)';

// ── filter choices ────────────────────────────────────────────────────────────────────────────────
export interface Choices {
  /** County codes, null for the filings without one. */
  county: (string | null)[];
  year: number[];
  department: string[];
  department_kind: string[];
  kind: string[];
  level1: string[];
  level2: string[];
  band: string[];
  rule: string[];
}

export async function choices(run: Run): Promise<Choices> {
  const rows = await run(`
    SELECT 'county' AS k, county_code AS v, NULL::INTEGER AS n FROM filings GROUP BY county_code
    UNION ALL SELECT 'year', NULL, year FROM filings WHERE year IS NOT NULL GROUP BY year
    UNION ALL SELECT 'department', department, NULL FROM filings GROUP BY department
    UNION ALL SELECT 'department_kind', department_kind, NULL FROM filings WHERE department_kind IS NOT NULL GROUP BY department_kind
    UNION ALL SELECT 'kind', kind, NULL FROM projects GROUP BY kind
    UNION ALL SELECT 'level1', level1, NULL FROM indicators WHERE level1 IS NOT NULL GROUP BY level1
    UNION ALL SELECT 'level2', level2, NULL FROM indicators WHERE level2 IS NOT NULL GROUP BY level2
    UNION ALL SELECT 'band', band, NULL FROM projects WHERE band IS NOT NULL GROUP BY band
    UNION ALL SELECT 'rule', rule_id, NULL FROM findings GROUP BY rule_id
    ORDER BY k, v NULLS LAST, n`);
  const c: Choices = { county: [], year: [], department: [], department_kind: [], kind: [], level1: [], level2: [], band: [], rule: [] };
  for (const r of rows) {
    const k = r.k as keyof Choices;
    if (k === 'year') c.year.push(r.n as number);
    else (c[k] as (string | null)[]).push(r.v as string | null);
  }
  return c;
}

/** What labels a county code: its name and prefecture, as its filings give them (either may be unknown). */
export interface CountyName {
  county: string | null;
  city: string | null;
}

/** Each county code's name and prefecture. */
export async function countyNames(run: Run): Promise<Record<string, CountyName>> {
  const rows = await run(`
SELECT county_code, min(county) AS county, min(city) AS city FROM filings
WHERE county_code IS NOT NULL GROUP BY county_code ORDER BY county_code`);
  return Object.fromEntries(rows.map((r) => [r.county_code as string, { county: r.county as string | null, city: r.city as string | null }]));
}

/** The departments of the selected county and year (at province scale the full list is too long to offer). */
export async function departments(run: Run, f: Filters): Promise<string[]> {
  const rows = await exec(run, scoped({ ...NO_FILTERS, county: f.county, year: f.year }, `
SELECT DISTINCT department FROM filings f WHERE f.filing_id IN (SELECT filing_id FROM sel_filings) ORDER BY department`));
  return rows.map((r) => r.department as string);
}

// ── overview ─────────────────────────────────────────────────────────────────────────────────────
export interface CountyRow {
  county_code: string | null;
  years: string | null;
  filings: number;
  projects: number;
  indicators: number;
  budget_fen: bigint | null;
  project_fen: bigint | null;
  personnel_fen: bigint | null;
  operating_fen: bigint | null;
  activity_fen: bigint | null;
  mean_score: number | null;
  filing_score: number | null;
}

export async function counties(run: Run, f: Filters): Promise<CountyRow[]> {
  const kinds = ['project', 'personnel', 'operating', 'activity'];
  const rows = await exec(run, scoped(f, `,
  pc AS (
    SELECT p.county_code, array_to_string(list_sort(list(DISTINCT p.year)), ', ') AS years,
      count(DISTINCT p.filing_id)::INTEGER AS filings, count(*)::INTEGER AS projects,
      ${fen('sum(p.budget_yuan)', 'budget')},
      ${kinds.map((k) => fen(`coalesce(sum(p.budget_yuan) FILTER (WHERE p.kind = '${k}'), 0)`, k)).join(',\n      ')},
      avg(p.score) AS mean_score
    FROM projects p
    WHERE ${inProjects}
    GROUP BY p.county_code),
  ic AS (
    SELECT i.county_code, count(*)::INTEGER AS indicators
    FROM indicators i
    WHERE i.indicator_id IN (SELECT indicator_id FROM sel_indicators)
    GROUP BY i.county_code),
  fc AS (
    SELECT f.county_code, avg(f.score) AS filing_score FROM filings f
    WHERE f.filing_id IN (SELECT p.filing_id FROM projects p WHERE ${inProjects})
    GROUP BY f.county_code)
SELECT pc.*, coalesce(ic.indicators, 0)::INTEGER AS indicators, fc.filing_score
FROM pc LEFT JOIN ic ON ic.county_code IS NOT DISTINCT FROM pc.county_code LEFT JOIN fc ON fc.county_code IS NOT DISTINCT FROM pc.county_code
ORDER BY pc.county_code IS NULL, pc.budget_fen DESC NULLS LAST, pc.county_code`));
  return rows as unknown as CountyRow[];
}

export interface SizeRow {
  project_id: string;
  county_code: string | null;
  name: string;
  kind: string;
  budget_fen: bigint;
}

/** Every selected project's budget (the dots of the size spread), or null when there are more than `limit`. */
export async function sizes(run: Run, f: Filters, limit = 5000): Promise<SizeRow[] | null> {
  const rows = await exec(run, scoped(f, `
SELECT p.project_id, p.county_code, p.name, p.kind, ${fen('p.budget_yuan', 'budget')}
FROM projects p
WHERE ${inProjects} AND p.budget_yuan > 0
ORDER BY p.county_code, p.budget_yuan, p.project_id
LIMIT ?`, limit + 1));
  return rows.length > limit ? null : (rows as unknown as SizeRow[]);
}

export interface SizeSpread {
  county_code: string | null;
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Per county, the five numbers of a box plot of the selected projects' budgets, in 万元 (floats, for drawing). */
export async function sizeSpread(run: Run, f: Filters): Promise<SizeSpread[]> {
  const rows = await exec(run, scoped(f, `
SELECT p.county_code, count(*)::INTEGER AS n, min(w) AS min, quantile_cont(w, 0.25) AS q1, median(w) AS median,
  quantile_cont(w, 0.75) AS q3, max(w) AS max
FROM (SELECT p.county_code, p.budget_yuan::DOUBLE / 10000 AS w FROM projects p WHERE ${inProjects} AND p.budget_yuan > 0) p
GROUP BY p.county_code
ORDER BY p.county_code`));
  return rows as unknown as SizeSpread[];
}

// ── spending curves ──────────────────────────────────────────────────────────────────────────────
export interface PlanPoint {
  project_id: string;
  name: string;
  county_code: string | null;
  year: number | null;
  month: number;
  pct: number | null;
  raw: string | null;
  falls_back: boolean;
  short: boolean;
  over: boolean;
  blank: boolean;
}

/**
 * Each selected project's plan flags (of those with a plan), as the ingest stored them: the quality
 * layer's one definition (src/lib/quality/plan.ts), the very flags the schedule-shape findings word.
 */
const planFlags = `,
  flags AS (
    SELECT p.project_id, p.plan_falls_back AS falls_back, p.plan_short AS short, p.plan_over AS over, p.plan_blank AS blank
    FROM projects p WHERE p.project_id IN (SELECT project_id FROM sel_projects) AND p.project_id IN (SELECT project_id FROM schedule))`;

/**
 * The plans of at most `limit` selected projects, four points each, with their flags: flagged plans first,
 * then the largest budgets. With `flaggedOnly`, flagged plans alone, the largest first.
 */
export async function plans(run: Run, f: Filters, limit: number, flaggedOnly = false): Promise<PlanPoint[]> {
  const flagged = 'g.falls_back OR g.short OR g.over OR g.blank';
  const rows = await exec(run, scoped(f, `${planFlags},
  top AS (
    SELECT g.*, p.name, p.budget_yuan, p.county_code, p.year, (${flagged}) AS flagged
    FROM flags g JOIN projects p ON p.project_id = g.project_id
    ${flaggedOnly ? `WHERE ${flagged}` : ''}
    ORDER BY flagged DESC, p.budget_yuan DESC NULLS LAST, g.project_id
    LIMIT ?)
SELECT s.project_id, t.name, t.county_code, t.year, s.month, s.cumulative_pct AS pct, s.raw, t.falls_back, t.short, t.over, t.blank
FROM top t JOIN schedule s ON s.project_id = t.project_id
ORDER BY t.flagged DESC, t.budget_yuan DESC NULLS LAST, t.project_id, s.month`, limit));
  return rows as unknown as PlanPoint[];
}

export interface PlanCount {
  county_code: string | null;
  projects: number;
  /** Projects with at least one planned month. */
  planned: number;
  /** Plans with any flag. */
  flagged: number;
  falls_back: number;
  short: number;
  over: number;
  blank: number;
}

/** Per county: the selected projects, those with a plan, and how many plans carry each flag. */
export async function planCounts(run: Run, f: Filters): Promise<PlanCount[]> {
  const rows = await exec(run, scoped(f, `${planFlags},
  planned AS (SELECT DISTINCT project_id FROM schedule WHERE cumulative_pct IS NOT NULL AND project_id IN (SELECT project_id FROM sel_projects))
SELECT p.county_code, count(*)::INTEGER AS projects, count(d.project_id)::INTEGER AS planned,
  count(*) FILTER (WHERE g.falls_back OR g.short OR g.over OR g.blank)::INTEGER AS flagged,
  count(*) FILTER (WHERE g.falls_back)::INTEGER AS falls_back, count(*) FILTER (WHERE g.short)::INTEGER AS short,
  count(*) FILTER (WHERE g.over)::INTEGER AS over, count(*) FILTER (WHERE g.blank)::INTEGER AS blank
FROM projects p LEFT JOIN flags g ON g.project_id = p.project_id LEFT JOIN planned d ON d.project_id = p.project_id
WHERE ${inProjects}
GROUP BY p.county_code
ORDER BY p.county_code`));
  return rows as unknown as PlanCount[];
}

export interface MedianPoint {
  county_code: string | null;
  month: number;
  pct: number;
  projects: number;
}

/** Each county's median plan over the selected projects. */
export async function medians(run: Run, f: Filters): Promise<MedianPoint[]> {
  const rows = await exec(run, scoped(f, `
SELECT s.county_code, s.month, median(s.cumulative_pct) AS pct, count(*)::INTEGER AS projects
FROM schedule s
WHERE s.project_id IN (SELECT project_id FROM sel_projects) AND s.cumulative_pct IS NOT NULL
GROUP BY s.county_code, s.month
ORDER BY s.county_code, s.month`));
  return rows as unknown as MedianPoint[];
}

// ── indicator quality ────────────────────────────────────────────────────────────────────────────
export interface ScoreSpread {
  county_code: string | null;
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** Indicator scores per county: the five numbers of a box plot, and the mean. */
export async function scoreSpread(run: Run, f: Filters): Promise<ScoreSpread[]> {
  const rows = await exec(run, scoped(f, `
SELECT i.county_code, count(*)::INTEGER AS n, min(i.score) AS min, quantile_cont(i.score, 0.25) AS q1,
  median(i.score) AS median, quantile_cont(i.score, 0.75) AS q3, max(i.score) AS max, avg(i.score) AS mean
FROM indicators i
WHERE i.indicator_id IN (SELECT indicator_id FROM sel_indicators) AND i.score IS NOT NULL
GROUP BY i.county_code
ORDER BY i.county_code IS NULL, median DESC, i.county_code`));
  return rows as unknown as ScoreSpread[];
}

export interface BandCount {
  county_code: string | null;
  band: string;
  n: number;
}

/** Indicators per county and band (优/良/中/差). */
export async function bandCounts(run: Run, f: Filters): Promise<BandCount[]> {
  const rows = await exec(run, scoped(f, `
SELECT i.county_code, i.band, count(*)::INTEGER AS n
FROM indicators i
WHERE i.indicator_id IN (SELECT indicator_id FROM sel_indicators) AND i.band IS NOT NULL
GROUP BY ALL
ORDER BY i.county_code, i.band`));
  return rows as unknown as BandCount[];
}

export interface RuleShare {
  county_code: string | null;
  rule_id: string;
  level: string;
  severity: string;
  hits: number;
  subjects: number;
}

/**
 * Rules × counties: how many of a county's selected indicators (or projects, or filings — whatever the
 * rule is about) have a finding of the rule. Reading findings (`parse/…`) are in the reading report.
 */
export async function ruleShares(run: Run, f: Filters): Promise<RuleShare[]> {
  const rows = await exec(run, scoped(f, `,
  subjects AS (
    SELECT i.county_code, 'indicator' AS about, count(*)::INTEGER AS n
    FROM indicators i
    WHERE i.indicator_id IN (SELECT indicator_id FROM sel_indicators) GROUP BY i.county_code
    UNION ALL
    SELECT p.county_code, 'project', count(*)::INTEGER FROM projects p
    WHERE ${inProjects} GROUP BY p.county_code
    UNION ALL
    SELECT f.county_code, 'filing', count(*)::INTEGER FROM filings f
    WHERE f.filing_id IN (SELECT p.filing_id FROM projects p WHERE ${inProjects}) GROUP BY f.county_code),
  flagged AS (
    SELECT x.* FROM findings x
    WHERE x.finding_id IN (SELECT finding_id FROM sel_findings) AND NOT starts_with(x.rule_id, 'parse/')),
  -- what a rule counts: the finest row its findings name (indicator, else project, else filing)
  rules AS (
    SELECT rule_id, any_value(level) AS level, arg_min(severity, ${severityOrder}) AS severity,
      CASE WHEN bool_or(indicator_id IS NOT NULL) THEN 'indicator' WHEN bool_or(project_id IS NOT NULL) THEN 'project' ELSE 'filing' END AS about
    FROM flagged GROUP BY rule_id),
  hits AS (
    SELECT x.county_code, r.rule_id, r.level, r.severity, r.about,
      count(DISTINCT CASE r.about WHEN 'indicator' THEN x.indicator_id WHEN 'project' THEN x.project_id ELSE x.filing_id END)::INTEGER AS hits
    FROM flagged x JOIN rules r ON r.rule_id = x.rule_id
    GROUP BY ALL)
SELECT h.county_code, h.rule_id, h.level, h.severity, h.hits, s.n AS subjects
FROM hits h JOIN subjects s ON s.county_code IS NOT DISTINCT FROM h.county_code AND s.about = h.about
ORDER BY h.rule_id, h.county_code`));
  return rows as unknown as RuleShare[];
}

export interface RankedProject {
  project_id: string;
  name: string;
  county_code: string | null;
  year: number | null;
  kind: string;
  score: number | null;
  band: string | null;
  budget_fen: bigint | null;
  critical: number;
  major: number;
  minor: number;
}

/** The selected projects, worst score first. */
export async function worstProjects(run: Run, f: Filters, limit = 20): Promise<RankedProject[]> {
  const rows = await exec(run, scoped(f, `
SELECT p.project_id, p.name, p.county_code, p.year, p.kind, p.score, p.band, ${fen('p.budget_yuan', 'budget')},
  count(x.finding_id) FILTER (WHERE x.severity = 'critical')::INTEGER AS critical,
  count(x.finding_id) FILTER (WHERE x.severity = 'major')::INTEGER AS major,
  count(x.finding_id) FILTER (WHERE x.severity = 'minor')::INTEGER AS minor
FROM projects p LEFT JOIN findings x ON x.project_id = p.project_id
WHERE ${inProjects}
GROUP BY ALL
ORDER BY p.score ASC NULLS LAST, critical DESC, p.name, p.project_id
LIMIT ?`, limit));
  return rows as unknown as RankedProject[];
}

// ── one project ──────────────────────────────────────────────────────────────────────────────────
export interface ProjectDetail {
  project_id: string;
  filing_id: string;
  name: string;
  code: string | null;
  kind: string;
  category: string | null;
  budget_fen: bigint | null;
  fiscal_fen: bigint | null;
  other_fen: bigint | null;
  purpose: string | null;
  goals: string | null;
  complete: boolean;
  source_lines: string | null;
  source_text: string | null;
  score: number | null;
  band: string | null;
  county_code: string | null;
  year: number | null;
  department: string;
  source_file: string;
  unit: string;
}

export async function project(run: Run, id: string): Promise<ProjectDetail | null> {
  const rows = await run(`
SELECT p.project_id, p.filing_id, p.name, p.code, p.kind, p.category, ${fen('p.budget_yuan', 'budget')},
  ${fen('p.fiscal_yuan', 'fiscal')}, ${fen('p.other_yuan', 'other')}, p.purpose, p.goals, p.complete,
  p.source_lines, p.source_text, p.score, p.band, f.county_code, f.year, f.department, f.source_file, f.unit
FROM projects p JOIN filings f ON f.filing_id = p.filing_id
WHERE p.project_id = ?::VARCHAR`, [id]);
  return (rows[0] as unknown as ProjectDetail) ?? null;
}

export interface CurvePoint {
  month: number;
  pct: number | null;
  raw: string | null;
}

export async function projectPlan(run: Run, id: string): Promise<CurvePoint[]> {
  const rows = await run(`SELECT month, cumulative_pct AS pct, raw FROM schedule WHERE project_id = ?::VARCHAR ORDER BY month`, [id]);
  return rows as unknown as CurvePoint[];
}

/** The median plan of the other projects of the project's county and year (of its filing, without a county). */
export async function peerMedian(run: Run, id: string): Promise<CurvePoint[]> {
  const rows = await run(`
WITH me AS (SELECT filing_id, county_code, year FROM projects WHERE project_id = ?::VARCHAR)
SELECT s.month, median(s.cumulative_pct) AS pct, NULL::VARCHAR AS raw
FROM schedule s, me
WHERE s.cumulative_pct IS NOT NULL
  AND (CASE WHEN me.county_code IS NULL THEN s.filing_id = me.filing_id ELSE s.county_code = me.county_code AND s.year IS NOT DISTINCT FROM me.year END)
GROUP BY s.month ORDER BY s.month`, [id]);
  return rows as unknown as CurvePoint[];
}

export interface IndicatorDetail {
  indicator_id: string;
  ordinal: number;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  description: string | null;
  target_raw: string | null;
  target_op: string | null;
  target_value: number | null;
  target_unit: string | null;
  target_fen: bigint | null;
  quantitative: boolean;
  basis: string | null;
  grades: string | null;
  source_line: number | null;
  score: number | null;
  band: string | null;
  score_measurable: number | null;
  score_fit: number | null;
  score_clear: number | null;
  score_evidenced: number | null;
}

/** The columns of an `IndicatorDetail`. */
export const indicatorColumns = `indicator_id, ordinal, level1, level2, level3, description, target_raw, target_op, target_value, target_unit,
  ${fen('target_yuan', 'target')}, quantitative, basis, grades, source_line, score, band,
  score_measurable, score_fit, score_clear, score_evidenced`;

export async function projectIndicators(run: Run, id: string): Promise<IndicatorDetail[]> {
  const rows = await run(`SELECT ${indicatorColumns} FROM indicators WHERE project_id = ?::VARCHAR ORDER BY ordinal`, [id]);
  return rows as unknown as IndicatorDetail[];
}

export interface Finding {
  finding_id: string;
  filing_id: string;
  project_id: string | null;
  indicator_id: string | null;
  rule_id: string;
  severity: string;
  message: string;
  evidence: string | null;
  level: string | null;
  line: number | null;
  /** Where in a document (not text) the line is: `table 2 row 7`, `Sheet1!B12`, `p3 x120 y540`. */
  location?: string | null;
}

/** Every finding on the project or one of its indicators, the gravest first. */
/** The columns of a `Finding`, but its location. */
export const findingColumns = 'finding_id, filing_id, project_id, indicator_id, rule_id, severity, message, evidence, level, line';

export async function projectFindings(run: Run, id: string): Promise<Finding[]> {
  const rows = await run(`
SELECT ${findingColumns} FROM findings WHERE project_id = ?::VARCHAR ORDER BY ${severityOrder}, rule_id, finding_id`, [id]);
  return rows as unknown as Finding[];
}

// ── reading report ───────────────────────────────────────────────────────────────────────────────
export interface ReadingFiling {
  filing_id: string;
  source_file: string;
  county_code: string | null;
  year: number | null;
  department: string;
  unit: string;
  layout: string;
  status: string;
  encoding: string | null;
  format: string | null;
  lines_total: number;
  lines_used: number;
  projects: number;
  /** Every finding of the filing (the rules' and the reading's), by severity: the opinion lists them. */
  findings_critical: number;
  findings_major: number;
  findings_minor: number;
  findings_info: number;
}

/** The page of selected filings the reading report shows (in county, year, file order), as a CTE. */
const readingPage = `,
  page AS (
    SELECT f.filing_id FROM filings f WHERE f.filing_id IN (SELECT filing_id FROM sel_filings)
    ORDER BY f.county_code IS NULL, f.county_code, f.year, f.source_file, f.filing_id LIMIT ? OFFSET ?)`;

export async function readingCount(run: Run, f: Filters): Promise<number> {
  const rows = await exec(run, scoped(f, `SELECT count(*)::INTEGER AS n FROM sel_filings`));
  return rows[0].n as number;
}

export async function readingFilings(run: Run, f: Filters, limit: number, offset: number): Promise<ReadingFiling[]> {
  const s = scoped(f, readingPage);
  const rows = await run(`${s.text}
SELECT f.filing_id, f.source_file, f.county_code, f.year, f.department, f.unit, f.layout, f.status, f.encoding, f.format,
  f.lines_total, f.lines_used, (SELECT count(*) FROM projects p WHERE p.filing_id = f.filing_id)::INTEGER AS projects,
  f.findings_critical, f.findings_major, f.findings_minor, f.findings_info
FROM filings f WHERE f.filing_id IN (SELECT filing_id FROM page)
ORDER BY f.county_code IS NULL, f.county_code, f.year, f.source_file, f.filing_id`, [...s.params, limit, offset]);
  return rows as unknown as ReadingFiling[];
}

/** What reading the page's filings found (`parse/…`), unused lines included, in source order. */
export async function readingFindings(run: Run, f: Filters, limit: number, offset: number): Promise<Finding[]> {
  const s = scoped({ ...f, q: null }, readingPage);
  const params: Param[] = [...s.params, limit, offset];
  if (f.rule != null) params.push(f.rule);
  if (f.q != null) params.push(f.q);
  const rows = await run(`${s.text}
SELECT x.finding_id, x.filing_id, x.project_id, x.indicator_id, x.rule_id, x.severity, x.message, x.evidence, x.level, x.line, x.location
FROM findings x
WHERE x.filing_id IN (SELECT filing_id FROM page) AND starts_with(x.rule_id, 'parse/')
  ${f.rule == null ? '' : 'AND x.rule_id = ?::VARCHAR'}
  ${f.q == null ? '' : `AND contains(lower(concat_ws(' ', x.rule_id, x.message, x.evidence)), lower(?::VARCHAR))`}
ORDER BY x.filing_id, x.line NULLS FIRST, x.finding_id`, params);
  return rows as unknown as Finding[];
}

export type { Row };
