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
import { PARTITION_PATH, UNKNOWN_PART } from './layout';
import { CREATE_TABLES, TABLES } from './tables';
import { decimalRefused, plain, type Param, type Row, type Run } from './values';

export interface NativeDatabase {
  run: Run;
  /** Loads the five tables (`<table>.parquet`): every row, or the rows of the given partitions (`<code>/<year>`). */
  load(paths?: readonly string[]): Promise<void>;
  close(): void;
}

export async function openNativeDatabase(dataDir: string, threads?: number): Promise<NativeDatabase> {
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const conn = await instance.connect();
  for (const s of CREATE_TABLES) await conn.run(s);
  return {
    run: (sql, params = []) => query(conn, sql, params),
    async load(paths) {
      if (paths?.length === 0) return;
      const where = paths ? partitionWhere(paths) : { sql: '', params: [] };
      for (const t of TABLES) {
        const stmt = await conn.prepare(`INSERT INTO ${t} BY NAME SELECT * FROM read_parquet(?::VARCHAR) ${where.sql}`);
        stmt.bind([join(dataDir, `${t}.parquet`), ...where.params]);
        await stmt.run();
        stmt.destroySync();
      }
    },
    close: () => {
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
    const names = reader.columnNames();
    names.forEach((name, i) => {
      if (reader.columnTypeId(i) === DuckDBTypeId.DECIMAL) throw decimalRefused(name);
    });
    return reader.getRowsJS().map((values) => {
      const row: Row = {};
      names.forEach((name, i) => (row[name] = plain(values[i], name)));
      return row;
    });
  } finally {
    stmt.destroySync();
  }
}
