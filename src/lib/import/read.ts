/**
 * One imported file, read as `npm run ingest` reads it (readTables) and judged with the cross-filing rule
 * against `places` — the loaded corpus's, to which the file's own are added first, as the ingest adds
 * every file's — so its rows are the rows the ingest would write for it. Pure; the worker runs it.
 */
import type { ReadOptions, Rejection } from '../parse';
import { corpusPlaces, DEFAULT_SETTINGS, type Places, type Settings } from '../quality';
import type { Row, Tables } from '../tables';
import { readTables, withCorpusFindings } from '../tables/read';

export async function readImport(
  bytes: Uint8Array, name: string, opts: ReadOptions, places: Places, settings: Settings = DEFAULT_SETTINGS,
): Promise<{ ok: true; filing: Row; tables: Tables } | { ok: false; rejection: Rejection }> {
  const r = await readTables(bytes, name, opts, settings);
  if (!r.ok) return r;
  corpusPlaces(r.corpus, places);
  const { filings, findings } = withCorpusFindings(r.tables.filings, r.corpus, places, settings);
  return { ok: true, filing: filings[0], tables: { ...r.tables, filings, findings: [...r.tables.findings, ...findings] } };
}
