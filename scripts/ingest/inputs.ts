import { readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { osFound } from './failures';

/**
 * The files under the paths given, in a stable order. Sidecars (X.meta.json) and hidden files are not
 * filings. What is not a regular file — a FIFO (reading it would wait forever), a socket, a device, a
 * broken link, a link loop, a folder already walked through another link — is skipped with a line saying
 * so (`path: expected …; found …`), and the rest is read.
 */
export interface Inputs {
  files: string[];
  /** One line per path skipped, for stderr. */
  skipped: string[];
}

/** What a path is when it is neither a folder nor a regular file. */
const SPECIAL: [is: (s: Stats) => boolean, found: string][] = [
  [(s) => s.isFIFO(), 'a FIFO (named pipe)'],
  [(s) => s.isSocket(), 'a socket'],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), 'a device'],
];

export function listInputs(paths: string[]): Inputs {
  const files: string[] = [];
  const skipped: string[] = [];
  const walked = new Set<string>();
  const walk = (p: string, given: boolean) => {
    let s: Stats;
    try {
      s = statSync(p);
    } catch (e) {
      skipped.push(`${p}: expected ${given ? 'a file or folder' : 'a regular file'}; found ${notThere(p, e)}`);
      return;
    }
    if (s.isDirectory()) {
      // A link back to a folder already walked would walk it again, without end.
      const real = realpathSync(p);
      if (walked.has(real)) return void skipped.push(`${p}: expected a folder not read yet; found a link to ${real}, already read`);
      walked.add(real);
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch (e) {
        return void skipped.push(`${p}: expected a readable folder; found ${osFound(e) ?? (e as Error).message}`);
      }
      for (const n of names) if (!n.startsWith('.')) walk(join(p, n), false);
      return;
    }
    if (s.isFile()) return void (!p.endsWith('.meta.json') && !basename(p).startsWith('.') && files.push(p));
    const special = SPECIAL.find(([is]) => is(s));
    skipped.push(`${p}: expected a regular file; found ${special?.[1] ?? 'something that is not a file'}`);
  };
  for (const p of paths) walk(p, true);
  return { files, skipped };
}

/** Why stat failed, in words: a link says where it points. */
function notThere(p: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  let target: string | null = null;
  try {
    target = readlinkSync(p);
  } catch {
    // not a link
  }
  if (target != null && code === 'ENOENT') return `a broken symbolic link (to ${target})`;
  if (code === 'ENOENT') return 'nothing at this path';
  return osFound(e) ?? (e as Error).message;
}
