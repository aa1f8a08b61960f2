import type { FilingMeta } from './model';

/** A sidecar's text (`<file>.meta.json`: county, code, year, department) as a filing's metadata, or why not. */
export function parseMeta(text: string, path: string): FilingMeta | string {
  try {
    const m: unknown = JSON.parse(text);
    if (typeof m !== 'object' || m == null || Array.isArray(m)) return `${path}: expected a JSON object`;
    return m as FilingMeta;
  } catch (e) {
    return `${path}: not valid JSON (${(e as Error).message})`;
  }
}
