/**
 * The filter state, and the SQL that turns it into the selected filings, projects, indicators and findings.
 * Every filter value is a bound parameter; only fixed SQL text is concatenated.
 *
 * What each filter means:
 * - county, year, department, department_kind (the kind of body, src/lib/parse/departments.ts): the filing. `county` is a GB/T 2260 code (`filings.county_code`; names are
 *   not unique: Hebei has two 新华区); `NO_COUNTY` selects the filings without one.
 * - kind, band (the project's 优/良/中/差): the project.
 * - level1, level2: the indicator, by its standard label (`level1_canonical`, `level2_canonical`: 服务对象满意度
 *   and 服务对象满意度指标 are one choice), as written where no standard one is known; a project is selected
 *   when one of its indicators is.
 * - rule: a finding of that rule on the row (an indicator also counts its project's findings).
 * - source: the filing's — `bundled` (built into the site) or `imported` (in this browser, src/lib/import).
 * - q (free text): a project matches by name, code, purpose, goals or any of its indicators' text; an
 *   indicator by its own text or its project's name; a finding by its message or evidence or its project.
 */
import type { Param } from './values';

export interface Filters {
  /** A county code, or NO_COUNTY. */
  county: string | null;
  year: number | null;
  department: string | null;
  department_kind: string | null;
  kind: string | null;
  level1: string | null;
  level2: string | null;
  band: string | null;
  rule: string | null;
  q: string | null;
  /** One of SOURCES. */
  source: string | null;
  /** `1`: partial-rubric scores count in means and rankings (src/lib/db/partial.ts); not a selection. */
  partial: string | null;
}

/** Where a filing came from: the site's build, or an import in this browser. */
export const SOURCES = ['bundled', 'imported'] as const;

/** Each source as a condition on the filings (alias f); an unknown value selects nothing rather than everything. */
const SOURCE_SQL: Record<string, string> = {
  bundled: 'f.filing_id NOT IN (SELECT filing_id FROM imported)',
  imported: 'f.filing_id IN (SELECT filing_id FROM imported)',
};

/** The filter value that stands for "the filing does not say its county". */
export const NO_COUNTY = '-';

export const FILTER_KEYS = ['county', 'year', 'department', 'department_kind', 'kind', 'level1', 'level2', 'band', 'rule', 'q', 'source', 'partial'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const NO_FILTERS: Filters = {
  county: null, year: null, department: null, department_kind: null, kind: null, level1: null, level2: null, band: null, rule: null, q: null, source: null,
  partial: null,
};

export const isEmpty = (f: Filters) => FILTER_KEYS.every((k) => f[k] == null);

/** SQL text with its parameters, in order of appearance. */
export interface Sql {
  text: string;
  params: Param[];
}

class Where {
  private parts: string[] = [];
  readonly params: Param[] = [];
  add(text: string, ...params: Param[]) {
    this.parts.push(text);
    this.params.push(...params);
  }
  get text() {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** The level label an indicator (alias a) is filtered and counted by: its standard label, else as written. */
export const levelLabel = (a: string, level: 1 | 2) => `coalesce(${a}.level${level}_canonical, ${a}.level${level})`;

/** The level filter: the standard label, or (an older link) the label exactly as written. */
const levelIs = (a: string, level: 1 | 2) => `(${levelLabel(a, level)} = ?::VARCHAR OR ${a}.level${level} = ?::VARCHAR)`;

const projectText = `contains(lower(concat_ws(' ', p.name, p.code, p.purpose, p.goals)), lower(?::VARCHAR))`;
const indicatorText = (a: string) =>
  `contains(lower(concat_ws(' ', ${a}.level1, ${a}.level2, ${a}.level3, ${a}.description, ${a}.target_raw, ${a}.basis)), lower(?::VARCHAR))`;

/**
 * `WITH sel_filings, sel_projects, sel_indicators, sel_findings AS (…)`: the ids the filters select. A
 * query appends its own `SELECT` and joins the table it reads to the `sel_*` set it needs.
 */
export function scope(f: Filters): Sql {
  // Every table carries its filing's county code and year: saying so on each one lets DuckDB skip the
  // other counties' and years' row groups (the tables are sorted by them) before any join.
  const place = (w: Where, a: string) => {
    if (f.county === NO_COUNTY) w.add(`${a}.county_code IS NULL`);
    else if (f.county != null) w.add(`${a}.county_code = ?::VARCHAR`, f.county);
    if (f.year != null) w.add(`${a}.year = ?::INTEGER`, f.year);
  };
  const filings = new Where();
  place(filings, 'f');
  if (f.department != null) filings.add('f.department = ?::VARCHAR', f.department);
  if (f.department_kind != null) filings.add('f.department_kind = ?::VARCHAR', f.department_kind);
  if (f.rule != null) filings.add('EXISTS (SELECT 1 FROM findings x WHERE x.filing_id = f.filing_id AND x.rule_id = ?::VARCHAR)', f.rule);
  if (f.source != null) filings.add(SOURCE_SQL[f.source] ?? 'FALSE');

  const indicatorOwn = new Where(); // the indicator filters alone, on alias i
  if (f.level1 != null) indicatorOwn.add(levelIs('i', 1), f.level1, f.level1);
  if (f.level2 != null) indicatorOwn.add(levelIs('i', 2), f.level2, f.level2);

  const projects = new Where();
  place(projects, 'p');
  projects.add('p.filing_id IN (SELECT filing_id FROM sel_filings)');
  if (f.kind != null) projects.add('p.kind = ?::VARCHAR', f.kind);
  if (f.band != null) projects.add('p.band = ?::VARCHAR', f.band);
  if (f.rule != null) projects.add('EXISTS (SELECT 1 FROM findings x WHERE x.project_id = p.project_id AND x.rule_id = ?::VARCHAR)', f.rule);
  if (indicatorOwn.params.length) {
    projects.add(`EXISTS (SELECT 1 FROM indicators i ${indicatorOwn.text} AND i.project_id = p.project_id)`, ...indicatorOwn.params);
  }
  if (f.q != null) {
    projects.add(`(${projectText} OR EXISTS (SELECT 1 FROM indicators j WHERE j.project_id = p.project_id AND ${indicatorText('j')}))`, f.q, f.q);
  }

  const indicators = new Where();
  place(indicators, 'i');
  indicators.add('i.project_id IN (SELECT project_id FROM sel_projects)');
  if (f.level1 != null) indicators.add(levelIs('i', 1), f.level1, f.level1);
  if (f.level2 != null) indicators.add(levelIs('i', 2), f.level2, f.level2);
  if (f.rule != null) {
    indicators.add(
      `EXISTS (SELECT 1 FROM findings x WHERE x.rule_id = ?::VARCHAR AND (x.indicator_id = i.indicator_id OR (x.indicator_id IS NULL AND x.project_id = i.project_id)))`,
      f.rule,
    );
  }
  if (f.q != null) {
    indicators.add(`(${indicatorText('i')} OR EXISTS (SELECT 1 FROM projects p WHERE p.project_id = i.project_id AND ${projectText}))`, f.q, f.q);
  }

  const findings = new Where();
  place(findings, 'x');
  findings.add('x.filing_id IN (SELECT filing_id FROM sel_filings)');
  if (f.rule != null) findings.add('x.rule_id = ?::VARCHAR', f.rule);
  if (f.kind != null || f.band != null || f.level1 != null || f.level2 != null) {
    findings.add('x.project_id IN (SELECT project_id FROM sel_projects)');
  }
  if (f.level1 != null || f.level2 != null) findings.add('x.indicator_id IN (SELECT indicator_id FROM sel_indicators)');
  if (f.q != null) {
    findings.add(
      `(contains(lower(concat_ws(' ', x.rule_id, x.message, x.evidence)), lower(?::VARCHAR)) OR x.project_id IN (SELECT project_id FROM sel_projects))`,
      f.q,
    );
  }

  return {
    text: `WITH
  sel_filings AS (SELECT f.filing_id FROM filings f ${filings.text}),
  sel_projects AS (SELECT p.project_id FROM projects p ${projects.text}),
  sel_indicators AS (SELECT i.indicator_id FROM indicators i ${indicators.text}),
  sel_findings AS (SELECT x.finding_id FROM findings x ${findings.text})
`,
    params: [...filings.params, ...projects.params, ...indicators.params, ...findings.params],
  };
}

/** A query over the selection: the scope's WITH, then `body` with its own parameters. */
export function scoped(f: Filters, body: string, ...params: Param[]): Sql {
  const s = scope(f);
  return { text: s.text + body, params: [...s.params, ...params] };
}
