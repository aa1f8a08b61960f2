/**
 * The same engine in Node (duckdb-wasm's blocking build), for build-time summaries and tests: the site's
 * queries run unchanged on the same Arrow files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as DuckDB from '@duckdb/duckdb-wasm/blocking';
import { OFFLINE, TABLES } from './tables';
import { toRows, type Run } from './values';

const require = createRequire(import.meta.url);

export async function openNodeDatabase(dataDir: string): Promise<Run> {
  const duckdb: typeof DuckDB = require('@duckdb/duckdb-wasm/blocking');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
  const conn = db.connect();
  for (const s of OFFLINE) conn.query(s);
  for (const name of TABLES) conn.insertArrowFromIPCStream(readFileSync(join(dataDir, `${name}.arrow`)), { name, create: true });
  return async (sql, params = []) => {
    const stmt = conn.prepare(sql);
    try {
      return toRows(stmt.query(...params));
    } finally {
      stmt.close();
    }
  };
}
