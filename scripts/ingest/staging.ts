import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { TABLE_NAMES } from '../../src/lib/tables';
import { osFailure, Stop } from './failures';

/**
 * The ingest's output is written whole into a staging folder beside the old one (same disk, so a rename
 * swaps them) and swapped in only when it is complete and verified: a run that fails or is killed leaves
 * the previous output as it was. The folders a run owns carry its process id — `.DIR.staging-<pid>`,
 * `.DIR.replaced-<pid>` beside DIR and `perflens-ingest-<pid>-*` (the chunk files) in the temporary folder —
 * so the next run removes those of runs whose process is gone (and puts back an output a run killed
 * between the swap's two renames had moved aside).
 */
export interface Staging {
  /** The output folder, its real path (a link to it stays a link to the new output). */
  out: string;
  /** Where this run writes. */
  dir: string;
}

/** What an output folder holds: the ingest's files, and what scripts/site-summary.ts builds beside them from them. */
const OURS = new Set([
  'manifest.json', 'peers.json', 'parts', ...TABLE_NAMES.flatMap((t) => ['arrow', 'parquet', 'csv'].map((f) => `${t}.${f}`)),
  'summary.json', 'files.json', 'overview', 'filings',
]);

/** Ours, or a precompressed copy of ours (scripts/compress.ts writes `X.br`, `X.gz` beside what it serves). */
const isOurs = (name: string) => OURS.has(name) || OURS.has(name.replace(/\.(br|gz)$/, ''));

const TMP_PREFIX = 'perflens-ingest-';
const TMP_OWNED = new RegExp(`^${TMP_PREFIX}(\\d+)-[A-Za-z0-9]{6}$`);
const owned = (out: string) => new RegExp(`^\\.${basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(replaced|staging)-(\\d+)$`);
const beside = (out: string, what: 'staging' | 'replaced', pid = process.pid) => join(dirname(out), `.${basename(out)}.${what}-${pid}`);

/** A process that is gone cannot be signalled; one of another user's (EPERM) is still alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The output folder checked, earlier runs' leftovers cleaned, and this run's staging folder made. */
export function openStaging(given: string): Staging {
  const out = existsSync(given) ? realpathSync(given) : resolve(given);
  if (existsSync(out)) {
    const s = statSync(out);
    if (!s.isDirectory()) throw new Stop(`--out ${given}: expected a folder; found a file`);
    if (s.dev !== statSync(dirname(out)).dev) {
      throw new Stop(`--out ${given} is a mount point: a run writes its new output beside the old one and swaps them, so give a folder inside it (${join(given, 'data')})`);
    }
    const foreign = readdirSync(out).filter((n) => !isOurs(n));
    if (foreign.length > 0) {
      throw new Stop(
        `--out ${given} holds what the ingest does not write (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}): ` +
          'a run replaces the whole folder, so give an empty or an ingest output folder, or move them away',
      );
    }
  }
  const dir = beside(out, 'staging');
  try {
    mkdirSync(dirname(out), { recursive: true });
    for (const line of cleanStale(out)) console.error(line);
    mkdirSync(dir);
  } catch (e) {
    if (e instanceof Stop) throw e;
    throw new Stop(`${osFailure(e, `cannot write the output ${given}`) ?? `cannot write the output ${given}: ${(e as Error).message}`}; nothing was changed`);
  }
  return { out, dir };
}

/** Leftovers of runs whose process is gone, beside `out` and in the temporary folder: what was done, a line each. */
export function cleanStale(out: string): string[] {
  const said: string[] = [];
  const mine = owned(out);
  // Sorted, `replaced` comes before `staging`: an output moved aside is put back before anything is removed.
  for (const name of readdirSync(dirname(out)).sort()) {
    const m = mine.exec(name);
    if (!m || alive(Number(m[2]))) continue;
    const path = join(dirname(out), name);
    if (m[1] === 'replaced' && !existsSync(out)) {
      renameSync(path, out);
      said.push(`${out}: put back the output that a killed run (process ${m[2]}) had moved to ${path}`);
    } else {
      rmSync(path, { recursive: true, force: true });
      said.push(`removed ${path}, left by a killed run (process ${m[2]})`);
    }
  }
  for (const name of readdirSync(tmpdir())) {
    const m = TMP_OWNED.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
    said.push(`removed ${join(tmpdir(), name)}, left by a killed run (process ${m[1]})`);
  }
  return said;
}

/** This run's folder for chunk files, in the temporary folder. */
export const tmpFolder = (): string => mkdtempSync(join(tmpdir(), `${TMP_PREFIX}${process.pid}-`));

/**
 * The staging folder swapped in: the old output renamed aside, the new one renamed into its place, the old
 * one removed. Returns a line for stderr when the old one could not be removed.
 */
export function commit(s: Staging): string | null {
  const old = beside(s.out, 'replaced');
  const had = existsSync(s.out);
  if (had) renameSync(s.out, old);
  try {
    renameSync(s.dir, s.out);
  } catch (e) {
    if (had) renameSync(old, s.out);
    throw e;
  }
  if (!had) return null;
  try {
    rmSync(old, { recursive: true, force: true });
    return null;
  } catch (e) {
    return `the new output is in place, but the old one could not be removed: ${old} (${(e as Error).message}); remove it by hand`;
  }
}

/** The staging folder of a run that did not finish, removed. */
export const discard = (s: Staging): void => rmSync(s.dir, { recursive: true, force: true });
