/** The contract's five tables (data-contract.md), as the site loads them: `<table>.arrow`, Arrow IPC streams. */
export { TABLE_NAMES as TABLES, type TableName as Table } from '../tables/schema';

/**
 * Settings for a database that must never touch the network: duckdb-wasm would otherwise fetch
 * extensions from the internet when a query needs one.
 */
export const OFFLINE = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];
