/** One project's page: the project and its filing, its plan and its peers' median, its indicators and findings. */
import { columnsOf, decode, ofTable, type RowOf } from '../decode';
import { fen, severityOrder } from '../sql';
import type { Run } from '../values';

const PROJECT_DETAIL = {
  project_id: 'text', filing_id: 'text', name: 'text', code: 'text?', kind: 'text', category: 'text?',
  budget_fen: 'fen?', fiscal_fen: 'fen?', other_fen: 'fen?', purpose: 'text?', goals: 'text?', complete: 'bool',
  source_lines: 'text?', source_text: 'text?', score: 'double?', band: 'text?',
  county_code: 'text?', year: 'int?', department: 'text', source_file: 'text', unit: 'text',
} as const;
export type ProjectDetail = RowOf<typeof PROJECT_DETAIL>;

export async function project(run: Run, id: string): Promise<ProjectDetail | null> {
  const rows = await run(`
SELECT p.project_id, p.filing_id, p.name, p.code, p.kind, p.category, ${fen('p.budget_yuan', 'budget')},
  ${fen('p.fiscal_yuan', 'fiscal')}, ${fen('p.other_yuan', 'other')}, p.purpose, p.goals, p.complete,
  p.source_lines, p.source_text, p.score, p.band, f.county_code, f.year, f.department, f.source_file, f.unit
FROM projects p JOIN filings f ON f.filing_id = p.filing_id
WHERE p.project_id = ?::VARCHAR`, [id]);
  return decode(PROJECT_DETAIL, rows)[0] ?? null;
}

const CURVE_POINT = { month: 'int', pct: 'double?', raw: 'text?' } as const;
export type CurvePoint = RowOf<typeof CURVE_POINT>;

export async function projectPlan(run: Run, id: string): Promise<CurvePoint[]> {
  const rows = await run(`SELECT month, cumulative_pct AS pct, raw FROM schedule WHERE project_id = ?::VARCHAR ORDER BY month`, [id]);
  return decode(CURVE_POINT, rows);
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
  return decode(CURVE_POINT, rows);
}

/** An indicator as the project page and the opinion show it: the indicators table's columns, the target in fen. */
export const INDICATOR_DETAIL = ofTable('indicators')({
  indicator_id: 'text', ordinal: 'int', level1: 'text?', level2: 'text?', level3: 'text?', description: 'text?',
  target_raw: 'text?', target_op: 'text?', target_value: 'double?', target_unit: 'text?', target_fen: 'fen?',
  quantitative: 'bool', basis: 'text?', grades: 'text?', source_line: 'int?', score: 'double?', band: 'text?',
  score_measurable: 'double?', score_fit: 'double?', score_clear: 'double?', score_evidenced: 'double?',
  /** The settings' criticalCap when a critical finding held the score to it (the parts then add up to more). */
  score_cap: 'double?',
} as const);
export type IndicatorDetail = RowOf<typeof INDICATOR_DETAIL>;

/** The columns of an `IndicatorDetail`. */
export const indicatorColumns = Object.keys(INDICATOR_DETAIL).map((k) => (k === 'target_fen' ? fen('target_yuan', 'target') : k)).join(', ');

export async function projectIndicators(run: Run, id: string): Promise<IndicatorDetail[]> {
  const rows = await run(`SELECT ${indicatorColumns} FROM indicators WHERE project_id = ?::VARCHAR ORDER BY ordinal`, [id]);
  return decode(INDICATOR_DETAIL, rows);
}

/** A finding, as the project page, the opinion and the reading report list it: the findings table's columns. */
export const FINDING = ofTable('findings')({
  finding_id: 'text', filing_id: 'text', project_id: 'text?', indicator_id: 'text?', rule_id: 'text', severity: 'text',
  message: 'text', message_en: 'text?', evidence: 'text?', level: 'text?', line: 'int?',
} as const);
export type Finding = RowOf<typeof FINDING> & {
  /** Where in a document (not text) the line is: `table 2 row 7`, `Sheet1!B12`, `p3 x120 y540` (the reading report's). */
  location?: string | null;
};

/** The columns of a `Finding`, but its location. */
export const findingColumns = columnsOf(FINDING);

/** Every finding on the project or one of its indicators, the gravest first. */
export async function projectFindings(run: Run, id: string): Promise<Finding[]> {
  const rows = await run(`
SELECT ${findingColumns} FROM findings WHERE project_id = ?::VARCHAR ORDER BY ${severityOrder}, rule_id, finding_id`, [id]);
  return decode(FINDING, rows);
}
