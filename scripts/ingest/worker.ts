import { parentPort, workerData } from 'node:worker_threads';
import { readBatch } from './batch';

/** A worker thread of the ingest: reads the batches it is sent, answers with their small results. */
const { tmp } = workerData as { tmp: string };
parentPort!.on('message', (msg: { files: string[]; chunk: string } | null) => {
  if (msg == null) process.exit(0);
  else parentPort!.postMessage({ chunk: msg.chunk, results: readBatch(msg.files, msg.chunk, tmp) });
});
parentPort!.postMessage({ ready: true });
