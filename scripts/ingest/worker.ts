import { parentPort } from 'node:worker_threads';
import { type Job, runJob } from './pool';

/** A worker thread of the ingest: runs the jobs it is sent, one at a time. */
parentPort!.on('message', (job: Job) => {
  runJob(job).then(
    (answer) => parentPort!.postMessage({ answer }),
    (e: unknown) => parentPort!.postMessage({ error: (e as Error).stack ?? String(e) }),
  );
});
