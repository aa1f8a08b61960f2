/**
 * The browser import, timed in headless Chromium on the seeds' site (a fresh profile per cold run):
 * files chosen in the import panel's file input → the batch read (the worker), appended and its reading
 * report drawn → the overview's charts redrawn with them; and the longest main-thread task meanwhile
 * (PerformanceObserver 'longtask'). Two batches: 100 synthetic text filings (`npm run synth`, ≈ 1 MB)
 * and 20 PDF filings (the fixtures' PDFs, each variant a byte appended after %%EOF: another file, another id).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../../tests/e2e/browser';
import { settled } from '../../tests/e2e/harness';
import { synthesize } from '../synth';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ImportRun {
  files: number;
  mb: number;
  /** Chosen → the batch done and the reading report of its files drawn. */
  batch_ms: number;
  /** Chosen → every chart of the overview redrawn with them (the overview opened as soon as the batch is done). */
  overview_ms: number;
  /** The longest main-thread task from choosing the files to the overview redrawn. */
  longest_task_ms: number;
  imported: number;
}

const files = (dir: string): string[] =>
  readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

/** The two batches' files, written once into a temporary folder. */
export function importBatches(): { text: string[]; pdf: string[]; dir: string } {
  const dir = join(tmpdir(), `perflens-bench-import-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  synthesize({ out: join(dir, 'text'), counties: 5, departments: 20, years: 1, province: '13', seed: 10 });
  const sources = ['tests/fixtures/formats', 'tests/fixtures/templates'].flatMap((d) => files(join(ROOT, d)).filter((f) => f.endsWith('.pdf')));
  mkdirSync(join(dir, 'pdf'));
  const pdf = Array.from({ length: 20 }, (_, i) => {
    const src = sources[i % sources.length];
    const out = join(dir, 'pdf', `${String(i).padStart(2, '0')}-${src.split('/').pop()}`);
    writeFileSync(out, Buffer.concat([readFileSync(src), Buffer.from(`\n% variant ${i}\n`)]));
    return out;
  });
  return { text: files(join(dir, 'text')).filter((f) => f.endsWith('.txt')).slice(0, 100), pdf, dir };
}

/** One cold run: a fresh profile, the site settled, the files chosen, timed on the page's clock. */
export async function importRun(base: string, paths: string[]): Promise<ImportRun> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const g = window as unknown as { __longest: number; __chosen: number };
      g.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (g.__chosen && e.startTime + e.duration >= g.__chosen) g.__longest = Math.max(g.__longest, e.duration);
      }).observe({ type: 'longtask' });
      // The moment the files are chosen: the input's change event, before the app's own handler.
      document.addEventListener('change', (e) => {
        if ((e.target as HTMLElement).matches?.('[data-import-input]')) g.__chosen = performance.now();
      }, true);
    });
    await page.goto(base);
    await settled(page);
    await page.click('[data-import-toggle]');
    await page.locator('[data-import-input]').setInputFiles(paths);
    await page.waitForSelector('[data-import-outcome]', { timeout: 300_000 });
    await page.waitForURL(/view=reading/);
    await settled(page);
    const batchDone = await page.evaluate(() => performance.now());
    await page.click('nav a[data-view="overview"]');
    const overviewDone = await page.waitForFunction(
      (t) => {
        if (document.querySelector('.pending')) return 0;
        const at = [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((c) => Number(c.dataset.renderedAt));
        return at.length > 0 && at.every((a) => a > t) ? Math.max(...at) : 0;
      },
      batchDone,
      { timeout: 60_000 },
    );
    const overviewAt = (await overviewDone.jsonValue()) as number;
    const { chosen, longest } = await page.evaluate(() => {
      const g = window as unknown as { __longest: number; __chosen: number };
      return { chosen: g.__chosen, longest: g.__longest };
    });
    const imported = await page.locator('[data-import-entry="imported"]').count();
    const mb = paths.reduce((n, p) => n + statSync(p).size, 0) / 1e6;
    return { files: paths.length, mb, batch_ms: batchDone - chosen, overview_ms: overviewAt - chosen, longest_task_ms: longest, imported };
  } finally {
    await browser.close();
  }
}
