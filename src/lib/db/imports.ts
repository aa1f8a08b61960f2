/**
 * The SQL of the browser import (src/lib/import): which filings are imported (the `imported` table, beside
 * the five), taking one out of every table, and the rows the cross-filing rule compares with.
 */
import type { ComparedRow } from '../import/places';
import { decode } from './decode';
import { TABLES } from './tables';
import { fen } from './queries';
import type { Run } from './values';

export interface ImportedMark {
  filing_id: string;
  source_file: string;
  imported_at: string;
  bytes: number;
}

/** Marks filings imported (one statement for a group). */
export async function markImported(run: Run, marks: readonly ImportedMark[]): Promise<void> {
  if (marks.length === 0) return;
  const values = marks.map(() => '(?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::BIGINT)').join(', ');
  await run(`INSERT OR REPLACE INTO imported VALUES ${values}`, marks.flatMap((m) => [m.filing_id, m.source_file, m.imported_at, m.bytes]));
}

/** Every filing id in the tables (bundled or imported): what a batch must not add again. */
export async function loadedIds(run: Run): Promise<Set<string>> {
  return new Set(decode({ filing_id: 'text' }, await run('SELECT filing_id FROM filings')).map((r) => r.filing_id));
}

/** Takes every imported filing out of the five tables, then empties `imported`. */
export async function removeImported(run: Run): Promise<void> {
  for (const t of TABLES) await run(`DELETE FROM ${t} WHERE filing_id IN (SELECT filing_id FROM imported)`);
  await run('DELETE FROM imported');
}

/** Takes a filing out of the five tables and of `imported`. */
export async function removeFiling(run: Run, filingId: string): Promise<void> {
  for (const t of [...TABLES, 'imported']) await run(`DELETE FROM ${t} WHERE filing_id = ?::VARCHAR`, [filingId]);
}

const COMPARED = {
  place: 'text', level2: 'text?', level3: 'text', level2_canonical: 'text?', description: 'text?',
  year: 'int?', department: 'text?', target_raw: 'text?', target_op: 'text?', target_value: 'double?', target_unit: 'text?', target_fen: 'fen?',
} as const;

/** The compared fields of every loaded indicator, once per distinct value (places.ts makes the corpus of them). */
export async function comparedRows(run: Run): Promise<ComparedRow[]> {
  const rows = await run(`
    SELECT DISTINCT coalesce(i.county, i.filing_id) AS place, i.level2, i.level3, i.level2_canonical, i.description,
      i.year, f.department, i.target_raw, i.target_op, i.target_value, i.target_unit, ${fen('i.target_yuan', 'target')}
    FROM indicators i JOIN filings f USING (filing_id) WHERE i.level3 IS NOT NULL`);
  return decode(COMPARED, rows) satisfies ComparedRow[];
}

/** How many counties (places) the loaded corpus holds: a reading report says what an import was compared with. */
export async function loadedPlaces(run: Run): Promise<number> {
  const [r] = decode({ n: 'int' }, await run('SELECT count(DISTINCT coalesce(county, filing_id))::INTEGER AS n FROM filings'));
  return r.n;
}
