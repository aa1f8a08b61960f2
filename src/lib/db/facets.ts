/**
 * Facets, as Datasette's: each filter's values with how many rows choosing it would give in the current
 * selection — the selection with every other filter applied and this one's own value left out, so the
 * values beside the chosen one stay offered. A value absent from that selection is not listed at all.
 */
import { levelLabel, NO_COUNTY, scoped, type FilterKey, type Filters } from './scope';
import type { Run } from './values';

/** What a facet counts: the selected projects, indicators or findings. */
export type FacetRows = 'projects' | 'indicators' | 'findings';

/** Each faceted filter: the rows it counts and the SQL of its value (as the filter bar's option value). */
export const FACETS = {
  county: { rows: 'projects', value: `coalesce(p.county_code, '${NO_COUNTY}')` },
  year: { rows: 'projects', value: 'p.year::VARCHAR' },
  department: { rows: 'projects', value: 'p.department' },
  kind: { rows: 'projects', value: 'p.kind' },
  level1: { rows: 'indicators', value: levelLabel('i', 1) },
  level2: { rows: 'indicators', value: levelLabel('i', 2) },
  band: { rows: 'projects', value: 'p.band' },
  rule: { rows: 'findings', value: 'x.rule_id' },
} as const satisfies Partial<Record<FilterKey, { rows: FacetRows; value: string }>>;

export type FacetKey = keyof typeof FACETS;
export const FACET_KEYS = Object.keys(FACETS) as FacetKey[];

/** Each facet's values (those present) and their counts. */
export type Facets = Record<FacetKey, { value: string; n: number }[]>;

const ROWS: Record<FacetRows, string> = {
  projects: 'projects p WHERE p.project_id IN (SELECT project_id FROM sel_projects)',
  indicators: 'indicators i WHERE i.indicator_id IN (SELECT indicator_id FROM sel_indicators)',
  findings: 'findings x WHERE x.finding_id IN (SELECT finding_id FROM sel_findings)',
};

const facetSql = (k: FacetKey) =>
  `SELECT '${k}' AS k, ${FACETS[k].value} AS v, count(*)::INTEGER AS n FROM ${ROWS[FACETS[k].rows]} AND ${FACETS[k].value} IS NOT NULL GROUP BY ALL`;

/**
 * The facets of `keys` under the filters `f`. The facets whose filter is not set share one selection (one
 * query); each set one is counted without its own value: 1 + (set filters) queries in all.
 */
export async function facets(run: Run, f: Filters, keys: readonly FacetKey[] = FACET_KEYS): Promise<Facets> {
  const out = Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as Facets;
  const free = keys.filter((k) => f[k] == null);
  const groups: { f: Filters; keys: FacetKey[] }[] = [
    ...(free.length ? [{ f, keys: free }] : []),
    ...keys.filter((k) => f[k] != null).map((k) => ({ f: { ...f, [k]: null }, keys: [k] })),
  ];
  for (const g of groups) {
    const q = scoped(g.f, `${g.keys.map(facetSql).join('\nUNION ALL ')}\nORDER BY k, v`);
    for (const r of await run(q.text, q.params)) out[r.k as FacetKey].push({ value: r.v as string, n: r.n as number });
  }
  return out;
}
