/**
 * The page's side of the import worker: one file at a time, its answer or a rejection. A worker that
 * dies on a file (out of memory, a crash in a reader) is that file's rejection; the next file gets a
 * new worker. Parsing never runs on the page's thread.
 */
import type { Rejection } from '../parse';
import { DEFAULT_SETTINGS, type Settings } from '../quality/settings';
import { TABLE_NAMES, type Row, type TableName } from '../tables/schema';
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
  private settings: Settings = DEFAULT_SETTINGS;

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'perflens-import' });
    w.postMessage({ type: 'corpus', rows: this.corpus, settings: this.settings } satisfies Request);
    return w;
  }

  /** Starts the worker ahead of the files (its code loaded and compiled while the user picks them). */
  warm() {
    this.worker ??= this.spawn();
  }

  /** The corpus the next files are judged against (the indicators loaded in the engine), and the site's scoring settings. */
  setCorpus(rows: ComparedRow[], settings: Settings) {
    this.corpus = rows;
    this.settings = settings;
    this.worker?.postMessage({ type: 'corpus', rows, settings } satisfies Request);
  }

  private requests = 0;

  /** Reads may be asked for ahead (the worker answers them in turn): the next file is read while this one is appended. */
  read(name: string, bytes: ArrayBuffer, meta: string | null): Promise<Read> {
    const w = (this.worker ??= this.spawn());
    const id = ++this.requests;
    return new Promise((resolve) => {
      const done = (r: Read) => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        resolve(r);
      };
      const onMessage = (e: MessageEvent<Reply | { sourceName?: string }>) => {
        const m = e.data;
        if (!('type' in m) || m.type !== 'read' || m.id !== id) return; // another file's, or pdf.js's own 'ready' message
        done(m.ok ? { ok: true, filing: m.filing, ipc: m.ipc } : { ok: false, rejection: m.rejection });
      };
      const onError = (e: ErrorEvent) => {
        e.preventDefault();
        this.close();
        done({ ok: false, rejection: { file: name, line: null, expected: 'a file the reader can finish', found: `the reader stopped on it (${e.message || 'out of memory?'})` } });
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage({ type: 'read', id, name, bytes, meta, pdf: pdfAssets() } satisfies Request, [bytes]);
    });
  }

  /** The tables of several filings joined (one Arrow stream a table); the given buffers are not taken. */
  combine(each: Record<TableName, Uint8Array>[]): Promise<Record<TableName, Uint8Array>> {
    const w = (this.worker ??= this.spawn());
    const id = ++this.requests;
    const ipc = Object.fromEntries(TABLE_NAMES.map((t) => [t, each.map((x) => x[t].slice())])) as Record<TableName, Uint8Array[]>;
    return new Promise((resolve, reject) => {
      const onMessage = (e: MessageEvent<Reply>) => {
        if (e.data?.type !== 'combine' || e.data.id !== id) return;
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        resolve(e.data.ipc);
      };
      const onError = (e: ErrorEvent) => {
        e.preventDefault();
        this.close();
        reject(new Error(`the import worker stopped (${e.message || 'out of memory?'})`));
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage({ type: 'combine', id, ipc } satisfies Request, Object.values(ipc).flatMap((l) => l.map((b) => b.buffer as ArrayBuffer)));
    });
  }

  close() {
    this.worker?.terminate();
    this.worker = null;
  }
}
