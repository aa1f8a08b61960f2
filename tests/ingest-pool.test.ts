import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { Pool } from '../scripts/ingest/pool';
import { RAW, SEEDS } from './seeds';

/** The ingest's worker pool: a thread that dies must fail its job, never leave the ingest waiting. */
describe('ingest worker pool', () => {
  const files = Array.from({ length: 20 }, () => SEEDS.map((s) => join(RAW, s))).flat();
  const tmp = mkdtempSync(join(tmpdir(), 'perflens-pool-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const read = (pool: Pool, chunk: string) => pool.run({ kind: 'read', files, chunk, tmp: mkdtempSync(join(tmp, 'job-')) });
  const busy = (pool: Pool) => {
    const p = pool as unknown as { workers: Worker[]; idle: Worker[] };
    return p.workers.find((w) => !p.idle.includes(w))!;
  };

  it('reads on threads what it reads here', async () => {
    const [here, threads] = [new Pool(1), new Pool(2)];
    const [a, b] = await Promise.all([read(here, 'c0'), read(threads, 'c0')]);
    await threads.close();
    expect(b.results.map((r) => r.filing?.filing_id)).toEqual(a.results.map((r) => r.filing?.filing_id));
    expect(b.places).toEqual(a.places);
  }, 60_000);

  it('fails the job of a thread that dies, goes on with the other, and fails what waits when none is left', async () => {
    const pool = new Pool(2);
    const first = read(pool, 'c1');
    void busy(pool).terminate();
    await expect(first).rejects.toThrow(/exited/);
    expect((await read(pool, 'c2')).results).toHaveLength(files.length);

    const last = read(pool, 'c3');
    const waiting = read(pool, 'c4');
    void busy(pool).terminate();
    await expect(last).rejects.toThrow(/exited/);
    await expect(waiting).rejects.toThrow(/no worker thread left/);
  }, 60_000);
});
