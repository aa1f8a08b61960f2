/**
 * The app's one DuckDB: duckdb-wasm in a Web Worker, its wasm and worker bundled by Vite and served by the
 * site itself, the tables loaded from the site's own `data/` folder. Nothing is fetched from elsewhere.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection, type AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { CREATE_TABLES, OFFLINE, TABLES } from './tables';
import { toRows, type Run } from './values';

export interface Database {
  run: Run;
  /** Fetches and appends the partitions not loaded yet (`parts/<path>/<table>.arrow`), each once. */
  load(paths: readonly string[]): Promise<void>;
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Opens the database with the five tables, empty; `dataUrl` is the site's `data/` folder. */
export async function openDatabase(dataUrl: URL): Promise<Database> {
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
  await db.instantiate(wasmUrl);
  await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
  const conn = await db.connect();
  for (const s of [...OFFLINE, ...CREATE_TABLES]) await conn.query(s);

  // One statement at a time on the connection: queries and inserts alike.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => {});
    return result;
  };

  const loaded = new Map<string, Promise<void>>();
  const loadOne = async (path: string) => {
    // The five files download at once, outside the queue; then they are appended, in table order.
    const files = await Promise.all(TABLES.map((t) => fetchBytes(new URL(`parts/${path}/${t}.arrow`, dataUrl))));
    await serial(async () => {
      for (const [i, name] of TABLES.entries()) await conn.insertArrowFromIPCStream(files[i], { name, create: false });
    });
  };

  return {
    run: runner(conn, serial),
    async load(paths) {
      for (const p of paths) {
        if (!loaded.has(p)) {
          const done = loadOne(p);
          loaded.set(p, done);
          done.catch(() => loaded.delete(p)); // a failed fetch may be retried by the next view that needs it
        }
      }
      await Promise.all(paths.map((p) => loaded.get(p)));
    },
  };
}

/** Prepared statements, one per distinct SQL text. */
function runner(conn: AsyncDuckDBConnection, serial: <T>(work: () => Promise<T>) => Promise<T>): Run {
  const prepared = new Map<string, Promise<AsyncPreparedStatement>>();
  return (sql, params = []) =>
    serial(async () => {
      let stmt = prepared.get(sql);
      if (!stmt) prepared.set(sql, (stmt = conn.prepare(sql)));
      return toRows(await (await stmt).query(...params));
    });
}
