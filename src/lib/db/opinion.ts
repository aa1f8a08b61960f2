/**
 * What a filing's review opinion (审核意见) shows: the filing's header and score, its projects with their
 * original text, every indicator, and every finding, each placed once — on its indicator's row, else under
 * its project, else on the filing — so the counts by severity are the findings the page lists.
 */
import { decode, type RowOf } from './decode';
import { fen, FINDING, findingColumns, INDICATOR_DETAIL, indicatorColumns, severityOrder, type Finding } from './queries';
import type { Run } from './values';

const OPINION_FILING = {
  filing_id: 'text', source_file: 'text', county_code: 'text?', year: 'int?', department: 'text', unit: 'text',
  budget_fen: 'fen?', score: 'double?', band: 'text?', partial_rubric: 'bool',
  /** The mean of each part of the filing's indicator scores; null where no indicator has the part. */
  measurable: 'double?', fit: 'double?', clear: 'double?', evidenced: 'double?',
  /** Findings by severity. */
  critical: 'int', major: 'int', minor: 'int', info: 'int',
} as const;
export type OpinionFiling = RowOf<typeof OPINION_FILING>;

const OPINION_PROJECT = {
  project_id: 'text', ordinal: 'int', name: 'text', code: 'text?', kind: 'text', category: 'text?', budget_fen: 'fen?',
  score: 'double?', band: 'text?', complete: 'bool', source_lines: 'text?', source_text: 'text?',
} as const;
export type OpinionProject = RowOf<typeof OPINION_PROJECT>;

const OPINION_INDICATOR = { project_id: 'text', ...INDICATOR_DETAIL } as const;
export type OpinionIndicator = RowOf<typeof OPINION_INDICATOR>;

export interface Opinion {
  filing: OpinionFiling;
  projects: OpinionProject[];
  indicators: OpinionIndicator[];
  findings: Finding[];
}

/** The review opinion of a filing; null when there is no such filing. */
export async function opinion(run: Run, id: string): Promise<Opinion | null> {
  const [filings, projects, indicators, findings] = await Promise.all([
    run(`
WITH parts AS (
  SELECT avg(score_measurable) AS measurable, avg(score_fit) AS fit, avg(score_clear) AS clear, avg(score_evidenced) AS evidenced
  FROM indicators WHERE filing_id = ?::VARCHAR),
counts AS (
  SELECT count(*) FILTER (WHERE severity = 'critical')::INTEGER AS critical, count(*) FILTER (WHERE severity = 'major')::INTEGER AS major,
    count(*) FILTER (WHERE severity = 'minor')::INTEGER AS minor, count(*) FILTER (WHERE severity = 'info')::INTEGER AS info
  FROM findings WHERE filing_id = ?::VARCHAR)
SELECT f.filing_id, f.source_file, f.county_code, f.year, f.department, f.unit, ${fen('f.budget_yuan', 'budget')},
  f.score, f.band, coalesce(f.partial_rubric, false) AS partial_rubric, parts.*, counts.*
FROM filings f, parts, counts WHERE f.filing_id = ?::VARCHAR`, [id, id, id]),
    run(`
SELECT project_id, ordinal, name, code, kind, category, ${fen('budget_yuan', 'budget')}, score, band, complete, source_lines, source_text
FROM projects WHERE filing_id = ?::VARCHAR ORDER BY ordinal`, [id]),
    run(`SELECT project_id, ${indicatorColumns} FROM indicators WHERE filing_id = ?::VARCHAR ORDER BY project_id, ordinal`, [id]),
    run(`SELECT ${findingColumns} FROM findings WHERE filing_id = ?::VARCHAR ORDER BY ${severityOrder}, rule_id, finding_id`, [id]),
  ]);
  if (filings.length === 0) return null;
  return {
    filing: decode(OPINION_FILING, filings)[0],
    projects: decode(OPINION_PROJECT, projects),
    indicators: decode(OPINION_INDICATOR, indicators),
    findings: decode(FINDING, findings),
  };
}

export interface Placed {
  /** By indicator id. */
  indicator: Map<string, Finding[]>;
  /** By project id: the project's findings that name no indicator. */
  project: Map<string, Finding[]>;
  /** The findings that name no project. */
  filing: Finding[];
}

/** Each finding in one place: its indicator's row, else its project, else the filing (order kept). */
export function placeFindings(findings: readonly Finding[]): Placed {
  const placed: Placed = { indicator: new Map(), project: new Map(), filing: [] };
  const add = (map: Map<string, Finding[]>, key: string, f: Finding) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const f of findings) {
    if (f.indicator_id != null) add(placed.indicator, f.indicator_id, f);
    else if (f.project_id != null) add(placed.project, f.project_id, f);
    else placed.filing.push(f);
  }
  return placed;
}
