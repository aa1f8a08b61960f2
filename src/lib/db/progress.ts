/**
 * What is downloading now, in bytes: the engine's wasm (duckdb-wasm reports it) and the data files
 * (files.ts reads their bodies piece by piece). The loading message shows it (Pending.svelte).
 */
export interface Download {
  /** The site's name for the file: `assets/duckdb-eh-….wasm`, `data/parts/…/findings.arrow`. */
  file: string;
  loaded: number;
  /** Null when neither the build nor the server says how large it is. */
  total: number | null;
}

const downloads = new Map<string, Download>();
const listeners = new Set<() => void>();

const complete = (d: Download) => d.total != null && d.loaded >= d.total;

/**
 * Bytes of `file` received so far (0 as it is asked for, when its size is known). Files that are done stay
 * counted until all are, so the totals cover everything the page waits for at once.
 */
export function report(file: string, loaded: number, total: number | null) {
  downloads.set(file, { file, loaded, total });
  if ([...downloads.values()].every(complete)) downloads.clear();
  for (const l of listeners) l();
}

/** A download that ended, whole or not (a failure, a retry to come): it no longer counts unless done. */
export function ended(file: string) {
  const d = downloads.get(file);
  if (!d) return;
  if (!complete(d)) downloads.delete(file);
  if ([...downloads.values()].every(complete)) downloads.clear();
  for (const l of listeners) l();
}

export const downloading = (): Download[] => [...downloads.values()];

/** Calls `listener` on every change; returns the unsubscribe. */
export function onProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Part = 'engine' | 'data';

/** The downloads summed by part (the engine's files are the site's `assets/`): loaded and total bytes. */
export function byPart(list: readonly Download[]): { part: Part; loaded: number; total: number | null }[] {
  const parts: Part[] = ['engine', 'data'];
  return parts
    .map((part) => {
      const mine = list.filter((d) => (d.file.startsWith('data/') ? 'data' : 'engine') === part);
      const known = mine.every((d) => d.total != null);
      return { part, n: mine.length, loaded: mine.reduce((s, d) => s + d.loaded, 0), total: known ? mine.reduce((s, d) => s + d.total!, 0) : null };
    })
    .filter((p) => p.n > 0)
    .map(({ part, loaded, total }) => ({ part, loaded, total }));
}
