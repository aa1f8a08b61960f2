/** What the page and the import worker (worker.ts) say to each other; the worker answers each request in turn. */
import type { Rejection } from '../parse';
import type { Settings } from '../quality';
import type { Row, TableName } from '../tables';
import type { ComparedRow } from './places';

export type Request =
  /**
   * The corpus the cross-filing rule compares with (sent before a batch; each file read is added to it),
   * and the settings the site's data was scored with (summary.json), so an import is scored alike.
   */
  | { type: 'corpus'; rows: ComparedRow[]; settings: Settings }
  /** One file; `bytes` is transferred. `meta`: the text of its sidecar `<file>.meta.json`, if one came. */
  | { type: 'read'; id: number; name: string; bytes: ArrayBuffer; meta: string | null; pdf: { cMapUrl: string; standardFontDataUrl: string } }
  /** Several filings' tables joined into one Arrow stream a table (transferred copies): one append for a group. */
  | { type: 'combine'; id: number; ipc: Record<TableName, Uint8Array[]> };

export type Reply =
  | { type: 'read'; id: number; ok: true; name: string; filing: Row; ipc: Record<TableName, Uint8Array> }
  | { type: 'read'; id: number; ok: false; name: string; rejection: Rejection }
  | { type: 'combine'; id: number; ipc: Record<TableName, Uint8Array> };
