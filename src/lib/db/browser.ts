/**
 * The app's one DuckDB: duckdb-wasm in a Web Worker, its wasm and worker bundled by Vite and served by the
 * site itself, the tables loaded from the site's own `data/` folder. Nothing is fetched from elsewhere.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection, type AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { OFFLINE, TABLES } from './tables';
import { toRows, type Run } from './values';

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Opens the database and loads the tables found at `dataUrl`; resolves to the query function. */
export async function openDatabase(dataUrl: URL): Promise<Run> {
  // Download the tables while the engine compiles.
  const files = TABLES.map((t) => fetchBytes(new URL(`${t}.arrow`, dataUrl)));
  files.forEach((f) => f.catch(() => {})); // awaited below; avoid an unhandled rejection meanwhile
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
  await db.instantiate(wasmUrl);
  await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
  const conn = await db.connect();
  for (const s of OFFLINE) await conn.query(s);
  for (const [i, name] of TABLES.entries()) {
    await conn.insertArrowFromIPCStream(await files[i], { name, create: true });
  }
  return runner(conn);
}

/** Prepared statements, one per distinct SQL text, run one at a time on the connection. */
function runner(conn: AsyncDuckDBConnection): Run {
  const prepared = new Map<string, Promise<AsyncPreparedStatement>>();
  let queue: Promise<unknown> = Promise.resolve();
  return (sql, params = []) => {
    const result = queue.then(async () => {
      let stmt = prepared.get(sql);
      if (!stmt) prepared.set(sql, (stmt = conn.prepare(sql)));
      return toRows(await (await stmt).query(...params));
    });
    queue = result.catch(() => {});
    return result;
  };
}
