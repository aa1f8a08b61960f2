/**
 * The files a user gives: picked in the file input or dropped on the page, folders included (read
 * through the entries API). A `<file>.meta.json` beside a filing is its sidecar, as for `npm run ingest`.
 */

/** Bigger than any filing a department sends; past it a file is refused unread (the readers' own limits come after). */
export const MAX_FILE_MB = 50;
/** More files than this in one drop (a whole disk dragged in by mistake) and the rest are left out, said so. */
export const MAX_FILES = 2000;

export interface Picked {
  file: File;
  /** The path inside a dropped folder, or the file's name. */
  path: string;
  meta: File | null;
}

/** Files with their sidecars beside them (the sidecars themselves are not filings). */
export function pair(files: { file: File; path: string }[]): Picked[] {
  const isMeta = (p: string) => p.toLowerCase().endsWith('.meta.json');
  const metas = new Map(files.filter((f) => isMeta(f.path)).map((f) => [f.path.slice(0, -'.meta.json'.length), f.file]));
  return files
    .filter((f) => !isMeta(f.path))
    .map((f) => ({ ...f, meta: metas.get(f.path) ?? metas.get(f.path.replace(/\.[^./]+$/, '')) ?? null }));
}

/** Every file under a dropped entry (a folder's entries come in pages: readEntries until it gives none). */
async function walk(entry: FileSystemEntry, into: { file: File; path: string }[]): Promise<void> {
  if (into.length >= MAX_FILES) return;
  if (entry.isFile) {
    const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
    into.push({ file, path: entry.fullPath.replace(/^\//, '') });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const page = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
    if (page.length === 0) return;
    for (const e of page) await walk(e, into);
  }
}

/** The files of a drop: folders walked; a browser without entries gives the files as they are. */
export async function dropped(dt: DataTransfer): Promise<{ file: File; path: string }[]> {
  const entries = [...dt.items].filter((i) => i.kind === 'file').map((i) => i.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e == null)) return [...dt.files].map((file) => ({ file, path: file.name }));
  const out: { file: File; path: string }[] = [];
  for (const e of entries) await walk(e!, out);
  return out;
}

export const picked = (list: FileList) => [...list].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
