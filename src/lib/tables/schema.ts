/**
 * The contract's tables (../shared/docs/data-contract.md), column by column, in one place: the Arrow
 * writer, the Parquet writer, the CSV writer and the browser's DuckDB all read their types from here.
 * Columns after the contract's own are additions (allowed by the contract: add freely).
 */
export type ColumnType = 'text' | 'int' | 'double' | 'bool' | 'yuan';

export interface Column {
  name: string;
  type: ColumnType;
}

/** A column, its name and type kept as literals: the row types below are derived from them. */
const c = <N extends string, T extends ColumnType>(name: N, type: T) => ({ name, type });

export const TABLES = {
  filings: [
    c('filing_id', 'text'), c('source_file', 'text'), c('county', 'text'), c('county_code', 'text'), c('city', 'text'),
    c('year', 'int'), c('department', 'text'), c('department_code', 'text'), c('unit', 'text'), c('layout', 'text'),
    c('status', 'text'), c('lines_total', 'int'), c('lines_used', 'int'), c('score', 'double'),
    // additions
    c('band', 'text'), c('partial_rubric', 'bool'), c('encoding', 'text'), c('overview', 'text'),
    c('projects', 'int'), c('indicators', 'int'), c('budget_yuan', 'yuan'),
    c('findings_critical', 'int'), c('findings_major', 'int'), c('findings_minor', 'int'), c('findings_info', 'int'),
    c('format', 'text'),
    // the filing score's terms (src/lib/quality/assess.ts): what the site fills its formula in with
    c('score_weighted', 'double'), c('score_plain', 'double'), c('score_deduction', 'double'),
    // the kind of body (src/lib/parse/departments.ts), so one kind lines up across counties; `department` keeps the raw name
    c('department_kind', 'text'),
  ],
  projects: [
    c('project_id', 'text'), c('filing_id', 'text'), c('ordinal', 'int'), c('code', 'text'), c('name', 'text'), c('kind', 'text'),
    c('category', 'text'), c('budget_yuan', 'yuan'), c('fiscal_yuan', 'yuan'), c('other_yuan', 'yuan'), c('purpose', 'text'),
    c('goals', 'text'), c('complete', 'bool'), c('source_lines', 'text'), c('score', 'double'),
    // additions: where and when (so every table filters without a join), the band, the original text
    c('county', 'text'), c('year', 'int'), c('department', 'text'), c('band', 'text'), c('source_text', 'text'),
    c('indicators', 'int'), c('plan_as_amounts', 'bool'), c('county_code', 'text'),
    // the plan's flags (src/lib/quality/plan.ts), false without a plan: the charts count what the findings say.
    // Never null: an all-null Bool column is written with an empty data buffer, which the Parquet writer rejects.
    c('plan_over', 'bool'), c('plan_falls_back', 'bool'), c('plan_short', 'bool'), c('plan_blank', 'bool'),
    // the project score's terms (block means 0–100, funding share 0–1, penalty points) and whether it is scored on fewer parts
    c('score_output', 'double'), c('score_effect', 'double'), c('score_satisfaction', 'double'), c('score_funding', 'double'),
    c('score_penalty', 'double'), c('partial_rubric', 'bool'),
  ],
  schedule: [
    c('project_id', 'text'), c('month', 'int'), c('cumulative_pct', 'double'), c('raw', 'text'),
    c('filing_id', 'text'), c('county', 'text'), c('year', 'int'), c('county_code', 'text'),
  ],
  indicators: [
    c('indicator_id', 'text'), c('project_id', 'text'), c('ordinal', 'int'), c('level1', 'text'), c('level2', 'text'), c('level3', 'text'),
    c('description', 'text'), c('target_raw', 'text'), c('target_op', 'text'), c('target_value', 'double'), c('target_unit', 'text'),
    c('target_yuan', 'yuan'), c('quantitative', 'bool'), c('basis', 'text'), c('grades', 'text'), c('source_line', 'int'), c('score', 'double'),
    c('filing_id', 'text'), c('county', 'text'), c('year', 'int'), c('band', 'text'),
    c('score_measurable', 'double'), c('score_fit', 'double'), c('score_clear', 'double'), c('score_evidenced', 'double'),
    c('county_code', 'text'), c('level1_canonical', 'text'), c('level2_canonical', 'text'), c('source_location', 'text'),
    // the settings' criticalCap when a critical finding held the score to it (its parts then add up to more),
    // and whether its project is scored on a partial rubric (means leave it out without a join)
    c('score_cap', 'double'), c('partial_rubric', 'bool'),
  ],
  findings: [
    c('finding_id', 'text'), c('filing_id', 'text'), c('project_id', 'text'), c('indicator_id', 'text'), c('rule_id', 'text'),
    c('severity', 'text'), c('message', 'text'), c('evidence', 'text'),
    c('county', 'text'), c('year', 'int'), c('level', 'text'), c('line', 'int'), c('county_code', 'text'), c('location', 'text'),
    // the message in English, from the rule's template and the same facts (the filing's text as written)
    c('message_en', 'text'),
  ],
} as const satisfies Record<string, Column[]>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Cell values: text, numbers, booleans, exact yuan (bigint fen), or null. */
export type Cell = string | number | boolean | bigint | null;
export type Row = Record<string, Cell>;

/** What a column of each type holds (yuan: exact bigint fen). */
interface CellOf {
  text: string;
  int: number;
  double: number;
  bool: boolean;
  yuan: bigint;
}

/** A table's column names. */
export type ColumnName<T extends TableName> = (typeof TABLES)[T][number]['name'];

/**
 * One row of table `T`, derived from its columns: a column added or renamed above is a compile error
 * wherever rows are built (tables/rows.ts) or read back (tables/read.ts, the ingest) out of step.
 */
export type TableRow<T extends TableName> = { [C in (typeof TABLES)[T][number] as C['name']]: CellOf[C['type']] | null };

/** Every table's rows. */
export type TableRows = { [T in TableName]: TableRow<T>[] };

/**
 * Rows read back from a file of table `t` (Arrow, Parquet): typed once their columns are the schema's,
 * in its order; a file of another layout is refused by name rather than read as something it is not.
 */
export function asTableRows<T extends TableName>(t: T, names: readonly string[], rows: Row[]): TableRow<T>[] {
  const want = TABLES[t].map((col) => col.name);
  if (names.length !== want.length || names.some((n, i) => n !== want[i])) {
    throw new Error(`${t}: columns ${names.join(', ')} are not the schema's (${want.join(', ')})`);
  }
  return rows as TableRow<T>[];
}

/**
 * Sort keys: the columns the views filter on first, so DuckDB can skip whole row groups. The ingest
 * sorts filings by them and writes every table partition by partition (county_code × year) in that order.
 */
export const SORT_KEYS: Record<TableName, string[]> = {
  filings: ['county_code', 'year', 'filing_id'],
  projects: ['county_code', 'year', 'filing_id', 'ordinal'],
  schedule: ['county_code', 'year', 'project_id', 'month'],
  indicators: ['county_code', 'year', 'project_id', 'ordinal'],
  findings: ['county_code', 'year', 'filing_id', 'finding_id'],
};

/** DuckDB type of a column. */
export function sqlType(t: ColumnType): string {
  return { text: 'VARCHAR', int: 'INTEGER', double: 'DOUBLE', bool: 'BOOLEAN', yuan: 'DECIMAL(18,2)' }[t];
}
