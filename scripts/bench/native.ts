/**
 * The same province-view queries as browser.ts `wasmQueries`, on native DuckDB (@duckdb/node-api) over
 * the same partitions' rows (read from the whole tables' Parquet): the physical baseline duckdb-wasm is compared with.
 */
import { openNativeDatabase } from '../../src/lib/db/native';
import { overview } from '../../src/lib/db/summary';
import type { Filters } from '../../src/lib/db/scope';

export async function nativeQueries(dataDir: string, paths: string[], filters: Filters[], reps: number, threads?: number) {
  const db = await openNativeDatabase(dataDir, threads);
  try {
    const t0 = performance.now();
    await db.load(paths);
    const load_ms = performance.now() - t0;
    const ms: number[] = [];
    for (const f of filters) {
      const times: number[] = [];
      for (let i = 0; i <= reps; i++) {
        const t = performance.now();
        await overview(db.run, f);
        if (i > 0) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      ms.push(times[Math.floor(times.length / 2)]);
    }
    return { load_ms, ms };
  } finally {
    db.close();
  }
}
