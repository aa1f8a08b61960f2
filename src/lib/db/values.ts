/**
 * Arrow results → plain rows, converting on purpose. DuckDB hands back DECIMAL as Arrow decimals (an
 * unscaled Uint32Array whose String() is the value in fen, not in yuan) and BIGINT as bigint; neither may
 * reach the screen by accident. Rules:
 * - DECIMAL columns are refused: the SQL must say what it wants (`(x * 100)::BIGINT AS x_fen` for exact
 *   money, or `x::VARCHAR` for the decimal text).
 * - BIGINT columns whose name ends in `_fen` stay bigint (exact money); other BIGINTs (counts) become
 *   numbers, and refuse to if they would lose precision.
 */
import { Type, type Table } from 'apache-arrow';

export type Value = string | number | boolean | bigint | null;
export type Row = Record<string, Value>;
export type Param = string | number | boolean | null;

/** What a query needs from a database: run SQL with bound `?` parameters, get rows. */
export type Run = (sql: string, params?: readonly Param[]) => Promise<Row[]>;

/** An Arrow result's rows (duckdb-wasm, in the browser and in Node). */
export function toRows(table: Table): Row[] {
  const fields = table.schema.fields;
  const vectors = fields.map((_, i) => table.getChildAt(i)!);
  return rowsOf(fields.map((f) => ({ name: f.name, decimal: f.typeId === Type.Decimal })), table.numRows, (r, c) => vectors[c].get(r));
}

/**
 * Rows from any engine's result, by column: `at(r, c)` is row r's value of column c. The one place
 * results become rows, so every engine refuses and converts alike.
 */
export function rowsOf(columns: readonly { name: string; decimal: boolean }[], count: number, at: (r: number, c: number) => unknown): Row[] {
  for (const c of columns) if (c.decimal) throw decimalRefused(c.name);
  const rows: Row[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const row: Row = {};
    for (let c = 0; c < columns.length; c++) row[columns[c].name] = plain(at(r, c), columns[c].name);
    rows[r] = row;
  }
  return rows;
}

/** A DECIMAL column reached a result: the SQL must say what it wants. */
const decimalRefused = (name: string) => new Error(`column ${name} is DECIMAL: cast it in SQL ((x * 100)::BIGINT AS ${name}_fen, or x::VARCHAR)`);

/** One value of column `name`, by the rules above. */
function plain(v: unknown, name: string): Value {
  if (v == null) return null;
  if (typeof v === 'bigint') {
    if (name.endsWith('_fen')) return v;
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new Error(`column ${name}: ${v} does not fit a number`);
    return n;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new Error(`column ${name}: unexpected ${Object.prototype.toString.call(v)}; select a plain type`);
}
