/**
 * A built site over other data: dist/'s files with its `data/` replaced by a link to a data folder, in
 * bench/site/<name> (a province's gigabytes are linked, not copied).
 */
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export function siteWith(dataDir: string, name: string): string {
  const site = join(ROOT, 'bench', 'site', name);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  cpSync(join(ROOT, 'dist'), site, { recursive: true, filter: (src) => resolve(src) !== resolve(ROOT, 'dist', 'data') });
  symlinkSync(resolve(dataDir), join(site, 'data'), 'dir');
  return site;
}
