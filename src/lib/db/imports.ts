/**
 * The SQL of the browser import (src/lib/import): which filings are imported (the `imported` table, beside
 * the five), taking one out of every table, and the rows the cross-filing rule compares with.
 */
import type { ComparedRow } from '../import/places';
import { TABLES } from './tables';
import type { Run } from './values';

export interface ImportedMark {
  filing_id: string;
  source_file: string;
  imported_at: string;
  bytes: number;
}

export const markImported = (run: Run, m: ImportedMark) =>
  run('INSERT OR REPLACE INTO imported VALUES (?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::BIGINT)', [m.filing_id, m.source_file, m.imported_at, m.bytes]);

/** Takes a filing out of the five tables and of `imported`. */
export async function removeFiling(run: Run, filingId: string): Promise<void> {
  for (const t of [...TABLES, 'imported']) await run(`DELETE FROM ${t} WHERE filing_id = ?::VARCHAR`, [filingId]);
}

/** Whether a filing id is in the tables (bundled or imported), and whether as an import. */
export async function presence(run: Run, filingId: string): Promise<'bundled' | 'imported' | null> {
  const [r] = await run(
    'SELECT EXISTS (SELECT 1 FROM imported WHERE filing_id = ?::VARCHAR) AS imported, EXISTS (SELECT 1 FROM filings WHERE filing_id = ?::VARCHAR) AS present',
    [filingId, filingId],
  );
  return r.imported ? 'imported' : r.present ? 'bundled' : null;
}

/** The compared fields of every loaded indicator, once per distinct value (places.ts makes the corpus of them). */
export async function comparedRows(run: Run): Promise<ComparedRow[]> {
  const rows = await run(`
    SELECT DISTINCT coalesce(county, filing_id) AS place, level2, level3, level2_canonical, description
    FROM indicators WHERE level3 IS NOT NULL`);
  return rows as unknown as ComparedRow[];
}

/** How many counties (places) the loaded corpus holds: a reading report says what an import was compared with. */
export async function loadedPlaces(run: Run): Promise<number> {
  const [r] = await run('SELECT count(DISTINCT coalesce(county, filing_id))::INTEGER AS n FROM filings');
  return r.n as number;
}
