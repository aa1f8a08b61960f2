/**
 * One file → the contract's rows: readFiling → assessFiling → toRows, plus the rows the cross-filing rule
 * compares. The one step the ingest (scripts/ingest/batch.ts, in a worker thread) and the browser's
 * import (src/lib/import/worker.ts, in a Web Worker) both run, so ids, rows and findings are the same.
 * Pure: the caller brings the bytes, the hash and pdf.js's asset locations.
 */
import { readFiling, type Filing, type ReadOptions, type Rejection } from '../parse';
import { assessCorpus, assessFiling, corpusRows, DEFAULT_SETTINGS, type CorpusRow, type Places, type QualityFinding, type Settings } from '../quality';
import { corpusFindingRows, toRows, type Tables } from './rows';
import type { TableRow } from './schema';

export type FileTables =
  | { ok: true; filing: Filing; tables: Tables; corpus: CorpusRow[] }
  | { ok: false; rejection: Rejection };

/** `settings`: what the filing is scored with (the ingest's `--settings`, or the site's own). */
export async function readTables(bytes: Uint8Array, sourceFile: string, opts: ReadOptions = {}, settings: Settings = DEFAULT_SETTINGS): Promise<FileTables> {
  const r = await readFiling(bytes, sourceFile, opts);
  if (!r.ok) return r;
  const f = r.filing;
  return { ok: true, filing: f, tables: toRows(f, assessFiling(f, settings)), corpus: corpusRows(f) };
}

/**
 * The cross-filing findings of `rows` judged against `places` (the corpus's), added to their filings:
 * the filings rows with `findings_info` counting them, and the findings rows to append (`…-c1`, …).
 */
export function withCorpusFindings(
  filings: TableRow<'filings'>[], rows: CorpusRow[], places: Places, settings: Settings = DEFAULT_SETTINGS,
): { filings: TableRow<'filings'>[]; findings: TableRow<'findings'>[] } {
  const byFiling = new Map<string, QualityFinding[]>();
  for (const { filing, finding } of assessCorpus(rows, places, settings)) {
    const list = byFiling.get(filing);
    if (list) list.push(finding);
    else byFiling.set(filing, [finding]);
  }
  const out = filings.map((f) => ({ ...f, findings_info: (f.findings_info ?? 0) + (byFiling.get(f.filing_id ?? '')?.length ?? 0) }));
  const where = new Map(out.map((f) => [f.filing_id, f]));
  const findings = [...byFiling].flatMap(([id, list]) => {
    const f = where.get(id)!;
    return corpusFindingRows(id, { county: f.county, county_code: f.county_code, year: f.year }, list);
  });
  return { filings: out, findings };
}
