/** What the filter bar offers: every value of each filter, the counties' names, a county-year's departments. */
import { decode } from '../decode';
import { levelLabel, NO_FILTERS, type Filters } from '../scope';
import { over, selected } from '../sql';
import type { Run } from '../values';

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

const CHOICE = { k: 'text', v: 'text?', n: 'int?' } as const;

export async function choices(run: Run): Promise<Choices> {
  const rows = decode(CHOICE, await run(`
    SELECT 'county' AS k, county_code AS v, NULL::INTEGER AS n FROM filings GROUP BY county_code
    UNION ALL SELECT 'year', NULL, year FROM filings WHERE year IS NOT NULL GROUP BY year
    UNION ALL SELECT 'department', department, NULL FROM filings GROUP BY department
    UNION ALL SELECT 'department_kind', department_kind, NULL FROM filings WHERE department_kind IS NOT NULL GROUP BY department_kind
    UNION ALL SELECT 'kind', kind, NULL FROM projects GROUP BY kind
    UNION ALL SELECT 'level1', ${levelLabel('i', 1)}, NULL FROM indicators i WHERE i.level1 IS NOT NULL GROUP BY ALL
    UNION ALL SELECT 'level2', ${levelLabel('i', 2)}, NULL FROM indicators i WHERE i.level2 IS NOT NULL GROUP BY ALL
    UNION ALL SELECT 'band', band, NULL FROM projects WHERE band IS NOT NULL GROUP BY band
    UNION ALL SELECT 'rule', rule_id, NULL FROM findings GROUP BY rule_id
    ORDER BY k, v NULLS LAST, n`));
  const c: Choices = { county: [], year: [], department: [], department_kind: [], kind: [], level1: [], level2: [], band: [], rule: [] };
  for (const r of rows) {
    const k = r.k as keyof Choices;
    if (k === 'year') c.year.push(r.n!);
    else (c[k] as (string | null)[]).push(r.v);
  }
  return c;
}

/** What labels a county code: its name and prefecture, as its filings give them (either may be unknown). */
export interface CountyName {
  county: string | null;
  city: string | null;
}

const COUNTY_NAME = { county_code: 'text', county: 'text?', city: 'text?' } as const;

/** Each county code's name and prefecture. */
export async function countyNames(run: Run): Promise<Record<string, CountyName>> {
  const rows = decode(COUNTY_NAME, await run(`
SELECT county_code, min(county) AS county, min(city) AS city FROM filings
WHERE county_code IS NOT NULL GROUP BY county_code ORDER BY county_code`));
  return Object.fromEntries(rows.map((r) => [r.county_code, { county: r.county, city: r.city }]));
}

/** The departments of the selected county and year (at province scale the full list is too long to offer). */
export async function departments(run: Run, f: Filters): Promise<string[]> {
  const q = over({ ...NO_FILTERS, county: f.county, year: f.year }, {
    select: `SELECT DISTINCT department FROM filings f WHERE ${selected('filings', 'f')} ORDER BY department`,
  });
  return decode({ department: 'text' }, await run(q.text, q.params)).map((r) => r.department);
}
