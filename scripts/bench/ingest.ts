/**
 * Runs `npm run ingest` as a child process, as a user would, and measures it: wall time (Node start
 * included), the megabytes of filing text it read, the filings it wrote and its peak resident memory
 * (GNU time's %M: the largest RSS of the process, its worker threads included).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface IngestRun {
  secs: number;
  mb: number;
  filings: number;
  peak_rss_mb: number;
}

const ROOT = join(import.meta.dirname, '..', '..');

export function ingest(out: string, paths: string[]): IngestRun {
  if (!existsSync('/usr/bin/time')) throw new Error('the benchmark measures memory with GNU time: apt-get install time');
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'peak_rss_kb=%M', process.execPath, join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/ingest.ts'), '--out', out, ...paths],
    // stdout (a line per filing) is not read: the filings are counted in the manifest it writes.
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 },
  );
  const secs = (performance.now() - t0) / 1000;
  // Exit status 1 means some file was rejected (reported on stderr); anything else is a failure.
  if (r.status !== 0 && r.status !== 1) throw new Error(`ingest failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const mb = Number(/read ([\d.]+) MB in/.exec(r.stderr)?.[1]);
  const filings = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { filings: unknown[] }).filings.length;
  const rss = Number(/peak_rss_kb=(\d+)/.exec(r.stderr)?.[1]);
  if (!mb || !filings || !rss) throw new Error(`cannot read the ingest's report:\n${r.stderr.slice(-2000)}`);
  return { secs, mb, filings, peak_rss_mb: rss / 1024 };
}
