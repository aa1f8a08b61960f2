/**
 * The data view's downloads of the largest county, as a user meets them: the time from the click to the
 * saved file in Chromium (CSV of its indicators, and the workbook of all four tables), and the peak memory
 * of the same export code measured in a process of its own (export-memory.ts).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../../tests/e2e/browser';
import { settled } from '../../tests/e2e/harness';

const ROOT = join(import.meta.dirname, '..', '..');

export interface DownloadRun {
  kind: 'csv' | 'xlsx';
  ms: number;
  bytes: number;
}

export async function downloadTimes(base: string, county: string, runs: number): Promise<DownloadRun[]> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(new URL(`?view=data&table=indicators&county=${county}`, base).href);
    await settled(page);
    await page.waitForSelector('table[data-table="data-indicators"]', { timeout: 120_000 });
    const out: DownloadRun[] = [];
    for (let i = 0; i < runs; i++) {
      for (const [kind, selector] of [['csv', '[data-download="indicators"]'], ['xlsx', '[data-download-xlsx]']] as const) {
        const t0 = performance.now();
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.click(selector)]);
        const path = await download.path();
        out.push({ kind, ms: performance.now() - t0, bytes: statSync(path!).size });
        await page.waitForSelector(`${selector}:not([disabled])`);
      }
    }
    return out;
  } finally {
    await browser.close();
  }
}

export interface ExportMemory {
  kind: string;
  rows: number;
  bytes: number;
  ms: number;
  peak_rss_mb: number;
  added_rss_mb: number;
}

export function exportMemory(dataDir: string, county: string, kind: 'csv' | 'xlsx'): ExportMemory {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  return JSON.parse(execFileSync(tsx, [join(ROOT, 'scripts/bench/export-memory.ts'), dataDir, county, kind], { cwd: ROOT, encoding: 'utf8' })) as ExportMemory;
}
