import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, cleanStale, commit, openStaging } from '../scripts/ingest/staging';

/**
 * The ingest's swap, killed at every point it can be killed: whatever the point, the next run finds the
 * previous output (or, killed after the swap, the new one) whole in its place, and nothing else left but a
 * live run's folder. Real folders, real renames; a "killed run" is a process that has exited.
 */
const SCRATCH = mkdtempSync(join(tmpdir(), 'perflens-staging-'));
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  process.env.TMPDIR = join(SCRATCH, 'tmp'); // os.tmpdir() reads it on each call
  mkdirSync(process.env.TMPDIR);
});
afterAll(() => {
  process.env.TMPDIR = savedTmp;
  rmSync(SCRATCH, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/** An output folder holding one marker file, standing for a whole output. */
function output(path: string, tag: string): void {
  mkdirSync(join(path, 'parts'), { recursive: true });
  writeFileSync(join(path, 'manifest.json'), tag);
}
const tagOf = (path: string) => (existsSync(join(path, 'manifest.json')) ? readFileSync(join(path, 'manifest.json'), 'utf8') : null);

const KILLED_AT = ['writing', 'written', 'between the renames', 'before removing the old'] as const;

describe('the output swap, killed anywhere', () => {
  it('leaves the old output (or the new one, once swapped) whole, and the next run cleans up', () => {
    const [dead, other] = [deadPid(), deadPid()];
    expect(alive(dead)).toBe(false);
    let n = 0;
    fc.assert(
      fc.property(
        fc.record({ had: fc.boolean(), at: fc.constantFrom(...KILLED_AT), otherRun: fc.boolean(), liveRun: fc.boolean(), tmpLeft: fc.boolean() }),
        ({ had, at, otherRun, liveRun, tmpLeft }) => {
          const root = join(SCRATCH, `case-${n++}`);
          mkdirSync(root);
          const out = join(root, 'data');
          const staging = join(root, `.data.staging-${dead}`);
          const replaced = join(root, `.data.replaced-${dead}`);
          // The state a run killed at `at` leaves.
          if (at === 'writing') {
            if (had) output(out, 'old');
            mkdirSync(join(staging, 'parts', '130535'), { recursive: true });
          } else if (at === 'written') {
            if (had) output(out, 'old');
            output(staging, 'new');
          } else if (at === 'between the renames') {
            if (had) output(replaced, 'old');
            output(staging, 'new');
          } else {
            output(out, 'new');
            if (had) output(replaced, 'old');
          }
          if (otherRun) mkdirSync(join(root, `.data.staging-${other}`));
          const live = join(root, `.data.staging-${process.pid}`);
          if (liveRun) mkdirSync(live);
          if (tmpLeft) mkdirSync(join(tmpdir(), `perflens-ingest-${dead}-abc123`), { recursive: true });

          cleanStale(out);
          expect(tagOf(out)).toBe(at === 'before removing the old' ? 'new' : had ? 'old' : null);
          expect(readdirSync(root).sort()).toEqual([...(existsSync(out) ? ['data'] : []), ...(liveRun ? [`.data.staging-${process.pid}`] : [])].sort());
          expect(readdirSync(tmpdir())).toEqual([]);

          // The next run swaps its own output in.
          if (liveRun) rmSync(live, { recursive: true });
          const next = openStaging(out);
          output(next.dir, 'next');
          expect(commit(next)).toBeNull();
          expect(tagOf(out)).toBe('next');
          expect(readdirSync(root)).toEqual(['data']);
        },
      ),
      { numRuns: 200 },
    );
  });
});
