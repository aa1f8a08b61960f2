/** The overview's questions: each county's totals and budget mix, and the spread of project sizes. */
import { decode, type RowOf } from '../decode';
import { counted } from '../partial';
import type { Filters } from '../scope';
import { FIVE, fen, fiveNumbers, over, selected, withSelectedProjects } from '../sql';
import type { Run } from '../values';

/** The project kinds whose budgets the overview totals column by column (`<kind>_fen`): the bars and 对比 read these. */
export const KINDS = ['project', 'personnel', 'operating', 'activity'] as const;

const COUNTY_ROW = {
  county_code: 'text?', years: 'text?', filings: 'int', projects: 'int', indicators: 'int',
  budget_fen: 'fen?', project_fen: 'fen?', personnel_fen: 'fen?', operating_fen: 'fen?', activity_fen: 'fen?',
  mean_score: 'double?', filing_score: 'double?',
  /** Projects whose score counts in the mean (partial rubric left out unless asked), and those scored on a partial rubric. */
  scored: 'int', partial: 'int',
} as const;
export type CountyRow = RowOf<typeof COUNTY_ROW>;

export async function counties(run: Run, f: Filters): Promise<CountyRow[]> {
  const q = over(f, {
    with: {
      pc: `
    SELECT p.county_code, array_to_string(list_sort(list(DISTINCT p.year)), ', ') AS years,
      count(DISTINCT p.filing_id)::INTEGER AS filings, count(*)::INTEGER AS projects,
      ${fen('sum(p.budget_yuan)', 'budget')},
      ${KINDS.map((k) => fen(`coalesce(sum(p.budget_yuan) FILTER (WHERE p.kind = '${k}'), 0)`, k)).join(',\n      ')},
      avg(p.score) FILTER (WHERE ${counted(f, 'p')}) AS mean_score,
      count(p.score) FILTER (WHERE ${counted(f, 'p')})::INTEGER AS scored,
      count(*) FILTER (WHERE coalesce(p.partial_rubric, false))::INTEGER AS partial
    FROM projects p
    WHERE ${selected('projects', 'p')}
    GROUP BY p.county_code`,
      ic: `
    SELECT i.county_code, count(*)::INTEGER AS indicators
    FROM indicators i
    WHERE ${selected('indicators', 'i')}
    GROUP BY i.county_code`,
      fc: `
    SELECT f.county_code, avg(f.score) FILTER (WHERE ${counted(f, 'f')}) AS filing_score FROM filings f
    WHERE ${withSelectedProjects('f')}
    GROUP BY f.county_code`,
    },
    select: `
SELECT pc.*, coalesce(ic.indicators, 0)::INTEGER AS indicators, fc.filing_score
FROM pc LEFT JOIN ic ON ic.county_code IS NOT DISTINCT FROM pc.county_code LEFT JOIN fc ON fc.county_code IS NOT DISTINCT FROM pc.county_code
ORDER BY pc.county_code IS NULL, pc.budget_fen DESC NULLS LAST, pc.county_code`,
  });
  return decode(COUNTY_ROW, await run(q.text, q.params));
}

const SIZE_ROW = { project_id: 'text', county_code: 'text?', name: 'text', kind: 'text', budget_fen: 'fen' } as const;
export type SizeRow = RowOf<typeof SIZE_ROW>;

/** Every selected project's budget (the dots of the size spread), or null when there are more than `limit`. */
export async function sizes(run: Run, f: Filters, limit = 5000): Promise<SizeRow[] | null> {
  const q = over(f, {
    select: `
SELECT p.project_id, p.county_code, p.name, p.kind, ${fen('p.budget_yuan', 'budget')}
FROM projects p
WHERE ${selected('projects', 'p')} AND p.budget_yuan > 0
ORDER BY p.county_code, p.budget_yuan, p.project_id
LIMIT ?`,
  }, limit + 1);
  const rows = await run(q.text, q.params);
  return rows.length > limit ? null : decode(SIZE_ROW, rows);
}

const SIZE_SPREAD = { county_code: 'text?', n: 'int', ...FIVE } as const;
export type SizeSpread = RowOf<typeof SIZE_SPREAD>;

/** Per county, the five numbers of a box plot of the selected projects' budgets, in 万元 (floats, for drawing). */
export async function sizeSpread(run: Run, f: Filters): Promise<SizeSpread[]> {
  const q = over(f, {
    select: `
SELECT p.county_code, count(*)::INTEGER AS n, ${fiveNumbers('w')}
FROM (SELECT p.county_code, p.budget_yuan::DOUBLE / 10000 AS w FROM projects p WHERE ${selected('projects', 'p')} AND p.budget_yuan > 0) p
GROUP BY p.county_code
ORDER BY p.county_code`,
  });
  return decode(SIZE_SPREAD, await run(q.text, q.params));
}
