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

/**
 * The facets a site counts: a partitioned one (a province) counts within the chosen county, and not the
 * county facet, which only the loaded counties could answer.
 */
export const siteFacets = (partitioned: boolean): FacetKey[] => (partitioned ? FACET_KEYS.filter((k) => k !== 'county') : FACET_KEYS);

/** Each facet's values (those present) and their counts. */
export type Facets = Record<FacetKey, { value: string; n: number }[]>;

const ROWS: Record<FacetRows, string> = {
  projects: 'projects p WHERE p.project_id IN (SELECT project_id FROM sel_projects)',
  indicators: 'indicators i WHERE i.indicator_id IN (SELECT indicator_id FROM sel_indicators)',
  findings: 'findings x WHERE x.finding_id IN (SELECT finding_id FROM sel_findings)',
};

/** One scan of a kind of rows for all its facets: each row unnested into (facet, value) pairs, then counted. */
const facetSql = (rows: FacetRows, keys: FacetKey[]) => `SELECT k, v, count(*)::INTEGER AS n FROM (
  SELECT unnest([${keys.map((k) => `'${k}'`).join(', ')}]) AS k, unnest([${keys.map((k) => FACETS[k].value).join(', ')}]) AS v FROM ${ROWS[rows]})
WHERE v IS NOT NULL GROUP BY k, v ORDER BY k, v`;

/**
 * The facets of `keys` under the filters `f`. The facets whose filter is not set share one selection (one
 * selection); each set one is counted without its own value.
 */
export async function facets(run: Run, f: Filters, keys: readonly FacetKey[] = FACET_KEYS): Promise<Facets> {
  const out = Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as Facets;
  const free = keys.filter((k) => f[k] == null);
  const groups: { f: Filters; keys: FacetKey[] }[] = [
    ...(free.length ? [{ f, keys: free }] : []),
    ...keys.filter((k) => f[k] != null).map((k) => ({ f: { ...f, [k]: null }, keys: [k] })),
  ];
  // One query per selection and kind of rows: a UNION of them ran the selection once per branch (3× slower).
  for (const g of groups) {
    for (const rows of new Set(g.keys.map((k) => FACETS[k].rows))) {
      const q = scoped(g.f, facetSql(rows, g.keys.filter((k) => FACETS[k].rows === rows)));
      for (const r of await run(q.text, q.params)) out[r.k as FacetKey].push({ value: r.v as string, n: r.n as number });
    }
  }
  return out;
}
