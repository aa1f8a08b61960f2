/**
 * A workbook written by a worker of its own (workbook-worker.ts) where the platform has workers, in line
 * otherwise (Node: tests and scripts). One workbook, one worker, ended when it answers.
 */
import type { WorkbookReply, WorkbookRequest } from './workbook-worker';
import type { Notes, Sheet } from './workbook';

/** The worker did not load or died: the page says so in its own words (the browser's are often empty). */
export class WriterStopped extends Error {
  constructor(detail: string) {
    super(`the workbook writer stopped${detail ? `: ${detail}` : ''}`);
    this.name = 'WriterStopped';
  }
}

export async function writeWorkbook(sheets: Sheet[], notes: Notes): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return (await import('./workbook')).toWorkbook(sheets, notes);
  const w = new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module', name: 'perflens-workbook' });
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<WorkbookReply>) => (e.data.ok ? resolve(e.data.bytes) : reject(new Error(e.data.message)));
      // A worker that cannot load (its script refused or missing) or dies (out of memory) says so here, once.
      w.onerror = (e) => {
        e.preventDefault();
        reject(new WriterStopped(e.message));
      };
      w.postMessage({ sheets, notes } satisfies WorkbookRequest);
    });
  } finally {
    w.terminate();
  }
}
