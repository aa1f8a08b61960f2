/**
 * The filter bar's facets (src/lib/db/facets.ts) timed as the site runs them: in the page's duckdb-wasm on
 * the largest county's partitions (a partitioned site counts within the chosen county, its facets as the
 * site's), under a county alone, a county and a year, and a county with five more filters (a selection per
 * set filter); and on native DuckDB over the whole province, the worst case a site loaded whole would meet.
 */
import { launch } from '../../tests/e2e/browser';
import { facets, siteFacets } from '../../src/lib/db/facets';
import { openNativeDatabase } from '../../src/lib/db/native';
import { NO_FILTERS, type Filters } from '../../src/lib/db/scope';

export const facetFilters = (county: string, year: number, rule: string): Filters[] => [
  { ...NO_FILTERS, county },
  { ...NO_FILTERS, county, year },
  { ...NO_FILTERS, county, year, kind: 'project', level1: '产出指标', band: '差', rule },
];

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median ms of `reps` warm runs per filter set, in the page at `base` (opened with `?bench`). */
export async function wasmFacets(base: string, paths: string[], filters: Filters[], reps: number): Promise<number[]> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(new URL('?bench', base).href);
    return await page.evaluate(
      async ({ paths, filters, reps, keys }) => {
        type Db = { run: unknown; load(p: string[]): Promise<void> };
        const lent = (window as unknown as { perflens: { engine(): Promise<Db>; facets(run: unknown, f: unknown, keys: string[]): Promise<unknown> } }).perflens;
        const db = await lent.engine();
        await db.load(paths);
        const out: number[] = [];
        for (const f of filters) {
          const times: number[] = [];
          for (let i = 0; i <= reps; i++) {
            const t = performance.now();
            await lent.facets(db.run, f, keys);
            if (i > 0) times.push(performance.now() - t);
          }
          out.push(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]);
        }
        return out;
      },
      { paths, filters, reps, keys: siteFacets(true) },
    );
  } finally {
    await browser.close();
  }
}

/** Median ms of the facets over every row of the province (no filter, then a year), on native DuckDB. */
export async function nativeFacets(dataDir: string, year: number, reps: number): Promise<number[]> {
  const db = await openNativeDatabase(dataDir);
  try {
    await db.load();
    const out: number[] = [];
    for (const f of [NO_FILTERS, { ...NO_FILTERS, year }]) {
      const times: number[] = [];
      for (let i = 0; i <= reps; i++) {
        const t = performance.now();
        await facets(db.run, f);
        if (i > 0) times.push(performance.now() - t);
      }
      out.push(medianOf(times));
    }
    return out;
  } finally {
    db.close();
  }
}
