/**
 * The app's one DuckDB: duckdb-wasm in a Web Worker, its wasm and worker bundled by Vite and served by the
 * site itself, the tables loaded from the site's own `data/` folder, every file checked against the
 * build's list before it is appended (files.ts). Nothing is fetched from elsewhere.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection, type AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { arrowRows } from './arrow-rows';
import type { Database } from './database';
import { LoadFailure } from './failure';
import { fetchBytes, type DataFiles } from './files';
import { ended, report } from './progress';
import { CREATE_TABLES, OFFLINE, TABLES, type Table } from './tables';
import { toRows, type Run } from './values';

/**
 * The site's database: `load` fetches and appends the partitions not loaded yet
 * (`parts/<path>/<table>.arrow`), each once; without paths, every partition of the data (`every`).
 */
export interface SiteDatabase extends Database {
  /**
   * Appends filings' rows (each table's Arrow IPC, as the import worker writes them, for one filing or a
   * group): all of them or, when a table refuses its rows, none (the others' rows of those filings are
   * deleted again).
   */
  append(filingIds: readonly string[], ipc: Record<Table, Uint8Array>): Promise<void>;
}

/**
 * No sign of progress for this long and the start is given up (the page offers a retry). The wasm's
 * download reports progress as it comes; compiling it and creating the tables take about a second here.
 */
export const STALL_SECONDS = 30;

/** A file of the site as the user's server knows it (`assets/duckdb-eh-….wasm`). */
const siteName = (url: string) => {
  const u = new URL(url, document.baseURI);
  const base = new URL('.', document.baseURI).href;
  return u.href.startsWith(base) ? u.href.slice(base.length) : u.pathname;
};

/** What each engine file must be served as; Chromium refuses a worker script of another type. */
const SERVED_AS: [url: string, type: RegExp, named: string][] = [
  [wasmUrl, /^application\/wasm\b/, 'application/wasm'],
  [workerUrl, /javascript|ecmascript/, 'text/javascript'],
];

/**
 * Asks the server for the engine's files (HEAD) and fails with what it answered when one is missing,
 * blocked or of the wrong type: duckdb-wasm itself never reports a failed wasm download (its promise
 * stays pending). A server that does not answer HEAD proves nothing either way.
 */
async function checkServed(): Promise<never> {
  await Promise.all(
    SERVED_AS.map(async ([url, type, named]) => {
      const file = siteName(url);
      const { res } = await fetchBytes(new URL(url, document.baseURI), file, { method: 'HEAD' }).catch((e: unknown) => {
        if (e instanceof LoadFailure && e.kind === 'http' && /^(405|501)\b/.test(e.found)) return { res: null };
        throw e;
      });
      const got = res?.headers.get('content-type') ?? null;
      if (res && !type.test(got ?? '')) throw new LoadFailure('type', file, named, got ?? 'no Content-Type');
    }),
  );
  return new Promise<never>(() => {}); // all is well: the start itself decides
}

/** The engine started, or a LoadFailure: a worker that fails, a file the server will not give, a stall. */
async function start(db: AsyncDuckDB, worker: Worker): Promise<AsyncDuckDBConnection> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onError: (e: ErrorEvent) => void = () => {};
  let progress = () => {};
  const failed = new Promise<never>((_, reject) => {
    onError = (e) => reject(new LoadFailure('engine', siteName(workerUrl), '', e.message || 'the worker did not run'));
    worker.addEventListener('error', onError);
    const stalled = () => reject(new LoadFailure('timeout', siteName(wasmUrl), String(STALL_SECONDS)));
    timer = setTimeout(stalled, STALL_SECONDS * 1000);
    progress = () => {
      clearTimeout(timer);
      timer = setTimeout(stalled, STALL_SECONDS * 1000);
    };
  });
  const opened = (async () => {
    // the build's size of the wasm: the server's length is the compressed one, the progress counts unpacked bytes
    await db.instantiate(wasmUrl, null, (p) => (progress(), report(siteName(wasmUrl), p.bytesLoaded, __WASM_BYTES__)));
    await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
    const conn = await db.connect();
    for (const s of [...OFFLINE, ...CREATE_TABLES]) await conn.query(s);
    return conn;
  })();
  try {
    return await Promise.race([opened, failed, checkServed()]);
  } catch (e) {
    // duckdb-wasm's own errors (its worker's message) become an engine failure naming the wasm
    throw e instanceof LoadFailure ? e : new LoadFailure('engine', siteName(wasmUrl), '', e instanceof Error ? e.message : String(e));
  } finally {
    ended(siteName(wasmUrl));
    clearTimeout(timer);
    worker.removeEventListener('error', onError);
  }
}

/**
 * Opens the database with the five tables, empty; its data comes from `files` (the site's `data/`), whose
 * partitions are `every`. `close` stops the worker (a failed start is retried with a new one).
 */
export async function openDatabase(files: DataFiles, every: readonly string[] = []): Promise<SiteDatabase> {
  const worker = new Worker(workerUrl);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  let conn: AsyncDuckDBConnection;
  try {
    conn = await start(db, worker);
  } catch (e) {
    await db.terminate();
    throw e;
  }

  // One statement at a time on the connection: queries and inserts alike.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => {});
    return result;
  };

  const loaded = new Map<string, Promise<void>>();
  const loadOne = async (path: string) => {
    // The five files download (and are checked) at once, outside the queue; then appended, in table
    // order, only when all five are sound: a partition is in the tables whole or not at all.
    const tables = await Promise.all(TABLES.map((t) => files.bytes(`parts/${path}/${t}.arrow`, arrowRows)));
    await serial(async () => {
      for (const [i, name] of TABLES.entries()) await conn.insertArrowFromIPCStream(tables[i], { name, create: false });
    });
  };

  return {
    run: runner(conn, serial),
    async load(paths = every) {
      for (const p of paths) {
        if (!loaded.has(p)) {
          const done = loadOne(p);
          loaded.set(p, done);
          done.catch(() => loaded.delete(p)); // a failed fetch may be retried by the next view that needs it
        }
      }
      await Promise.all(paths.map((p) => loaded.get(p)));
    },
    append: (ids, ipc) =>
      serial(async () => {
        try {
          for (const name of TABLES) await conn.insertArrowFromIPCStream(ipc[name], { name, create: false });
        } catch (e) {
          for (const name of TABLES) {
            const stmt = await conn.prepare(`DELETE FROM ${name} WHERE filing_id IN (${ids.map(() => '?').join(', ')})`);
            await stmt.query(...ids);
            await stmt.close();
          }
          throw e;
        }
      }),
    close: () => db.terminate(),
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
