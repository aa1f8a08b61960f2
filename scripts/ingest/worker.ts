import { parentPort } from 'node:worker_threads';
import { type Job, runJob } from './pool';

/** A worker thread of the ingest: runs the jobs it is sent, one at a time. */
parentPort!.on('message', (job: Job) => {
  runJob(job).then(
    (answer) => parentPort!.postMessage({ answer }),
    // The error code crosses too: the main thread turns ENOSPC and the like into a plain line.
    (e: unknown) => parentPort!.postMessage({ error: (e as Error).stack ?? String(e), code: (e as NodeJS.ErrnoException).code, path: (e as NodeJS.ErrnoException).path }),
  );
});
