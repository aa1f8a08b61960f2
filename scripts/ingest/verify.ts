import { closeSync, existsSync, openAsBlob, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { RecordBatchReader } from 'apache-arrow';
import { TABLE_NAMES, type TableName } from '../../src/lib/tables';

const pq = createRequire(import.meta.url)('parquet-wasm/node') as typeof import('parquet-wasm/node');

/**
 * A staged output read back before it is swapped in: every Arrow file holds the rows the manifest says
 * (and each partition's file its size), every Parquet file has Parquet's magic at both ends and, by its
 * footer, the table's rows (parquet-wasm's streamed writer once dropped the batches it could not convert
 * without an error: an all-null Bool column), each CSV asked for exists. What does not match is named;
 * nothing is swapped in then.
 */
export interface Written {
  tables: Record<TableName, { rows: number; arrow: boolean }>;
  partitions: { partition: string; rows: Record<TableName, number>; bytes: Record<TableName, number> }[];
}

/** The problems found, one line each (empty: the output is whole). */
export async function verifyOutput(dir: string, csv: boolean): Promise<string[]> {
  const problems: string[] = [];
  let m: Written;
  try {
    m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Written;
  } catch (e) {
    return [`manifest.json: cannot be read back (${(e as Error).message})`];
  }
  const arrow = (file: string, rows: number, bytes?: number) => {
    const path = join(dir, file);
    if (!existsSync(path)) return void problems.push(`${file}: missing`);
    if (bytes != null && statSync(path).size !== bytes) return void problems.push(`${file}: ${statSync(path).size} bytes, the manifest says ${bytes}`);
    let n = 0;
    try {
      for (const batch of RecordBatchReader.from(readFileSync(path))) n += batch.numRows;
    } catch (e) {
      return void problems.push(`${file}: not readable as Arrow (${(e as Error).message})`);
    }
    if (n !== rows) problems.push(`${file}: ${n} rows, the manifest says ${rows}`);
  };
  for (const p of m.partitions) for (const t of TABLE_NAMES) arrow(`parts/${p.partition}/${t}.arrow`, p.rows[t], p.bytes[t]);
  for (const t of TABLE_NAMES) {
    const parquet = join(dir, `${t}.parquet`);
    if (!isParquet(parquet)) problems.push(`${t}.parquet: missing or not a whole Parquet file`);
    else {
      const n = await parquetRows(parquet);
      if (n !== m.tables[t].rows) problems.push(`${t}.parquet: ${n} rows, the manifest says ${m.tables[t].rows}`);
    }
    if (m.tables[t].arrow) arrow(`${t}.arrow`, m.tables[t].rows);
    if (m.tables[t].arrow && csv && !existsSync(join(dir, `${t}.csv`))) problems.push(`${t}.csv: missing`);
  }
  return problems;
}

/** The rows a Parquet file's footer counts (only the footer is read). */
async function parquetRows(path: string): Promise<number> {
  const file = await pq.ParquetFile.fromFile(await openAsBlob(path));
  try {
    return file.metadata().fileMetadata().numRows();
  } finally {
    file.free();
  }
}

/** `PAR1` at the start and at the end: a file cut short lacks its footer. */
function isParquet(path: string): boolean {
  if (!existsSync(path)) return false;
  const size = statSync(path).size;
  if (size < 12) return false;
  const fd = openSync(path, 'r');
  try {
    const [head, tail] = [Buffer.alloc(4), Buffer.alloc(4)];
    readSync(fd, head, 0, 4, 0);
    readSync(fd, tail, 0, 4, size - 4);
    return head.toString('latin1') === 'PAR1' && tail.toString('latin1') === 'PAR1';
  } finally {
    closeSync(fd);
  }
}
