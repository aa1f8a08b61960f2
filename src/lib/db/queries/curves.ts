/**
 * The spending curves' questions: the selected plans with their flags, how many carry each flag, and each
 * county's median plan. The flags are the projects table's `plan_*` columns, as the ingest stored them: the
 * quality layer's one definition (src/lib/quality/plan.ts), the very flags the schedule-shape findings word.
 */
import { decode, each, type RowOf } from '../decode';
import type { Filters } from '../scope';
import { anyFlag, over, PLAN_FLAGS, planFlagColumns, selected } from '../sql';
import type { Run } from '../values';

/** Each selected project's plan flags, of those with a plan. */
const flags = `
    SELECT p.project_id, ${planFlagColumns('p')}
    FROM projects p WHERE ${selected('projects', 'p')} AND p.project_id IN (SELECT project_id FROM schedule)`;

const PLAN_POINT = {
  project_id: 'text', name: 'text', county_code: 'text?', year: 'int?', month: 'int', pct: 'double?', raw: 'text?', ...each(PLAN_FLAGS, 'bool'),
} as const;
export type PlanPoint = RowOf<typeof PLAN_POINT>;

/**
 * The plans of at most `limit` selected projects, four points each, with their flags: flagged plans first,
 * then the largest budgets. With `flaggedOnly`, flagged plans alone, the largest first.
 */
export async function plans(run: Run, f: Filters, limit: number, flaggedOnly = false): Promise<PlanPoint[]> {
  const q = over(f, {
    with: {
      flags,
      top: `
    SELECT g.*, p.name, p.budget_yuan, p.county_code, p.year, (${anyFlag('g')}) AS flagged
    FROM flags g JOIN projects p ON p.project_id = g.project_id
    ${flaggedOnly ? `WHERE ${anyFlag('g')}` : ''}
    ORDER BY flagged DESC, p.budget_yuan DESC NULLS LAST, g.project_id
    LIMIT ?`,
    },
    select: `
SELECT s.project_id, t.name, t.county_code, t.year, s.month, s.cumulative_pct AS pct, s.raw, ${PLAN_FLAGS.map((k) => `t.${k}`).join(', ')}
FROM top t JOIN schedule s ON s.project_id = t.project_id
ORDER BY t.flagged DESC, t.budget_yuan DESC NULLS LAST, t.project_id, s.month`,
  }, limit);
  return decode(PLAN_POINT, await run(q.text, q.params));
}

const PLAN_COUNT = {
  county_code: 'text?', projects: 'int',
  /** Projects with at least one planned month. */
  planned: 'int',
  /** Plans with any flag. */
  flagged: 'int',
  ...each(PLAN_FLAGS, 'int'),
} as const;
export type PlanCount = RowOf<typeof PLAN_COUNT>;

/** Per county: the selected projects, those with a plan, and how many plans carry each flag. */
export async function planCounts(run: Run, f: Filters): Promise<PlanCount[]> {
  const q = over(f, {
    with: {
      flags,
      planned: `SELECT DISTINCT s.project_id FROM schedule s WHERE s.cumulative_pct IS NOT NULL AND ${selected('projects', 's')}`,
    },
    select: `
SELECT p.county_code, count(*)::INTEGER AS projects, count(d.project_id)::INTEGER AS planned,
  count(*) FILTER (WHERE ${anyFlag('g')})::INTEGER AS flagged,
  ${PLAN_FLAGS.map((k) => `count(*) FILTER (WHERE g.${k})::INTEGER AS ${k}`).join(', ')}
FROM projects p LEFT JOIN flags g ON g.project_id = p.project_id LEFT JOIN planned d ON d.project_id = p.project_id
WHERE ${selected('projects', 'p')}
GROUP BY p.county_code
ORDER BY p.county_code`,
  });
  return decode(PLAN_COUNT, await run(q.text, q.params));
}

const MEDIAN_POINT = { county_code: 'text?', month: 'int', pct: 'double', projects: 'int' } as const;
export type MedianPoint = RowOf<typeof MEDIAN_POINT>;

/** Each county's median plan over the selected projects. */
export async function medians(run: Run, f: Filters): Promise<MedianPoint[]> {
  const q = over(f, {
    select: `
SELECT s.county_code, s.month, median(s.cumulative_pct) AS pct, count(*)::INTEGER AS projects
FROM schedule s
WHERE ${selected('projects', 's')} AND s.cumulative_pct IS NOT NULL
GROUP BY s.county_code, s.month
ORDER BY s.county_code, s.month`,
  });
  return decode(MEDIAN_POINT, await run(q.text, q.params));
}
