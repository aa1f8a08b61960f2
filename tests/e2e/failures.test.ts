/**
 * When loading goes wrong, in real headless Chromium: a data file cut short or changed after the build is
 * refused by name and nothing is drawn from it; an engine the server will not give (404, the wrong MIME
 * type) says what the server answered and what to check; each offers a retry that works once the cause
 * is gone; a page number past any table's end is a plain sentence, never DuckDB's error.
 * The damaged sites are copies of the site under test (setup.ts), in both layouts: loaded whole at start
 * (the seeds) and fetched per county (the seeds rebuilt `--partitioned`; with `npm run test:province`,
 * the province, its data linked file by file but for the one file a test damages).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serve } from '../../scripts/serve';
import { ROOT } from './setup';
import { byCounty, codeOf } from './expected';
import { baseUrl, launch, watch } from './harness';
import type { Browser } from './browser';

let browser: Browser;
const dataDir = realpathSync(inject('dataDir'));
const SHANHAIGUAN = codeOf('山海关区');
const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as { partitions: { partition: string; county_code: string | null }[] };
const partition = manifest.partitions.find((p) => p.county_code === SHANHAIGUAN)!.partition;
const DAMAGED = `parts/${partition}/indicators.arrow`;
const INDICATORS = String(byCounty.find((g) => g.code === SHANHAIGUAN)!.indicators);

const COMPRESSED = ['.br', '.gz'];
type Layout = 'whole' | 'partitioned';
/** The layouts to try: a province is partitioned already (and too big to copy or rebuild). */
const LAYOUTS: Layout[] = inject('partitioned') ? ['partitioned'] : ['whole', 'partitioned'];

/** A copy of the site under test in a layout: its own files, its data copied (the seeds) or linked. */
async function siteCopy(layout: Layout) {
  const site = mkdtempSync(join(tmpdir(), 'perflens-damaged-'));
  cpSync(dirname(inject('dataDir')), site, { recursive: true, filter: (src) => src !== inject('dataDir') });
  const data = join(site, 'data');
  const mirror = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const e of readdirSync(from, { withFileTypes: true })) {
      if (e.isDirectory()) mirror(join(from, e.name), join(to, e.name));
      else symlinkSync(join(from, e.name), join(to, e.name));
    }
  };
  if (inject('partitioned')) mirror(dataDir, data);
  else {
    cpSync(dataDir, data, { recursive: true });
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    if (layout === 'partitioned') execFileSync(tsx, ['scripts/site-summary.ts', data, '--partitioned'], { cwd: ROOT, stdio: 'ignore' });
  }
  const originals = new Map<string, Buffer>();
  const server: Server = await serve(site, 0, { links: [dataDir] });
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}/`,
    /**
     * Replaces a data file (a file of its own, never the linked original) by what `change` makes of it,
     * and takes away its precompressed copies (a province's are beside it), so the damage is what is served.
     */
    damage(path: string, change: (b: Buffer) => Buffer) {
      const file = join(data, path);
      originals.set(path, readFileSync(file));
      unlinkSync(file);
      writeFileSync(file, change(originals.get(path)!));
      for (const ext of COMPRESSED) if (existsSync(file + ext)) renameSync(file + ext, `${file}${ext}.away`);
    },
    restore(path: string) {
      const file = join(data, path);
      writeFileSync(file, originals.get(path)!);
      for (const ext of COMPRESSED) if (existsSync(`${file}${ext}.away`)) renameSync(`${file}${ext}.away`, file + ext);
    },
    async close() {
      await new Promise((done) => server.close(done));
      rmSync(site, { recursive: true, force: true });
    },
  };
}

const failure = (page: Page) => page.locator('[data-failure]').first();

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(tmpdir(), `perflens-failure-${name}.png`) });
}

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('a damaged data file', () => {
  const cases: [string, (b: Buffer) => Buffer, RegExp][] = [
    ['cut in half', (b) => b.subarray(0, b.length >> 1), /有 [\d,]+ 字节，构建时是 [\d,]+ 字节/],
    ['one byte changed', (b) => Buffer.concat([b.subarray(0, 100), Buffer.from([b[100] ^ 0xff]), b.subarray(101)]), /SHA-256 [0-9a-f]{12}…，应为 [0-9a-f]{12}…/],
  ];
  for (const layout of LAYOUTS) for (const [what, change, says] of cases) {
    it(`${what}, ${layout}: is refused by name, nothing is drawn from it, and a retry after the repair loads it`, async () => {
      const site = await siteCopy(layout);
      try {
        site.damage(DAMAGED, change);
        const w = await watch(browser, `?view=data&table=indicators&county=${SHANHAIGUAN}`, undefined, site.base);
        await expect.poll(() => failure(w.page).isVisible(), { timeout: 30_000 }).toBe(true);
        const text = await failure(w.page).innerText();
        expect(text).toContain(`data/${DAMAGED}`);
        expect(text).toMatch(says);
        expect(text).toContain('npm run build'); // what to do
        expect(await w.page.locator('table[data-table="data-indicators"]').count(), 'no rows drawn').toBe(0);
        // the overview of the county: no number either
        await w.page.click('nav a[data-view="overview"]');
        await expect.poll(() => failure(w.page).isVisible()).toBe(true);
        expect(await w.page.locator('table[data-table="counties"]').count(), 'no county row drawn').toBe(0);
        await shot(w.page, `${what}-${layout}`.replaceAll(' ', '-'));
        // the console has the details, the page the sentence
        expect(w.errors.join('\n')).toContain(DAMAGED);

        site.restore(DAMAGED);
        await w.page.click('[data-retry]');
        const row = w.page.locator(`table[data-table="counties"] tr[data-county="${SHANHAIGUAN}"] td[data-col="indicators"]`);
        await expect.poll(() => row.innerText().catch(() => ''), { timeout: 30_000 }).toBe(INDICATORS);
        expect(w.offsite).toEqual([]);
        await w.page.close();
      } finally {
        await site.close();
      }
    });
  }
});

describe('an engine the server will not give', () => {
  const cases: [string, { status: number; contentType: string }, RegExp][] = [
    ['404', { status: 404, contentType: 'text/html' }, /服务器对 assets\/duckdb-eh-[\w-]+\.wasm 的回答是 404/],
    ['the wrong MIME type', { status: 200, contentType: 'application/octet-stream' }, /assets\/duckdb-eh-[\w-]+\.wasm 作为 application\/octet-stream 发送，应为 application\/wasm/],
  ];
  for (const [what, answer, says] of cases) {
    it(`${what}: says what the server answered and what to check; retry works once it is served`, async () => {
      const w = await watch(browser, null);
      const wasm = '**/*.wasm';
      await w.page.route(wasm, (route) => route.fulfill({ ...answer, body: 'no engine here' }));
      await w.page.goto(new URL(`?view=data&county=${SHANHAIGUAN}`, baseUrl()).href);
      await expect.poll(() => failure(w.page).isVisible(), { timeout: 30_000 }).toBe(true);
      const text = await failure(w.page).innerText();
      expect(text).toMatch(says);
      expect(text).toMatch(/MIME|代理/);
      expect(await w.page.locator('[data-engine]').getAttribute('data-engine')).toBe('error');
      await shot(w.page, `engine-${what.replaceAll(' ', '-')}`);

      await w.page.unroute(wasm);
      await w.page.click('[data-retry]');
      await w.page.waitForSelector('[data-engine="ready"]', { timeout: 30_000 });
      await w.page.waitForSelector('table[data-table="data-indicators"]', { timeout: 30_000 });
      await w.page.close();
    });
  }
});

describe('a page past the end', () => {
  it('page=99999999999999999999 shows the last page and says so, not the engine’s error', async () => {
    const w = await watch(browser, null);
    await w.page.goto(new URL(`?view=data&table=projects&county=${SHANHAIGUAN}&page=99999999999999999999`, baseUrl()).href);
    await w.page.waitForSelector('[data-page-missing]', { timeout: 30_000 });
    const body = await w.page.locator('main').innerText();
    expect(body).toContain('没有这一页');
    expect(body).not.toMatch(/Conversion|BIGINT|Error/);
    expect(await w.page.locator('table[data-table="data-projects"] tbody tr').count()).toBeGreaterThan(0);
    await shot(w.page, 'page-past-end');
    expect(w.errors).toEqual([]);
    await w.page.close();
  });
});
