/** Rows of the ingest's own Parquet (the site under test's data), read by native DuckDB: what a page must show, not from the site's SQL. */
import { join } from 'node:path';
import { inject } from 'vitest';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

/** `T(name)` in `sql` stands for the table's file. */
export async function parquetRows(db: DuckDBConnection, sql: string, ...params: DuckDBValue[]): Promise<Record<string, unknown>[]> {
  const text = sql.replace(/T\((\w+)\)/g, (_, t: string) => `read_parquet('${join(inject('dataDir'), `${t}.parquet`)}')`);
  const stmt = await db.prepare(text);
  if (params.length) stmt.bind(params);
  const r = await stmt.runAndReadAll();
  stmt.destroySync();
  return r.getRowObjectsJS() as Record<string, unknown>[];
}
