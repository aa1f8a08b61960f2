/**
 * The data view's tables: every column of a contract table (whatever ingest wrote, additions included),
 * plus the county (name and code), year and project name when the table lacks them, for the current
 * filters. The page on screen and the CSV download run the same SQL; only LIMIT/OFFSET differ, so the
 * file holds exactly the rows the filters show.
 */
import { sortKey } from './order';
import { scoped, type Filters } from './scope';
import { selected, withSelectedProjects } from './sql';
import type { Row, Run } from './values';

export const DATA_TABLES = ['projects', 'indicators', 'findings', 'schedule'] as const;
export type DataTable = (typeof DATA_TABLES)[number];

export type ColumnKind = 'text' | 'number' | 'money' | 'bool';

export interface Column {
  name: string;
  kind: ColumnKind;
  /** SQL for the value; money as its exact decimal text (`300300.00`). */
  select: string;
  /** SQL to sort by (money sorts as a number, a severity or band by its rank: order.ts). */
  sortBy: string;
}

/**
 * Each table's rows for the selection, and their order when no column is sorted (and after a sorted
 * column's ties): by county, year and the rows' own keys, so the order never depends on which partitions
 * were loaded first.
 */
const FROM: Record<DataTable, { from: string; selected: string; order: string }> = {
  projects: {
    from: 'projects t JOIN filings f ON f.filing_id = t.filing_id',
    selected: selected('projects', 't'),
    order: 'f.county_code NULLS LAST, f.year, t.filing_id, t.ordinal',
  },
  indicators: {
    from: 'indicators t JOIN projects p ON p.project_id = t.project_id JOIN filings f ON f.filing_id = p.filing_id',
    selected: selected('indicators', 't'),
    order: 'f.county_code NULLS LAST, f.year, p.filing_id, p.ordinal, t.ordinal',
  },
  findings: {
    from: 'findings t JOIN filings f ON f.filing_id = t.filing_id LEFT JOIN projects p ON p.project_id = t.project_id',
    selected: selected('findings', 't'),
    order: 'f.county_code NULLS LAST, f.year, t.filing_id, t.finding_id',
  },
  schedule: {
    from: 'schedule t JOIN projects p ON p.project_id = t.project_id JOIN filings f ON f.filing_id = p.filing_id',
    selected: selected('projects', 't'),
    order: 'f.county_code NULLS LAST, f.year, p.filing_id, p.ordinal, t.month',
  },
};

/**
 * Context a table may lack, taken from its filing and project. The county code tells apart the counties
 * that share a name (two 新华区 in Hebei), in the views and in a downloaded file.
 */
const CONTEXT: { name: string; kind: ColumnKind; sql: string; tables: DataTable[] }[] = [
  { name: 'county', kind: 'text', sql: 'f.county', tables: ['projects', 'indicators', 'findings', 'schedule'] },
  { name: 'county_code', kind: 'text', sql: 'f.county_code', tables: ['projects', 'indicators', 'findings', 'schedule'] },
  { name: 'year', kind: 'number', sql: 'f.year', tables: ['projects', 'indicators', 'findings', 'schedule'] },
  { name: 'project_name', kind: 'text', sql: 'p.name', tables: ['indicators', 'findings', 'schedule'] },
];

function kindOf(type: string): ColumnKind {
  if (type.startsWith('DECIMAL')) return 'money';
  if (type === 'BOOLEAN') return 'bool';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL)$/.test(type)) return 'number';
  return 'text';
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The table's columns as the database has them, then the context columns it lacks. */
export async function columns(run: Run, table: DataTable): Promise<Column[]> {
  const rows = await run(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ?::VARCHAR ORDER BY ordinal_position`,
    [table],
  );
  const own: Column[] = rows.map((r) => {
    const name = r.name as string;
    const kind = kindOf(r.type as string);
    const col = `t.${quote(name)}`;
    return { name, kind, select: kind === 'money' ? `${col}::VARCHAR` : col, sortBy: sortKey(name, col) };
  });
  const names = new Set(own.map((c) => c.name));
  const context = CONTEXT.filter((c) => c.tables.includes(table) && !names.has(c.name)).map(
    (c): Column => ({ name: c.name, kind: c.kind, select: c.sql, sortBy: c.sql }),
  );
  return [...own, ...context];
}

export interface Sort {
  column: string | null;
  desc: boolean;
}

function body(table: DataTable, cols: Column[], sort: Sort): string {
  const by = cols.find((c) => c.name === sort.column); // only a known column reaches ORDER BY
  const order = by ? `${by.sortBy} ${sort.desc ? 'DESC' : 'ASC'} NULLS LAST, ${FROM[table].order}` : FROM[table].order;
  return `
SELECT ${cols.map((c) => `${c.select} AS ${quote(c.name)}`).join(', ')}
FROM ${FROM[table].from}
WHERE ${FROM[table].selected}
ORDER BY ${order}`;
}

export async function count(run: Run, table: DataTable, f: Filters): Promise<number> {
  const q = scoped(f, `SELECT count(*)::INTEGER AS n FROM ${FROM[table].from} WHERE ${FROM[table].selected}`);
  return (await run(q.text, q.params))[0].n as number;
}

export async function page(run: Run, table: DataTable, cols: Column[], f: Filters, sort: Sort, size: number, index: number): Promise<Row[]> {
  const q = scoped(f, `${body(table, cols, sort)}\nLIMIT ?::BIGINT OFFSET ?::BIGINT`, size, size * index);
  return run(q.text, q.params);
}

/** Every selected row, in the same order as the pages. */
export async function everyRow(run: Run, table: DataTable, cols: Column[], f: Filters, sort: Sort): Promise<Row[]> {
  const q = scoped(f, body(table, cols, sort));
  return run(q.text, q.params);
}

/** The filings the selected projects come from: what a workbook's notes list as its sources. */
export async function sources(run: Run, f: Filters): Promise<Row[]> {
  const q = scoped(
    f,
    `SELECT f.source_file, f.county, f.year, f.department FROM filings f
WHERE ${withSelectedProjects('f')}
ORDER BY f.county_code NULLS LAST, f.year, f.source_file`,
  );
  return run(q.text, q.params);
}
