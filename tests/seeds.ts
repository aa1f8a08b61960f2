import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFiling, type Filing } from '../src/lib/parse';

export const RAW = join(import.meta.dirname, '..', 'data', 'raw');
export const SEEDS = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

export function seedBytes(prefix: string): Uint8Array {
  const name = SEEDS.find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(RAW, name));
}

const cache = new Map<string, Filing>();
/** The parsed seed whose file name starts with `prefix` (000 … 004). */
export function seed(prefix: string): Filing {
  if (!cache.has(prefix)) {
    const name = SEEDS.find((f) => f.startsWith(prefix))!;
    const r = parseFiling(seedBytes(prefix), name);
    if (!r.ok) throw new Error(`seed ${prefix} rejected: ${JSON.stringify(r.rejection)}`);
    cache.set(prefix, r.filing);
  }
  return cache.get(prefix)!;
}
