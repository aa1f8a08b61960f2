/**
 * Imported filings kept in this browser: IndexedDB (database `perflens`, store `imports`), so a reload, a
 * new tab or tomorrow shows them. Per site origin and browser profile; nothing leaves the machine. Each
 * record keeps the original bytes (to read again when the reader or the bundled data changed) and the
 * tables as read. Storage can be blocked (private windows, policy) or full: every call then fails with a
 * StoreFailure the page says plainly, and the import still works for the session.
 */
import type { Row, TableName } from '../tables';

export interface Stored {
  filing_id: string;
  name: string;
  /** The file as it came. */
  bytes: ArrayBuffer;
  /** Its sidecar's text, if one came with it. */
  meta: string | null;
  /** The filings row (county, year, department, score… as the list shows them). */
  filing: Row;
  ipc: Record<TableName, Uint8Array>;
  /** The reader and the bundled data it was read against (`version` of imports.svelte.ts): another one, and it is read again. */
  version: string;
  imported_at: string;
}

export class StoreFailure extends Error {}

const DB = 'perflens';
const STORE = 'imports';

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new StoreFailure('no IndexedDB'));
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'filing_id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new StoreFailure(req.error?.message ?? 'IndexedDB refused to open'));
    req.onblocked = () => reject(new StoreFailure('IndexedDB is blocked by another tab of an older version'));
  });
  opened.catch(() => (opened = null));
  return opened;
}

/** One transaction on the store; resolves with the (last) request's result when the transaction completes. */
async function tx<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    let t: IDBTransaction;
    try {
      t = db.transaction(STORE, mode);
    } catch (e) {
      return reject(new StoreFailure((e as Error).message));
    }
    const req = work(t.objectStore(STORE));
    t.oncomplete = () => resolve(req.result);
    const failed = () => reject(new StoreFailure(t.error?.name === 'QuotaExceededError' ? 'the browser storage for this site is full' : (t.error?.message ?? 'storage failed')));
    t.onerror = failed;
    t.onabort = failed;
  });
}

export const storeAll = () => tx<Stored[]>('readonly', (s) => s.getAll() as IDBRequest<Stored[]>);
/** Several records in one transaction: all kept, or none. */
export const storePut = async (records: Stored[]) => {
  if (records.length) await tx('readwrite', (s) => records.map((r) => s.put(r)).at(-1)!);
};
export const storeDelete = (id: string) => tx('readwrite', (s) => s.delete(id)).then(() => {});
export const storeClear = () => tx('readwrite', (s) => s.clear()).then(() => {});
