import { parentPort } from 'node:worker_threads';
import { type Job, runJob } from './pool';

/** A worker thread of the ingest: runs the jobs it is sent, one at a time. */
parentPort!.on('message', (job: Job) => {
  try {
    parentPort!.postMessage({ answer: runJob(job) });
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
  }
});
