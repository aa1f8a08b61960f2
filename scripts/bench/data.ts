/**
 * The data a benchmark scale needs, built the way a user builds it: synthetic filings (`npm run synth`),
 * the ingest (measured, see ingest.ts), the site's build-time overview (scripts/site-summary.ts) and the
 * precompressed files. Everything goes under bench/ (git-ignored): bench/raw/<scale>, bench/data/<scale>.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../synth';
import { counties } from '../synth/model';
import { ingest, type IngestRun } from './ingest';

export interface Scale {
  counties: number;
  departments: number;
  years: number;
}

export const scaleName = (s: Scale) => `${s.counties}x${s.departments}x${s.years}`;

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = 20261121;
const tsx = (script: string, ...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

/**
 * Synthetic filings of `scale.counties` counties of Hebei, leaving out the seeds' own counties (their hand-read
 * totals must stay theirs: the end-to-end journeys check them at this scale too). Written once.
 */
export function synthScale(scale: Scale, seedCodes: Set<string>): string {
  const out = join(ROOT, 'bench', 'raw', scaleName(scale));
  const done = join(out, '.complete');
  if (existsSync(done)) return out;
  rmSync(out, { recursive: true, force: true });
  let n = scale.counties;
  while (counties('13', n).filter((c) => !seedCodes.has(c.code)).length < scale.counties) n++;
  synthesize({ out, counties: n, departments: scale.departments, years: scale.years, province: '13', seed: SEED });
  for (const c of counties('13', n)) if (seedCodes.has(c.code)) rmSync(join(out, c.code), { recursive: true, force: true });
  writeFileSync(done, '');
  return out;
}

export interface ScaleData {
  dir: string;
  ingest: IngestRun[];
  summary_secs: number | null;
}

/**
 * The scale's site data in bench/data/<scale>: the seeds, the hostile fixture and the synthetic filings
 * ingested `runs` times (each measured, the last output kept), then summarized and compressed. With
 * `runs` 0 an existing build is reused.
 */
export function buildData(scale: Scale, raw: string, runs: number): ScaleData {
  const dir = join(ROOT, 'bench', 'data', scaleName(scale));
  if (runs === 0 && existsSync(join(dir, 'summary.json'))) return { dir, ingest: [], summary_secs: null };
  const runsDone: IngestRun[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const r = ingest(dir, [join(ROOT, 'data/raw'), join(ROOT, 'tests/e2e/fixtures/hostile.txt'), raw]);
    console.log(`  ingest ${i + 1}/${runs}: ${r.filings} filings, ${r.mb.toFixed(1)} MB in ${r.secs.toFixed(1)} s, peak RSS ${r.peak_rss_mb.toFixed(0)} MB`);
    runsDone.push(r);
  }
  const t0 = performance.now();
  // Partitioned whatever the size, so that a quick small run measures the province layout too.
  console.log(`  ${tsx('scripts/site-summary.ts', dir, '--partitioned').trim()}`);
  const summary_secs = (performance.now() - t0) / 1000;
  console.log(`  ${tsx('scripts/compress.ts', dir).trim()}`);
  return { dir, ingest: runsDone, summary_secs };
}

/** The seeds' county codes (from the seeds' own ingest, public/data). */
export function seedCodes(): Set<string> {
  const m = JSON.parse(readFileSync(join(ROOT, 'public/data/manifest.json'), 'utf8')) as { partitions: { county_code: string | null }[] };
  return new Set(m.partitions.map((p) => p.county_code).filter((c): c is string => c != null));
}
