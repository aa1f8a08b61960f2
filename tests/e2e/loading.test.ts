/**
 * Loading progress, in real headless Chromium on a slow line: while the engine and the data download, the
 * page says how many bytes of how many, and the count goes up.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { baseUrl, journeys, settled } from './harness';
import { shot } from './shots';

const { open } = journeys();
/** The engine's wasm, in MB as the page writes it. */
const WASM_MB = (statSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')).size / 1048576).toFixed(1);

/** Every text the progress element showed, recorded in the page as it changed (set before the site runs). */
const RECORD = () => {
  const seen: string[] = [];
  Object.assign(window, { progressSeen: seen });
  new MutationObserver(() => {
    const el = document.querySelector<HTMLElement>('[data-progress]');
    const text = el?.innerText.replace(/\s+/g, ' ').trim();
    if (text && text !== seen.at(-1)) seen.push(text);
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

/** MB loaded in a progress text's part: 数据文件：已下载 0.3 / 1.2 MB → 0.3. */
const loadedOf = (text: string, part: RegExp) => Number(text.match(new RegExp(`${part.source}[：:] ?(?:已下载 )?([\\d.]+)`))?.[1] ?? NaN);

describe('loading progress', () => {
  it('shows the bytes of the engine and of the data files as they arrive, going up', async () => {
    const w = await open(null);
    await w.page.addInitScript(RECORD);
    // A slow line: the engine at 8 Mbit/s, and each data file held back a little longer than the last.
    const cdp = await w.page.context().newCDPSession(w.page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 1_000_000, uploadThroughput: 1_000_000 });
    let n = 0;
    await w.page.route(/\/data\/parts\/.*\.arrow$/, async (route) => {
      await new Promise((r) => setTimeout(r, 60 * n++));
      await route.continue();
    });
    await w.page.goto(new URL('?view=data', baseUrl()).href);
    await w.page.waitForSelector('[data-progress] [data-part="engine"]', { timeout: 30_000 });
    await shot(w.page, 'loading-progress');
    await settled(w.page);
    const seen = await w.page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const engine = seen.map((s) => loadedOf(s, /数据引擎/)).filter((x) => !Number.isNaN(x));
    const data = seen.map((s) => loadedOf(s, /数据文件/)).filter((x) => !Number.isNaN(x));
    expect(seen.some((s) => new RegExp(`数据引擎：已下载 [\\d.]+ / ${WASM_MB} MB`).test(s)), seen.join('\n')).toBe(true);
    expect(engine.at(-1)!, 'the engine count goes up').toBeGreaterThan(engine[0]);
    expect(seen.some((s) => /数据文件：已下载 [\d.]+ \/ [\d.]+ MB/.test(s)), seen.join('\n')).toBe(true);
    expect(data.at(-1)!, 'the data count goes up').toBeGreaterThan(data[0]);
    // once ready, the progress is gone
    await expect(w.page.locator('[data-progress]').count()).resolves.toBe(0);
  });
});
