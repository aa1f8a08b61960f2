/**
 * The SQL the query modules (queries/) share, each fragment once: the selection a query reads (over
 * scope.ts's `sel_*` sets), money as exact fen, the severity order, a box plot's five numbers, the plan
 * flags' columns, and the reading report's page order.
 */
import { rank, SCALES } from './order';
import { scoped, type Filters, type Sql } from './scope';
import type { Param } from './values';

/** Exact money out of DuckDB: `(x * 100)::BIGINT AS <as>_fen`, never a float. */
export const fen = (expr: string, as: string) => `(${expr} * 100)::BIGINT AS ${as}_fen`;

/** The gravest first (the severities' own order, order.ts). */
export const severityOrder = rank('severity', SCALES.severity);

/** Each table's id and the scope's set of the selected ones. */
const SELECTION = {
  filings: ['filing_id', 'sel_filings'],
  projects: ['project_id', 'sel_projects'],
  indicators: ['indicator_id', 'sel_indicators'],
  findings: ['finding_id', 'sel_findings'],
} as const;

/**
 * Row `alias` is in the selection of `table`, by that table's id: `p.project_id IN (SELECT project_id FROM
 * sel_projects)` (a schedule or finding row by its project: `selected('projects', 's')`).
 */
export const selected = (table: keyof typeof SELECTION, alias: string) => {
  const [id, set] = SELECTION[table];
  return `${alias}.${id} IN (SELECT ${id} FROM ${set})`;
};

/** Filing `alias` has a selected project (the filings a view's projects come from). */
export const withSelectedProjects = (alias: string) => `${alias}.filing_id IN (SELECT p.filing_id FROM projects p WHERE ${selected('projects', 'p')})`;

/**
 * A query over the selection: the scope's `WITH`, the query's own named CTEs after it, then its body;
 * `params` are the CTEs' and the body's, in the order they appear.
 */
export function over(f: Filters, q: { with?: Readonly<Record<string, string>>; select: string }, ...params: Param[]): Sql {
  const ctes = Object.entries(q.with ?? {}).map(([name, body]) => `,\n  ${name} AS (${body})`).join('');
  return scoped(f, `${ctes}\n${q.select}`, ...params);
}

/** A box plot's five numbers of `expr`: min, q1, median, q3, max (their columns: FIVE). */
export const fiveNumbers = (expr: string) =>
  `min(${expr}) AS min, quantile_cont(${expr}, 0.25) AS q1, median(${expr}) AS median, quantile_cont(${expr}, 0.75) AS q3, max(${expr}) AS max`;

/** The columns of fiveNumbers, as a result shape (decode.ts). */
export const FIVE = { min: 'double', q1: 'double', median: 'double', q3: 'double', max: 'double' } as const;

/** The plan flags (quality/plan.ts), as the projects table stores them (`plan_<flag>`). */
export const PLAN_FLAGS = ['falls_back', 'short', 'over', 'blank'] as const;

/** Each flag of project `alias` under its own name: `p.plan_over AS over, …`. */
export const planFlagColumns = (alias: string) => PLAN_FLAGS.map((k) => `${alias}.plan_${k} AS ${k}`).join(', ');

/** Any flag of a row that has them under their own names (planFlagColumns). */
export const anyFlag = (alias: string) => PLAN_FLAGS.map((k) => `${alias}.${k}`).join(' OR ');

/** The reading report's order of filings: by county (those without last), year, file. */
export const filingOrder = (alias: string) =>
  `${alias}.county_code IS NULL, ${alias}.county_code, ${alias}.year, ${alias}.source_file, ${alias}.filing_id`;
