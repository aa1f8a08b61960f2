/**
 * The built site in headless Chromium, served from 127.0.0.1 with its precompressed files (scripts/serve.ts):
 * cold loads, filter → redraw, project drill-downs, and the dashboard's own queries timed inside the page's
 * duckdb-wasm. Every time is read from the page's clock (performance marks and the charts' render times).
 */
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../../tests/e2e/browser';
import { settled } from '../../tests/e2e/harness';
import { serve } from '../serve';
import type { Filters } from '../../src/lib/db/scope';

/** Serves `dir` (its `data/` a link to the data: bench/site.ts) on a free port for the length of `work`. */
export async function withSite<T>(dir: string, work: (base: string) => Promise<T>): Promise<T> {
  const server = await serve(dir, 0, { links: ['data'] });
  const address = server.address();
  try {
    return await work(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
  } finally {
    server.close();
  }
}

async function withBrowser<T>(work: (b: Browser) => Promise<T>): Promise<T> {
  const browser = await launch();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

const mark = (page: Page, name: string) =>
  page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, name, { timeout: 120_000 }).then((h) => h.jsonValue() as Promise<number>);

export interface ColdLoad {
  first_chart_ms: number;
  engine_ready_ms: number;
  /** Bytes on the wire (headers included) of every request started before the first chart was drawn. */
  bytes_before_first_chart: number;
  /** Time spent checking data files (size, SHA-256, Arrow rows: src/lib/db/files.ts) before the engine was ready. */
  verify_ms: number;
}

/** The page's time checking data files after `since` (its `verify` measures). */
const verifyMs = (since: number) =>
  performance.getEntriesByName('verify').filter((e) => e.startTime >= since).reduce((n, e) => n + e.duration, 0);

/** A fresh browser profile (nothing cached) opening the site: navigation start → first chart, → engine ready. */
export function coldLoad(base: string): Promise<ColdLoad> {
  return withBrowser(async (browser) => {
    const page = await browser.context.newPage();
    await page.goto(base);
    const first = await mark(page, 'first-chart');
    const ready = await mark(page, 'db-ready');
    const bytes = await page.evaluate(
      (t) =>
        [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
          .filter((e) => e.startTime <= t)
          .reduce((n, e) => n + (e as PerformanceResourceTiming).transferSize, 0),
      first,
    );
    const verify = await page.evaluate(`(${verifyMs})(0)`) as number;
    return { first_chart_ms: first, engine_ready_ms: ready, bytes_before_first_chart: bytes, verify_ms: verify };
  });
}

/** Chooses `value` in the select named `name` after the previous step's layout settled; resolves to the page's clock at the change. */
export async function choose(page: Page, name: string, value: string): Promise<number> {
  await page.waitForTimeout(200); // let the previous step's layout settle
  return page.evaluate(
    ([k, v]) => {
      const select = document.querySelector<HTMLSelectElement>(`select[name="${k}"]`)!;
      select.value = v;
      if (select.value !== v) throw new Error(`no option ${v} for ${k}`);
      const t = performance.now();
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return t;
    },
    [name, value] as const,
  );
}

/** Sets a filter in the filter bar; resolves to the ms until every chart of the view has drawn the result. */
async function redraw(page: Page, key: string, value: string): Promise<number> {
  const t0 = await choose(page, key, value);
  const done = await page.waitForFunction(
    (t) => {
      if (document.querySelector('.pending')) return 0;
      const at = [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((c) => Number(c.dataset.renderedAt));
      return at.length > 0 && at.every((a) => a > t) ? Math.max(...at) : 0;
    },
    t0,
    { timeout: 60_000 },
  );
  return (await done.jsonValue()) - t0;
}

export type Redraw = { view: string; filter: string; kind: 'province' | 'county-cold' | 'county-warm'; ms: number };

/**
 * In one session, on the overview, curves and quality views: years and kinds province-wide (the build-time
 * overview), then two counties (new ones for each view while there are), back to the province, the first
 * county again, and a year within it. A county step is "cold" when its partitions were not loaded before.
 */
export function redraws(base: string, counties: string[], years: number[]): Promise<Redraw[]> {
  return withBrowser(async (browser) => {
    const page = await browser.context.newPage();
    const out: Redraw[] = [];
    const loaded = new Set<string>();
    const views = ['', '?view=curves', '?view=quality'];
    for (const [i, view] of views.entries()) {
      await page.goto(new URL(view, base).href);
      await settled(page);
      const [a, b] = [counties[(2 * i) % counties.length], counties[(2 * i + 1) % counties.length]];
      const steps: [string, string][] = [
        ['year', String(years[0])], ['year', String(years.at(-1))], ['year', ''], ['kind', 'project'], ['kind', ''],
        ['county', a], ['county', b], ['county', ''], ['county', a], ['year', String(years[0])], ['year', ''], ['county', ''],
      ];
      const current: Record<string, string> = { year: '', kind: '', county: '' };
      for (const [key, value] of steps) {
        if (current[key] === value) continue; // one year or one county only: no change, nothing to redraw
        current[key] = value;
        const kind: Redraw['kind'] = current.county === '' ? 'province' : loaded.has(current.county) ? 'county-warm' : 'county-cold';
        out.push({ view: view || 'overview', filter: `${key}=${value}`, kind, ms: await redraw(page, key, value) });
        if (current.county) loaded.add(current.county);
      }
    }
    return out;
  });
}

/**
 * Project pages opened from the spending plans' list of flagged plans, each of a county not loaded yet:
 * click → the page drawn (name, indicators, the plan against the county median). Back to the list between.
 */
export function drilldowns(base: string, n: number): Promise<{ county: string; ms: number }[]> {
  return withBrowser(async (browser) => {
    const page = await browser.context.newPage();
    await page.goto(new URL('?view=curves', base).href);
    await settled(page);
    const links = await page.$$eval('table[data-table="plan-flags"] tbody tr', (rows) =>
      rows.map((r) => ({ id: r.querySelector('[data-project]')!.getAttribute('data-project')!, county: r.querySelector('td:nth-child(2)')!.textContent!.trim() })),
    );
    const seen = new Set<string>();
    const picked = links.filter((l) => !seen.has(l.county) && seen.add(l.county)).slice(0, n);
    const out: { county: string; ms: number }[] = [];
    for (const l of picked) {
      const t0 = await page.evaluate((id) => {
        const t = performance.now();
        document.querySelector<HTMLAnchorElement>(`table[data-table="plan-flags"] [data-project="${id}"]`)!.click();
        return t;
      }, l.id);
      const done = await page.waitForFunction(
        (t) => {
          if (document.querySelector('.pending') || !document.querySelector('[data-project-name]')) return 0;
          const curve = document.querySelector<HTMLElement>('[data-chart="project-curve"]');
          if (curve && !(Number(curve.dataset.renderedAt) > t)) return 0;
          return curve ? Number(curve.dataset.renderedAt) : performance.now();
        },
        t0,
        { timeout: 60_000 },
      );
      out.push({ county: l.county, ms: (await done.jsonValue()) - t0 });
      await page.goBack();
      await page.waitForSelector('table[data-table="plan-flags"]');
    }
    return out;
  });
}

/** A pasted project link in a fresh browser: navigation start → the project page drawn (engine start included). */
export function pastedProject(base: string, id: string): Promise<number> {
  return withBrowser(async (browser) => {
    const page = await browser.context.newPage();
    await page.goto(new URL(`?view=project&project=${encodeURIComponent(id)}`, base).href);
    await page.waitForSelector('[data-project-name]', { timeout: 60_000 });
    await settled(page);
    return page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-chart="project-curve"]')?.dataset.renderedAt ?? performance.now()));
  });
}

/**
 * Loading partitions into the page's engine (`?bench`), and the part of it spent checking the files: with
 * the browser's native SHA-256 (crypto.subtle, a secure context: https or localhost), or without it (a
 * plain-http intranet host: the pure-JS hash).
 */
export function verifiedLoad(base: string, paths: string[], subtle: boolean): Promise<{ load_ms: number; verify_ms: number }> {
  return withBrowser(async (browser) => {
    const page = await browser.context.newPage();
    // on the instance: Chromium ignores a redefinition on Crypto.prototype
    if (!subtle) await page.addInitScript(() => Object.defineProperty(crypto, 'subtle', { value: undefined }));
    await page.goto(new URL('?bench', base).href);
    const { load_ms, t0 } = await page.evaluate(async (paths) => {
      type Db = { load(p: string[]): Promise<void> };
      const db = await (window as unknown as { perflens: { engine(): Promise<Db> } }).perflens.engine();
      const t0 = performance.now();
      await db.load(paths);
      return { load_ms: performance.now() - t0, t0 };
    }, paths);
    return { load_ms, verify_ms: (await page.evaluate(`(${verifyMs})(${t0})`)) as number };
  });
}

/**
 * The dashboard's own province-view queries (src/lib/db/summary.ts `overview`) in the page's duckdb-wasm
 * (`?bench` lends them), on the given partitions: ms per filter set, each the median of `reps` after a
 * warm-up, and the time to load the partitions.
 */
export function wasmQueries(base: string, paths: string[], filters: Filters[], reps: number): Promise<{ load_ms: number; ms: number[] }> {
  return withBrowser(async (browser) => {
    const page = await browser.context.newPage();
    await page.goto(new URL('?bench', base).href);
    return page.evaluate(
      async ({ paths, filters, reps }) => {
        type Db = { run: unknown; load(p: string[]): Promise<void> };
        const lent = (window as unknown as { perflens: { engine(): Promise<Db>; overview(run: unknown, f: unknown): Promise<unknown> } }).perflens;
        const db = await lent.engine();
        const t0 = performance.now();
        await db.load(paths);
        const load_ms = performance.now() - t0;
        const ms: number[] = [];
        for (const f of filters) {
          const times: number[] = [];
          for (let i = 0; i <= reps; i++) {
            const t = performance.now();
            await lent.overview(db.run, f);
            if (i > 0) times.push(performance.now() - t);
          }
          times.sort((a, b) => a - b);
          ms.push(times[Math.floor(times.length / 2)]);
        }
        return { load_ms, ms };
      },
      { paths, filters, reps },
    );
  });
}
