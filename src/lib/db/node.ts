/**
 * The same engine in Node (duckdb-wasm's blocking build), for tests: the site's queries run unchanged on
 * the same Arrow files, loaded the way the site loads them — into the empty tables, whole or by partition.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as DuckDB from '@duckdb/duckdb-wasm/blocking';
import { Loaded, type Database } from './database';
import { CREATE_TABLES, OFFLINE, TABLES } from './tables';
import { toRows, type Run } from './values';

const require = createRequire(import.meta.url);

/**
 * A database on the ingest's output in `dataDir`, empty: `load()` appends its whole tables
 * (`<table>.arrow`), `load(paths)` those partitions (`parts/<path>/<table>.arrow`) in that order.
 */
export async function openNode(dataDir: string): Promise<Database> {
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
  for (const s of [...OFFLINE, ...CREATE_TABLES]) conn.query(s);
  const loaded = new Loaded();
  return {
    run: async (sql, params = []) => {
      const stmt = conn.prepare(sql);
      try {
        return toRows(stmt.query(...params));
      } finally {
        stmt.close();
      }
    },
    async load(asked) {
      const paths = loaded.next(asked);
      const dirs = paths ? paths.map((p) => join(dataDir, 'parts', p)) : [dataDir];
      for (const dir of dirs) {
        for (const name of TABLES) conn.insertArrowFromIPCStream(readFileSync(join(dir, `${name}.arrow`)), { name, create: false });
      }
    },
    close: async () => {
      conn.close();
      db.reset();
    },
  };
}

/** The tests' shorthand: the `run` of a database on `dataDir` with its whole tables, or with `partitions` alone. */
export async function openNodeDatabase(dataDir: string, partitions?: readonly string[]): Promise<Run> {
  const db = await openNode(dataDir);
  await db.load(partitions);
  return db.run;
}
