/**
 * The site's SQL on native DuckDB (@duckdb/node-api), over the ingest's whole-table Parquet files: the build-time
 * overview at province scale (beyond what duckdb-wasm's 4 GB address space can hold) and the benchmark's
 * native baseline. Same tables, same queries, same row rules as values.ts (a DECIMAL must be cast in
 * SQL; BIGINT `_fen` columns stay bigint, other BIGINTs become numbers).
 */
import { join } from 'node:path';
import {
  BIGINT, BOOLEAN, DOUBLE, DuckDBInstance, DuckDBTypeId, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api';
import { Loaded, type Database } from './database';
import { PARTITION_PATH, UNKNOWN_PART } from './layout';
import { CREATE_TABLES, TABLES } from './tables';
import { rowsOf, type Param, type Row } from './values';

/** A database over the five tables' Parquet files (`<table>.parquet`) in `dataDir`, loaded whole or by partition. */
export async function openNativeDatabase(dataDir: string, threads?: number): Promise<Database> {
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const conn = await instance.connect();
  for (const s of CREATE_TABLES) await conn.run(s);
  const loaded = new Loaded();
  return {
    run: (sql, params = []) => query(conn, sql, params),
    async load(asked) {
      const paths = loaded.next(asked);
      if (paths?.length === 0) return;
      const where = paths ? partitionWhere(paths) : { sql: '', params: [] };
      for (const t of TABLES) {
        const stmt = await conn.prepare(`INSERT INTO ${t} BY NAME SELECT * FROM read_parquet(?::VARCHAR) ${where.sql}`);
        stmt.bind([join(dataDir, `${t}.parquet`), ...where.params]);
        await stmt.run();
        stmt.destroySync();
      }
    },
    close: async () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * The rows of some partitions: the exact `<code>/<year>` test, and the codes alone, which DuckDB checks
 * against each row group's statistics (the tables are sorted by code) to skip the rest of the province.
 */
function partitionWhere(paths: readonly string[]): { sql: string; params: string[] } {
  const codes = [...new Set(paths.map((p) => p.split('/')[0]))];
  const marks = (xs: unknown[]) => xs.map(() => '?').join(', ');
  const exact = `${PARTITION_PATH} IN (${marks([...paths])})`;
  if (codes.includes(UNKNOWN_PART)) return { sql: `WHERE ${exact}`, params: [...paths] };
  return { sql: `WHERE county_code IN (${marks(codes)}) AND ${exact}`, params: [...codes, ...paths] };
}

const typeOf = (p: Param): DuckDBType | undefined =>
  typeof p === 'string' ? VARCHAR : typeof p === 'boolean' ? BOOLEAN : typeof p === 'number' ? (Number.isInteger(p) ? BIGINT : DOUBLE) : undefined;

async function query(conn: DuckDBConnection, sql: string, params: readonly Param[]): Promise<Row[]> {
  const stmt = await conn.prepare(sql);
  try {
    if (params.length) stmt.bind([...params] as DuckDBValue[], params.map(typeOf) as DuckDBType[]);
    const reader = await stmt.runAndReadAll();
    const columns = reader.columnNames().map((name, i) => ({ name, decimal: reader.columnTypeId(i) === DuckDBTypeId.DECIMAL }));
    const values = reader.getRowsJS();
    return rowsOf(columns, values.length, (r, c) => values[r][c]);
  } finally {
    stmt.destroySync();
  }
}
