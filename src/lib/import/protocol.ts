/** What the page and the import worker (worker.ts) say to each other. */
import type { Rejection } from '../parse';
import type { Row, TableName } from '../tables';
import type { ComparedRow } from './places';

export type Request =
  /** The corpus the cross-filing rule compares with (sent before a batch); each file read is added to it. */
  | { type: 'corpus'; rows: ComparedRow[] }
  /** One file; `bytes` is transferred. `meta`: the text of its sidecar `<file>.meta.json`, if one came. */
  | { type: 'read'; name: string; bytes: ArrayBuffer; meta: string | null; pdf: { cMapUrl: string; standardFontDataUrl: string } };

export type Reply =
  | { type: 'read'; ok: true; name: string; filing: Row; ipc: Record<TableName, Uint8Array> }
  | { type: 'read'; ok: false; name: string; rejection: Rejection };
