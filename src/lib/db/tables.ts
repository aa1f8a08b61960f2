/** The contract's five tables (data-contract.md), as the site loads them: `<table>.arrow`, Arrow IPC streams. */
import { sqlType, TABLE_NAMES, TABLES } from '../tables/schema';

export { TABLE_NAMES as TABLES, type TableName as Table } from '../tables/schema';

/**
 * Settings for a database that must never touch the network: duckdb-wasm would otherwise fetch
 * extensions from the internet when a query needs one.
 */
export const OFFLINE = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];

/**
 * The five tables, created empty from the schema the ingest writes with: every query runs (on no rows)
 * before any data is loaded, and whole tables or partitions are then appended to them alike.
 */
export const CREATE_TABLES = [
  ...TABLE_NAMES.map((t) => `CREATE TABLE ${t} (${TABLES[t].map((c) => `"${c.name}" ${sqlType(c.type)}`).join(', ')})`),
  // The filings imported in this browser (src/lib/import): empty wherever nothing is imported (the build, the tests).
  'CREATE TABLE imported (filing_id VARCHAR PRIMARY KEY, source_file VARCHAR, imported_at VARCHAR, bytes BIGINT)',
];
