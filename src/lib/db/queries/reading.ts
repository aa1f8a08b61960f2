/** The reading report's questions: a page of the selected filings, how each was read, and what reading found. */
import { columnsOf, decode, type RowOf } from '../decode';
import type { Filters } from '../scope';
import { filingOrder, over, selected } from '../sql';
import type { Param, Run } from '../values';
import { FINDING, type Finding } from './project';

const READING_FILING = {
  filing_id: 'text', source_file: 'text', county_code: 'text?', year: 'int?', department: 'text', unit: 'text', layout: 'text',
  status: 'text', encoding: 'text?', format: 'text?', lines_total: 'int', lines_used: 'int', projects: 'int',
  /** Every finding of the filing (the rules' and the reading's), by severity: the opinion lists them. */
  findings_critical: 'int', findings_major: 'int', findings_minor: 'int', findings_info: 'int',
} as const;
export type ReadingFiling = RowOf<typeof READING_FILING>;

/** The page of selected filings the reading report shows (in county, year, file order). */
const page = `
    SELECT f.filing_id FROM filings f WHERE ${selected('filings', 'f')}
    ORDER BY ${filingOrder('f')} LIMIT ? OFFSET ?`;

export async function readingCount(run: Run, f: Filters): Promise<number> {
  const q = over(f, { select: `SELECT count(*)::INTEGER AS n FROM sel_filings` });
  return decode({ n: 'int' }, await run(q.text, q.params))[0].n;
}

export async function readingFilings(run: Run, f: Filters, limit: number, offset: number): Promise<ReadingFiling[]> {
  const q = over(f, {
    with: { page },
    select: `
SELECT f.filing_id, f.source_file, f.county_code, f.year, f.department, f.unit, f.layout, f.status, f.encoding, f.format,
  f.lines_total, f.lines_used, (SELECT count(*) FROM projects p WHERE p.filing_id = f.filing_id)::INTEGER AS projects,
  f.findings_critical, f.findings_major, f.findings_minor, f.findings_info
FROM filings f WHERE f.filing_id IN (SELECT filing_id FROM page)
ORDER BY ${filingOrder('f')}`,
  }, limit, offset);
  return decode(READING_FILING, await run(q.text, q.params));
}

const READING_FINDING = { ...FINDING, location: 'text?' } as const;

/** What reading the page's filings found (`parse/…`), unused lines included, in source order. */
export async function readingFindings(run: Run, f: Filters, limit: number, offset: number): Promise<Finding[]> {
  const params: Param[] = [limit, offset];
  if (f.rule != null) params.push(f.rule);
  if (f.q != null) params.push(f.q);
  const q = over({ ...f, q: null }, {
    with: { page },
    select: `
SELECT ${columnsOf(READING_FINDING, 'x')}
FROM findings x
WHERE x.filing_id IN (SELECT filing_id FROM page) AND starts_with(x.rule_id, 'parse/')
  ${f.rule == null ? '' : 'AND x.rule_id = ?::VARCHAR'}
  ${f.q == null ? '' : `AND contains(lower(concat_ws(' ', x.rule_id, x.message, x.evidence)), lower(?::VARCHAR))`}
ORDER BY x.filing_id, x.line NULLS FIRST, x.finding_id`,
  }, ...params);
  return decode(READING_FINDING, await run(q.text, q.params));
}
