/**
 * The import, on the page's side: a batch of files read one at a time by the import worker (reader.ts),
 * each filing's rows appended to the engine's tables and marked in `imported`, kept in IndexedDB
 * (store.ts) and shown in every view (app.revision). What was refused is listed with its reason and the
 * batch goes on. On start, the kept filings go back into the tables once the bundled data is in.
 */
import { app, beforeReady, navigate, partitionOfFiling, startEngine } from '../ui/app.svelte';
import { choices, countyNames } from '../db/queries';
import { comparedRows, markImported, presence, removeFiling } from '../db/imports';
import { NO_FILTERS } from '../db/scope';
import type { Database } from '../db/browser';
import type { Rejection } from '../parse';
import { rejectionLine } from '../parse/rejection';
import type { Row, TableName } from '../tables';
import { MAX_FILE_MB, type Picked } from './files';
import { Reader } from './reader';
import { storeAll, storeClear, storeDelete, storePut, type Stored } from './store';

/** One line of the list of imported files. */
export interface Entry {
  /** The filing id (imported), or the file's path (refused, duplicate). */
  key: string;
  name: string;
  status: 'imported' | 'refused' | 'duplicate';
  /** The filings row of an imported file (county, year, department, score…). */
  filing: Row | null;
  /** Why a file was refused (`file[:line]: expected …; found …`), or which copy a duplicate is of. */
  reason: string | null;
}

export interface Batch {
  done: number;
  total: number;
  current: string | null;
  cancelled: boolean;
}

/**
 * What the kept tables were read with: the reader's code (a hash of src/lib/parse, quality and tables,
 * vite.config.ts) and the bundled data they were compared with. Either changes, and a kept file is read again.
 */
const version = () => `${__READER_VERSION__}|${app.summary?.built ?? ''}`;

class Imports {
  list = $state.raw<Entry[]>([]);
  batch = $state.raw<Batch | null>(null);
  /** The last batch's outcome, until the next one. */
  outcome = $state.raw<{ ok: number; bad: number; left: number } | null>(null);
  /** Why the browser's storage could not keep the imports (they stay for the session). */
  storeFailure = $state<string | null>(null);
  /** The panel is open. */
  open = $state(false);
  ids = $derived(new Set(this.list.filter((e) => e.status === 'imported').map((e) => e.key)));
  /** County codes with an imported filing (NO_COUNTY's '-' for those without one). */
  counties = $derived(new Set(this.list.filter((e) => e.status === 'imported').map((e) => (e.filing?.county_code as string | null) ?? '-')));
  count = $derived(this.ids.size);
}

export const imports = new Imports();

const reader = new Reader();
/** Each imported filing's tables as appended (the export writes them out again). */
const tables = new Map<string, Record<TableName, Uint8Array>>();

/** The imported filings' tables, in the order they were imported. */
export const importedTables = () => [...imports.ids].map((id) => tables.get(id)!).filter(Boolean);

/** The engine, started if need be (with the kept imports back in its tables: see restore). */
async function engine(): Promise<Database> {
  if (!app.db) await startEngine();
  if (!app.db) throw new Error('the data engine did not start');
  return app.db;
}

/** Where a filing id is already: in the tables (bundled or imported), or in a province's filing index. */
async function already(db: Database, id: string): Promise<'bundled' | 'imported' | null> {
  const here = await presence(db.run, id);
  if (here) return here;
  return app.partitioned && (await partitionOfFiling(id).catch(() => null)) != null ? 'bundled' : null;
}

/** The imported filings' choices and names, merged into the filter bar's; then every view asks again. */
async function refresh(db: Database) {
  const [c, n] = await Promise.all([choices(db.run), countyNames(db.run)]);
  app.imported = { choices: c, countyNames: n };
  app.revision++;
}

const keep = (r: Stored) =>
  storePut(r).then(
    () => (imports.storeFailure = null),
    (e: unknown) => (imports.storeFailure = (e as Error).message),
  );

/** Appends a read filing's rows and marks it imported. */
async function add(db: Database, filing: Row, ipc: Record<TableName, Uint8Array>, name: string, bytes: number, at: string) {
  const id = filing.filing_id as string;
  // The engine takes (detaches) what it is given: it gets copies, the export and storage keep these.
  await db.append(id, Object.fromEntries(Object.entries(ipc).map(([t, b]) => [t, b.slice()])) as Record<TableName, Uint8Array>);
  tables.set(id, ipc);
  await markImported(db.run, { filing_id: id, source_file: name, imported_at: at, bytes });
}

const refused = (name: string, reason: string): Entry => ({ key: `refused:${name}`, name, status: 'refused', filing: null, reason });
const rejected = (name: string, r: Rejection) => refused(name, rejectionLine({ ...r, file: name }));

/** Reads a batch of files, one at a time; stops after the current file when cancelled. */
export async function importFiles(files: Picked[]): Promise<void> {
  if (imports.batch) return; // one batch at a time: the button is disabled meanwhile
  imports.outcome = null;
  imports.batch = { done: 0, total: files.length, current: null, cancelled: false };
  // The entries of earlier batches that were not imported make way for this batch's.
  imports.list = imports.list.filter((e) => e.status === 'imported');
  let ok = 0;
  let bad = 0;
  let done = 0;
  try {
    const db = await engine();
    reader.setCorpus(await comparedRows(db.run));
    for (const { file, path, meta } of files) {
      if (imports.batch.cancelled) break;
      imports.batch = { ...imports.batch, current: path };
      const entry = await importOne(db, file, path, meta);
      if (entry.status === 'imported') ok++;
      else bad++;
      imports.list = [...imports.list.filter((e) => e.key !== entry.key), entry];
      imports.batch = { ...imports.batch, done: ++done };
    }
    await refresh(db);
  } catch (e) {
    console.error(e);
    imports.list = [...imports.list, refused(files[done]?.path ?? '', `the import stopped: ${(e as Error).message}`)];
  } finally {
    imports.outcome = { ok, bad, left: files.length - done };
    imports.batch = null;
  }
  // Each imported file's reading report, at once.
  if (ok > 0) navigate({ ...app.route, view: 'reading', project: null, filing: null, from: null, page: 0, filters: { ...NO_FILTERS, source: 'imported' } });
}

async function importOne(db: Database, file: File, path: string, meta: File | null): Promise<Entry> {
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    return refused(path, `${path}: expected a file of at most ${MAX_FILE_MB} MB; found ${(file.size / 1024 / 1024).toFixed(1)} MB`);
  }
  let bytes: ArrayBuffer;
  let metaText: string | null;
  try {
    [bytes, metaText] = await Promise.all([file.arrayBuffer(), meta ? meta.text() : Promise.resolve(null)]);
  } catch (e) {
    return refused(path, `${path}: expected a file the browser can read; found ${(e as Error).message}`);
  }
  const kept = bytes.slice(0); // the worker takes the other copy
  const r = await reader.read(path, bytes, metaText);
  if (!r.ok) return rejected(path, r.rejection);
  const id = r.filing.filing_id as string;
  const where = await already(db, id);
  // Listed beside the copy it repeats (which keeps its line and its remove button).
  if (where) return { key: `duplicate:${path}`, name: path, status: 'duplicate', filing: r.filing, reason: where };
  const at = new Date().toISOString();
  await add(db, r.filing, r.ipc, path, file.size, at);
  void keep({ filing_id: id, name: path, bytes: kept, meta: metaText, filing: r.filing, ipc: r.ipc, version: version(), imported_at: at });
  return { key: id, name: path, status: 'imported', filing: r.filing, reason: null };
}

/** Stops the batch after the file being read. */
export function cancel() {
  if (imports.batch) imports.batch = { ...imports.batch, cancelled: true };
}

/** Takes one imported filing out of every table and of storage. */
export async function remove(id: string): Promise<void> {
  const db = await engine();
  await removeFiling(db.run, id);
  tables.delete(id);
  imports.list = imports.list.filter((e) => e.key !== id);
  await storeDelete(id).catch((e: unknown) => (imports.storeFailure = (e as Error).message));
  await refresh(db);
}

export async function removeAll(): Promise<void> {
  const db = await engine();
  for (const id of imports.ids) await removeFiling(db.run, id);
  tables.clear();
  imports.list = [];
  await storeClear().catch((e: unknown) => (imports.storeFailure = (e as Error).message));
  await refresh(db);
}

/**
 * The kept imports back into the tables (as the engine starts, after the bundled data): as kept when read with this
 * reader against this build's data, else read again from their bytes. One that the bundled data now
 * holds itself is dropped from storage.
 */
function restore(db: Database): Promise<void> {
  return (async () => {
    let kept: Stored[];
    try {
      kept = await storeAll();
    } catch (e) {
      imports.storeFailure = (e as Error).message;
      return;
    }
    if (kept.length === 0) return;
    kept.sort((a, b) => a.imported_at.localeCompare(b.imported_at));
    const list: Entry[] = [];
    const stale = kept.filter((r) => r.version !== version());
    if (stale.length) reader.setCorpus(await comparedRows(db.run));
    for (const r of kept) {
      if ((await presence(db.run, r.filing_id)) === 'bundled' || (app.partitioned && (await partitionOfFiling(r.filing_id).catch(() => null)))) {
        await storeDelete(r.filing_id).catch(() => {});
        continue;
      }
      let { filing, ipc } = r;
      if (r.version !== version()) {
        const again = await reader.read(r.name, r.bytes.slice(0), r.meta);
        if (!again.ok) {
          list.push(rejected(r.name, again.rejection));
          await storeDelete(r.filing_id).catch(() => {});
          continue;
        }
        ({ filing, ipc } = again);
        void keep({ ...r, filing, ipc, version: version() });
      }
      await add(db, filing, ipc, r.name, r.bytes.byteLength, r.imported_at);
      list.push({ key: r.filing_id, name: r.name, status: 'imported', filing, reason: null });
    }
    imports.list = [...list, ...imports.list.filter((e) => !list.some((k) => k.key === e.key))];
    await refresh(db);
  })().catch((e: unknown) => {
    console.error(e);
    imports.storeFailure = (e as Error).message;
  });
}

// Before any view asks the engine: the views then draw with the kept imports at once.
beforeReady.push(restore);
