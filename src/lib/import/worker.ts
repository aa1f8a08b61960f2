/**
 * The import's Web Worker: reads one file at a time exactly as `npm run ingest` does (read.ts), judged
 * against the corpus it was given by the cross-filing rule, and answers with each table's Arrow IPC
 * bytes or the rejection; and joins a group of filings' tables, so the page appends a group at once.
 * All parsing happens here, never on the page's thread.
 */
import { parseMeta } from '../parse/meta';
import { DEFAULT_SETTINGS, type Places, type Settings } from '../quality';
import { concatIPC, TABLE_NAMES, TABLES, toArrowIPC, type TableName } from '../tables';
import { placesOf } from './places';
import { readImport } from './read';
import type { Reply, Request } from './protocol';

let places: Places = new Map();
let settings: Settings = DEFAULT_SETTINGS;

const post = (reply: Reply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

async function read(req: Extract<Request, { type: 'read' }>): Promise<void> {
  // A sidecar as the ingest reads it (scripts/ingest/batch.ts).
  const m = req.meta == null ? {} : parseMeta(req.meta, `${req.name}.meta.json`);
  if (typeof m === 'string') return post({ type: 'read', id: req.id, ok: false, name: req.name, rejection: { file: req.name, line: null, expected: 'a sidecar of JSON', found: m } });
  // The file's own places join the corpus: a file later in the batch is compared with it too.
  const r = await readImport(new Uint8Array(req.bytes), req.name, { meta: m, pdf: req.pdf }, places, settings);
  if (!r.ok) return post({ type: 'read', id: req.id, ok: false, name: req.name, rejection: r.rejection });
  const ipc = Object.fromEntries(TABLE_NAMES.map((t) => [t, toArrowIPC(TABLES[t], r.tables[t])])) as Record<TableName, Uint8Array>;
  post({ type: 'read', id: req.id, ok: true, name: req.name, filing: r.filing, ipc }, Object.values(ipc).map((b) => b.buffer as ArrayBuffer));
}

function combine(req: Extract<Request, { type: 'combine' }>) {
  const ipc = Object.fromEntries(TABLE_NAMES.map((t) => [t, concatIPC(req.ipc[t])?.bytes ?? toArrowIPC(TABLES[t], [])])) as Record<TableName, Uint8Array>;
  post({ type: 'combine', id: req.id, ipc }, Object.values(ipc).map((b) => b.buffer as ArrayBuffer));
}

/** One request after the other (a read awaits its reader): the corpus a file meets is the same on every run. */
let queue: Promise<void> = Promise.resolve();

async function handle(req: Request): Promise<void> {
  if (req.type === 'corpus') [places, settings] = [placesOf(req.rows), req.settings];
  else if (req.type === 'combine') combine(req);
  else if (req.type === 'read') {
    await read(req).catch((err: unknown) =>
      // A defect of ours (or a table the Arrow writer refuses) is that file's refusal, not the batch's end.
      post({ type: 'read', id: req.id, ok: false, name: req.name, rejection: { file: req.name, line: null, expected: 'a filing the reader can read', found: `internal error: ${(err as Error).message}` } }),
    );
  }
}

self.onmessage = (e: MessageEvent<Request>) => {
  queue = queue.then(() => handle(e.data));
};
