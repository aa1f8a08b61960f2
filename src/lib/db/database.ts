/**
 * One DuckDB, whichever engine holds it: duckdb-wasm in the browser (browser.ts), the same wasm in Node
 * for the tests (node.ts), native DuckDB at build time and in the benchmark (native.ts). Each opens with
 * the five tables empty (tables.ts); the site's queries (queries/) take its `run` and work on all three.
 */
import type { Run } from './values';

export interface Database {
  /** SQL with bound `?` parameters → plain rows (values.ts): the one thing every query needs. */
  run: Run;
  /**
   * Appends the rows of these partitions (`<code>/<year>`, db/layout.ts), each once; without `paths`,
   * every row of the data the database was opened on.
   */
  load(paths?: readonly string[]): Promise<void>;
  /** Frees the engine (the browser's worker, the native instance). */
  close(): Promise<void>;
}

/**
 * What an engine that appends in one go (Node, native) has appended, so `load` appends each partition
 * once. (The browser tracks its downloads itself: one may fail and be fetched again.)
 */
export class Loaded {
  private paths = new Set<string>();
  private whole = false;
  /** What `load(paths)` must append: the partitions not in yet, or undefined for every row; [] for nothing. */
  next(paths?: readonly string[]): string[] | undefined {
    if (this.whole) return [];
    if (!paths) {
      if (this.paths.size) throw new Error('the database already holds some partitions: loading every row would repeat them');
      this.whole = true;
      return undefined;
    }
    const fresh = [...new Set(paths)].filter((p) => !this.paths.has(p));
    for (const p of fresh) this.paths.add(p);
    return fresh;
  }
}
