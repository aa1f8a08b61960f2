/**
 * The import, on the page's side: a batch of files read one at a time by the import worker (reader.ts),
 * each filing's rows appended to the engine's tables and marked in `imported`, kept in IndexedDB
 * (store.ts) and shown in every view (app.revision). What was refused is listed with its reason and the
 * batch goes on. On start, the kept filings go back into the tables once the bundled data is in.
 */
import { app, beforeReady, navigate, partitionOfFiling, startEngine } from '../ui/app.svelte';
import { choices, countyNames } from '../db/queries';
import { comparedRows, loadedIds, markImported, removeFiling, removeImported } from '../db/imports';
import { NO_COUNTY, NO_FILTERS } from '../db/scope';
import { partitionsOf } from '../db/layout';
import type { SiteDatabase as Database } from '../db/browser';
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
  /** The refusal's parts, for the page to say in its language (i18n.ts refusalText). */
  rejection?: Rejection | null;
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

/**
 * The partitions an imported filing sits beside (its county and year's, on a province): what its project
 * page and opinion load, so the county's median and peers are there. The filing's own rows are always in.
 */
export function importedPartitions(filingId: string): string[] {
  const f = imports.list.find((e) => e.key === filingId && e.status === 'imported')?.filing;
  if (!f || !app.summary) return [];
  return partitionsOf(app.summary.layout, (f.county_code as string | null) ?? NO_COUNTY, f.year as number | null).map((p) => p.path);
}

/** The engine, started if need be (with the kept imports back in its tables: see restore). */
async function engine(): Promise<Database> {
  if (!app.db) await startEngine();
  if (!app.db) throw new Error('the data engine did not start');
  return app.db;
}

/** How often the list and progress bar are redrawn during a batch. */
const PUBLISH_MS = 150;

/** Files read ahead of the one being appended (at most this many files' bytes in memory at once). */
const READ_AHEAD = 3;

/** Files appended to the engine at once: each append is five round trips to its worker, so a group is cheaper. */
const GROUP = 25;

/** A file read and not yet appended. */
interface Read {
  id: string;
  name: string;
  filing: Row;
  ipc: Record<TableName, Uint8Array>;
  kept: Stored;
}

/** The imported filings' choices and names, merged into the filter bar's; then every view asks again. */
async function refresh(db: Database) {
  const [c, n] = await Promise.all([choices(db.run), countyNames(db.run)]);
  app.imported = { choices: c, countyNames: n };
  app.revision++;
}

const keep = (records: Stored[]) =>
  storePut(records).then(
    () => (imports.storeFailure = null),
    (e: unknown) => (imports.storeFailure = (e as Error).message),
  );

/** Appends a group of read filings (one append a table) and marks them imported. */
async function add(db: Database, group: Read[]) {
  if (group.length === 0) return;
  await db.append(group.map((g) => g.id), await reader.combine(group.map((g) => g.ipc)));
  for (const g of group) tables.set(g.id, g.ipc);
  await markImported(db.run, group.map((g) => ({ filing_id: g.id, source_file: g.name, imported_at: g.kept.imported_at, bytes: g.kept.bytes.byteLength })));
}

const refused = (name: string, reason: string, rejection: Rejection | null = null): Entry => ({ key: `refused:${name}`, name, status: 'refused', filing: null, reason, rejection });
const rejected = (name: string, r: Rejection) => refused(name, rejectionLine({ ...r, file: name }), { ...r, file: name });
const imported = (g: Read): Entry => ({ key: g.id, name: g.name, status: 'imported', filing: g.filing, reason: null });

/**
 * Reads a batch of files, one at a time, appending them a group at a time; stops after the current file
 * when cancelled. A file already in the tables (bundled or imported before) is said so and not added.
 */
export async function importFiles(files: Picked[]): Promise<void> {
  if (imports.batch) return; // one batch at a time: the button is disabled meanwhile
  imports.outcome = null;
  imports.batch = { done: 0, total: files.length, current: null, cancelled: false };
  // The entries of earlier batches that were not imported make way for this batch's.
  const before = imports.list.filter((e) => e.status === 'imported');
  const entries = new Map<string, Entry>();
  let ok = 0;
  let done = 0;
  let current: string | null = null;
  // The list and the progress bar are redrawn a few times a second, not once a file: a redraw of a long
  // list costs more than reading a small file.
  let shownAt = 0;
  const publish = (now = false) => {
    if (!now && performance.now() - shownAt < PUBLISH_MS) return;
    shownAt = performance.now();
    imports.list = [...before.filter((e) => !entries.has(e.key)), ...entries.values()];
    if (imports.batch) imports.batch = { ...imports.batch, done, current };
  };
  const show = (e: Entry) => {
    entries.delete(e.key);
    entries.set(e.key, e);
  };
  let group: Read[] = [];
  let db: Database | null = null;
  const flush = async () => {
    const g = group;
    if (g.length === 0) return;
    group = [];
    try {
      await add(db!, g);
      ok += g.length;
      void keep(g.map((x) => x.kept));
    } catch (e) {
      console.error(e);
      for (const x of g) show(rejected(x.name, { file: x.name, line: null, expected: 'the data engine to take its rows', found: (e as Error).message }));
    }
  };
  try {
    db = await engine();
    reader.setCorpus(await comparedRows(db.run), app.scoring);
    const present = await loadedIds(db.run);
    // The next files are read while this one is listed and a group appended (the worker answers in turn).
    const reads: Promise<Read | Entry>[] = [];
    const ahead = (i: number) => {
      if (i < files.length && !imports.batch?.cancelled) reads[i] = readOne(files[i].file, files[i].path, files[i].meta);
    };
    for (let i = 0; i < READ_AHEAD; i++) ahead(i);
    for (const [i, { path }] of files.entries()) {
      if (imports.batch.cancelled) break;
      current = path;
      publish();
      const r = await reads[i];
      delete reads[i];
      ahead(i + READ_AHEAD);
      if ('status' in r) show(r);
      else if (present.has(r.id) || (app.partitioned && (await partitionOfFiling(r.id).catch(() => null)) != null)) {
        // Listed beside the copy it repeats (which keeps its line and its remove button).
        const earlier = imports.ids.has(r.id) || [...entries.values()].some((e) => e.key === r.id);
        show({ key: `duplicate:${path}`, name: path, status: 'duplicate', filing: r.filing, reason: earlier ? 'imported' : 'bundled' });
      } else {
        present.add(r.id);
        group.push(r);
        show(imported(r));
      }
      done++;
      if (group.length >= GROUP) await flush();
    }
    await flush();
    await refresh(db);
  } catch (e) {
    console.error(e);
    show(refused(files[done]?.path ?? '', `the import stopped: ${(e as Error).message}`));
  } finally {
    publish(true);
    imports.outcome = { ok, bad: done - ok, left: files.length - done };
    imports.batch = null;
  }
  // Each imported file's reading report, at once (on a province, in the first one's county).
  if (ok > 0) {
    const first = [...entries.values()].find((e) => e.status === 'imported')?.filing?.county_code as string | null | undefined;
    const county = app.partitioned ? (first ?? NO_COUNTY) : null;
    navigate({ ...app.route, view: 'reading', project: null, filing: null, from: null, page: 0, filters: { ...NO_FILTERS, county, source: 'imported' } });
  }
}

/** One file through the worker: read, or the refusal's entry. */
async function readOne(file: File, path: string, meta: File | null): Promise<Read | Entry> {
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    return rejected(path, { file: path, line: null, expected: `a file of at most ${MAX_FILE_MB} MB`, found: `${(file.size / 1024 / 1024).toFixed(1)} MB` });
  }
  let bytes: ArrayBuffer;
  let metaText: string | null;
  try {
    [bytes, metaText] = await Promise.all([file.arrayBuffer(), meta ? meta.text() : Promise.resolve(null)]);
  } catch (e) {
    return rejected(path, { file: path, line: null, expected: 'a file the browser can read', found: (e as Error).message });
  }
  const kept = bytes.slice(0); // the worker takes the other copy
  const r = await reader.read(path, bytes, metaText);
  if (!r.ok) return rejected(path, r.rejection);
  const id = r.filing.filing_id as string;
  const at = new Date().toISOString();
  return { id, name: path, filing: r.filing, ipc: r.ipc, kept: { filing_id: id, name: path, bytes: kept, meta: metaText, filing: r.filing, ipc: r.ipc, version: version(), imported_at: at } };
}

/** The panel opened or files are dragged in: the worker starts while the user picks them. */
export const prepare = () => reader.warm();

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
  await removeImported(db.run);
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
    if (kept.some((r) => r.version !== version())) reader.setCorpus(await comparedRows(db.run), app.scoring);
    const present = await loadedIds(db.run);
    const group: Read[] = [];
    for (const r of kept) {
      if (present.has(r.filing_id) || (app.partitioned && (await partitionOfFiling(r.filing_id).catch(() => null)) != null)) {
        await storeDelete(r.filing_id).catch(() => {}); // now part of the bundled data
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
        void keep([{ ...r, filing, ipc, version: version() }]);
      }
      present.add(r.filing_id);
      group.push({ id: r.filing_id, name: r.name, filing, ipc, kept: r });
    }
    for (let i = 0; i < group.length; i += GROUP) await add(db, group.slice(i, i + GROUP));
    list.push(...group.map(imported));
    imports.list = [...list, ...imports.list.filter((e) => !list.some((k) => k.key === e.key))];
    await refresh(db);
  })().catch((e: unknown) => {
    console.error(e);
    imports.storeFailure = (e as Error).message;
  });
}

// Before any view asks the engine: the views then draw with the kept imports at once.
beforeReady.push(restore);
