import { DuckDBInstance, decimalValue } from '@duckdb/node-api';
import { type Column, type Row, sqlType } from '../src/lib/tables';

/**
 * Parquet for users' own tools, written by native DuckDB from the same rows and the same column types
 * the site gets (money as DECIMAL(18,2)).
 */
export async function writeParquet(tables: { name: string; columns: readonly Column[]; rows: Row[] }[], dir: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    for (const t of tables) {
      await con.run(`CREATE TABLE "${t.name}" (${t.columns.map((c) => `"${c.name}" ${sqlType(c.type)}`).join(', ')})`);
      const app = await con.createAppender(t.name);
      for (const r of t.rows) {
        for (const c of t.columns) {
          const v = r[c.name];
          if (v == null) app.appendNull();
          else if (c.type === 'text') app.appendVarchar(String(v));
          else if (c.type === 'int') app.appendInteger(Number(v));
          else if (c.type === 'double') app.appendDouble(Number(v));
          else if (c.type === 'bool') app.appendBoolean(Boolean(v));
          else app.appendDecimal(decimalValue(BigInt(v as bigint), 18, 2));
        }
        app.endRow();
      }
      app.closeSync();
      const path = `${dir}/${t.name}.parquet`.replace(/'/g, "''");
      await con.run(`COPY "${t.name}" TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
    }
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
