import { Worker } from 'node:worker_threads';
import type { Settings } from '../../src/lib/quality';
import { type BatchResult, readBatch } from './batch';
import { finishPartition, type PartitionJob, type PartitionResult, writeWhole, type WholeJob } from './finish';

/** The ingest's three kinds of work, each a plain function of plain data, so a worker thread can run it. */
export type Job =
  | { kind: 'read'; files: string[]; chunk: string; tmp: string; settings?: Settings }
  | ({ kind: 'partition' } & PartitionJob)
  | ({ kind: 'whole' } & WholeJob);

interface Answers {
  read: BatchResult;
  partition: PartitionResult;
  whole: Awaited<ReturnType<typeof writeWhole>>;
}

export async function runJob(job: Job): Promise<Answers[Job['kind']]> {
  switch (job.kind) {
    case 'read':
      return readBatch(job.files, job.chunk, job.tmp, job.settings);
    case 'partition':
      return finishPartition(job);
    case 'whole':
      return writeWhole(job);
  }
}

/**
 * Jobs on `threads` worker threads, handed out as threads come free; with one thread they run here
 * (a worker costs a TypeScript loader boot, not worth it for a few files).
 */
export class Pool {
  private queue: { job: Job; resolve: (a: unknown) => void; reject: (e: unknown) => void }[] = [];
  private idle: Worker[] = [];
  private workers: Worker[] = [];

  constructor(readonly threads: number) {
    const url = new URL('./worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
    for (let k = 0; threads > 1 && k < threads; k++) {
      const w = new Worker(boot, { eval: true });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  run<K extends Job['kind']>(job: Extract<Job, { kind: K }>): Promise<Answers[K]> {
    if (this.workers.length === 0) return runJob(job) as Promise<Answers[K]>;
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (a: unknown) => void, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const { job, resolve, reject } = this.queue.shift()!;
      // A thread that fails or dies mid-job (out of memory, killed) fails its job and leaves the pool;
      // the others go on, and when none is left the jobs still waiting fail too: nothing waits forever.
      const settle = (alive: boolean) => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (alive) this.idle.push(w);
        else {
          this.workers = this.workers.filter((x) => x !== w);
          void w.terminate();
          if (this.workers.length === 0) for (const q of this.queue.splice(0)) q.reject(new Error('no worker thread left'));
        }
        this.next();
      };
      const onMessage = (m: { answer?: unknown; error?: string; code?: string; path?: string }) => {
        settle(true);
        if (m.error != null) reject(Object.assign(new Error(m.error), { code: m.code, path: m.path }));
        else resolve(m.answer);
      };
      const onError = (e: Error) => {
        settle(false);
        reject(e);
      };
      const onExit = (code: number) => {
        settle(false);
        reject(new Error(`a worker thread exited (code ${code}) during a ${job.kind} job`));
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(job);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
