/**
 * The page's side of the import worker: one file at a time, its answer or a rejection. A worker that
 * dies on a file (out of memory, a crash in a reader) is that file's rejection; the next file gets a
 * new worker. Parsing never runs on the page's thread.
 */
import type { Rejection } from '../parse';
import type { Row, TableName } from '../tables';
import type { ComparedRow } from './places';
import type { Reply, Request } from './protocol';

export type Read = { ok: true; filing: Row; ipc: Record<TableName, Uint8Array> } | { ok: false; rejection: Rejection };

/** pdf.js's character maps and standard fonts, served by the site itself (copied into the build by vite.config.ts). */
export const pdfAssets = () => ({
  cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
  standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
});

export class Reader {
  private worker: Worker | null = null;
  private corpus: ComparedRow[] = [];

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'perflens-import' });
    w.postMessage({ type: 'corpus', rows: this.corpus } satisfies Request);
    return w;
  }

  /** The corpus the next files are judged against (the indicators loaded in the engine). */
  setCorpus(rows: ComparedRow[]) {
    this.corpus = rows;
    this.worker?.postMessage({ type: 'corpus', rows } satisfies Request);
  }

  read(name: string, bytes: ArrayBuffer, meta: string | null): Promise<Read> {
    const w = (this.worker ??= this.spawn());
    return new Promise((resolve) => {
      const done = (r: Read) => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        resolve(r);
      };
      const onMessage = (e: MessageEvent<Reply | { sourceName?: string }>) => {
        const m = e.data;
        if (!('type' in m) || m.type !== 'read' || m.name !== name) return; // pdf.js's own 'ready' message, say
        done(m.ok ? { ok: true, filing: m.filing, ipc: m.ipc } : { ok: false, rejection: m.rejection });
      };
      const onError = (e: ErrorEvent) => {
        e.preventDefault();
        this.close();
        done({ ok: false, rejection: { file: name, line: null, expected: 'a file the reader can finish', found: `the reader stopped on it (${e.message || 'out of memory?'})` } });
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage({ type: 'read', name, bytes, meta, pdf: pdfAssets() } satisfies Request, [bytes]);
    });
  }

  close() {
    this.worker?.terminate();
    this.worker = null;
  }
}
