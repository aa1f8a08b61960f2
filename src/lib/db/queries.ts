/**
 * Every question the views ask, as SQL over the contract's tables, one module per view (queries/), over
 * the shared fragments of sql.ts and one `Run` (database.ts: the browser's, Node's or native DuckDB).
 * Money leaves DuckDB as exact fen (`(x * 100)::BIGINT AS x_fen`), never as a float; filter values are
 * bound parameters (see scope.ts); each result is decoded through its declared shape (decode.ts).
 * A county is its filing's `county_code` (names are not unique: Hebei has two 新华区). Every table carries
 * the code and year, so a query groups by its own table's columns without joining filings; rows carry the
 * code and the views label it with `countyNames` (null: the filings without a code).
 */
export * from './queries/choices';
export * from './queries/overview';
export * from './queries/curves';
export * from './queries/quality';
export * from './queries/project';
export * from './queries/reading';
export { fen, severityOrder } from './sql';
export type { Row } from './values';
