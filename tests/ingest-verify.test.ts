/**
 * The ingest's read-back (scripts/ingest/verify.ts) on a real output: whole, it finds nothing; each kind of
 * damage it is there to catch is named — a Parquet file that holds other rows than its table (whole, with
 * Parquet's magic at both ends: what parquet-wasm's streamed writer left when it dropped batches), a cut
 * Parquet, an Arrow file cut short, a missing CSV.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyOutput } from '../scripts/ingest/verify';

const ROOT = join(import.meta.dirname, '..');
const base = join(mkdtempSync(join(tmpdir(), 'perflens-verify-')), 'data');

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/ingest.ts', '--csv', '--out', base, 'data/raw'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

/** A copy of the good output with `damage` done to it. */
function damaged(damage: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'perflens-verify-'));
  cpSync(base, dir, { recursive: true });
  damage(dir);
  return dir;
}

describe('the ingest reads its output back before swapping it in', () => {
  it('finds nothing wrong with a whole output', async () => {
    await expect(verifyOutput(base, true)).resolves.toEqual([]);
  });

  it('names a Parquet file that is whole but holds other rows than its table', async () => {
    const dir = damaged((d) => copyFileSync(join(d, 'filings.parquet'), join(d, 'projects.parquet')));
    expect(await verifyOutput(dir, true)).toEqual(['projects.parquet: 5 rows, the manifest says 29']);
  });

  it('names a cut Parquet file, an Arrow file cut short and a missing CSV', async () => {
    const dir = damaged((d) => {
      truncateSync(join(d, 'indicators.parquet'), 100);
      const arrow = join(d, 'findings.arrow');
      writeFileSync(arrow, readFileSync(arrow).subarray(0, 2000));
      rmSync(join(d, 'schedule.csv'));
    });
    const problems = await verifyOutput(dir, true);
    expect(problems).toContain('indicators.parquet: missing or not a whole Parquet file');
    expect(problems.find((p) => p.startsWith('findings.arrow: '))).toBeDefined();
    expect(problems).toContain('schedule.csv: missing');
  });
});
