import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusRow, Places, Settings } from '../../src/lib/quality';
import { withCorpusFindings } from '../../src/lib/tables/read';
import { fromArrowIPC, TABLE_NAMES, TABLES, type TableName, type TableRow, toArrowIPC, toCSV } from '../../src/lib/tables';
import { writeChunk } from './batch';
import { chunkFiles, concatArrow } from './merge';
import { writeParquet } from './parquet';

/**
 * The second half of the ingest, one partition (county × year) at a time: its cross-filing findings,
 * judged against the places of the whole corpus, then each table's chunks joined into
 * `parts/<partition>/<table>.arrow` (what the site fetches). Then each whole table from the partitions.
 * Runs in a worker thread or in the main one.
 */
export interface PartitionJob {
  settings: Settings;
  tmp: string;
  out: string;
  partition: string;
  /** The partition's filings rows, sorted; their findings_info still without the cross-filing findings. */
  filings: TableRow<'filings'>[];
  /** A JSON file of the corpus's places (entries of Places). */
  places: string;
}

export interface PartitionResult {
  partition: string;
  rows: Record<TableName, number>;
  bytes: Record<TableName, number>;
  /** Cross-filing findings per filing id. */
  corpus: [string, number][];
}

let loaded: { path: string; places: Places } | null = null;

/** The corpus's places, read once per thread. */
function placesIn(path: string): Places {
  if (loaded?.path !== path) {
    const entries = JSON.parse(readFileSync(path, 'utf8')) as [string, string[]][];
    loaded = { path, places: new Map(entries.map(([k, v]) => [k, new Set(v)])) };
  }
  return loaded.places;
}

export function finishPartition(job: PartitionJob): PartitionResult {
  const { tmp, out, partition } = job;
  const rows = chunkFiles(join(tmp, partition, 'corpus')).flatMap((f) => fromArrowIPC(readFileSync(f))) as unknown as CorpusRow[];
  const { filings, findings: extra } = withCorpusFindings(job.filings, rows, placesIn(job.places), job.settings);
  const counts = new Map<string, number>();
  for (const { filing_id: id } of extra) if (id != null) counts.set(id, (counts.get(id) ?? 0) + 1);
  writeChunk(tmp, partition, 'findings', 'z-corpus', TABLES.findings, extra);
  writeChunk(tmp, partition, 'filings', 'c', TABLES.filings, filings);

  const result: PartitionResult = { partition, rows: {} as Record<TableName, number>, bytes: {} as Record<TableName, number>, corpus: [...counts] };
  for (const t of TABLE_NAMES) {
    const merged = concatArrow(chunkFiles(join(tmp, partition, t))) ?? { bytes: toArrowIPC(TABLES[t], []), rows: 0 };
    writeFileSync(join(out, 'parts', partition, `${t}.arrow`), merged.bytes);
    result.rows[t] = merged.rows;
    result.bytes[t] = merged.bytes.length;
  }
  return result;
}

export interface WholeJob {
  out: string;
  table: TableName;
  /** The partitions' Arrow files, in order. */
  files: string[];
  /** Also `<table>.arrow` (and `.csv` when asked): the site's format, built in memory, for data sets a browser loads whole. */
  arrow: boolean;
  csv: boolean;
}

/**
 * A whole table from its partitions: Parquet always (streamed), Arrow and CSV when asked. A file this
 * run does not write is removed, so no table of an earlier run is left looking current.
 */
export async function writeWhole(job: WholeJob): Promise<{ table: TableName }> {
  const path = join(job.out, job.table);
  await writeParquet(job.files, `${path}.parquet`);
  const whole = job.arrow ? concatArrow(job.files)?.bytes ?? toArrowIPC(TABLES[job.table], []) : null;
  if (whole) writeFileSync(`${path}.arrow`, whole);
  else rmSync(`${path}.arrow`, { force: true });
  if (whole && job.csv) writeFileSync(`${path}.csv`, toCSV(TABLES[job.table], fromArrowIPC(whole)));
  else rmSync(`${path}.csv`, { force: true });
  return { table: job.table };
}
