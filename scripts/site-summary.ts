/**
 * Builds what the site reads before any detail, beside the ingest's output in DATA_DIR:
 * - `summary.json`: filter choices, the data layout (the partitions, and whether they are fetched per
 *   county or all at start) and the unfiltered overview;
 * - when partitioned: `overview/<year>-<kind>.json`, the province-wide views' answers for every year × kind,
 *   and `filings/<xx>.json`, filing id → partition (a project page finds its partition with it).
 * - `files.json`: every file above and every partition's Arrow file with its size, SHA-256 and rows (the
 *   partitions' from manifest.json), and summary.json the digest of files.json: the site refuses any file
 *   that differs (src/lib/db/files.ts). A list of its own, not more of summary.json: a province's 2,500
 *   hashes are 80 KB of brotli-proof bytes the first chart does not need.
 * The answers are the site's own queries (src/lib/db/summary.ts) on native DuckDB over the whole tables'
 * Parquet files: the same SQL the browser runs on the same rows, and no 4 GB wasm ceiling at build time.
 * Usage: tsx scripts/site-summary.ts [DATA_DIR=public/data] [--partitioned | --whole]
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTITION_PATH, shardOf, WHOLE_MAX_BYTES, type Layout } from '../src/lib/db/layout';
import { openNativeDatabase } from '../src/lib/db/native';
import { choices as loadChoices, countyNames } from '../src/lib/db/queries';
import { NO_FILTERS } from '../src/lib/db/scope';
import type { FileDigests } from '../src/lib/db/integrity';
import type { Settings } from '../src/lib/quality/settings';
import { TABLE_NAMES } from '../src/lib/tables';
import { digestBytes } from './ingest/digest';
import { ALL, encodeJson, overview, overviewFilters, overviewKey, type Summary } from '../src/lib/db/summary';

interface Manifest {
  partitions: { partition: string; county_code: string | null; year: number | null; rows: Record<string, number>; bytes: Record<string, number> }[];
  files?: FileDigests;
  settings?: Settings;
}

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'public/data';
const t0 = performance.now();
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const partitions = manifest.partitions.map((p) => ({
  path: p.partition, county_code: p.county_code, year: p.year, bytes: Object.values(p.bytes).reduce((a, b) => a + b, 0),
}));
if (!manifest.settings) throw new Error(`${join(dir, 'manifest.json')}: no scoring settings (written by an older ingest): run npm run ingest again`);
const settings = manifest.settings;
const total = partitions.reduce((a, p) => a + p.bytes, 0);
const layout: Layout = {
  partitioned: args.includes('--partitioned') || (!args.includes('--whole') && total > WHOLE_MAX_BYTES),
  partitions,
};

// The list the site checks every file against: the partitions' Arrow as the ingest recorded them (a file
// whose size changed since is refused here, before a site is built on it), then what this step writes.
const listed: FileDigests = {};
for (const p of manifest.partitions) {
  for (const t of TABLE_NAMES) {
    const path = `parts/${p.partition}/${t}.arrow`;
    const d = manifest.files?.[path];
    if (!d) throw new Error(`${join(dir, 'manifest.json')}: no size and hash for ${path} (written by an older ingest): run npm run ingest again`);
    const size = statSync(join(dir, path)).size;
    if (size !== d.bytes) throw new Error(`${join(dir, path)}: ${size} bytes, the manifest says ${d.bytes}: the output is damaged, run npm run ingest again`);
    listed[path] = { ...d, rows: p.rows[t] };
  }
}
// The peers' spreads the ingest computed (peers.json), listed as it recorded them.
const peers = manifest.files?.['peers.json'];
if (peers) listed['peers.json'] = peers;
const write = (path: string, text: string) => {
  const bytes = Buffer.from(text);
  writeFileSync(join(dir, path), bytes);
  listed[path] = digestBytes(bytes);
};

const db = await openNativeDatabase(dir);
await db.load();
const choices = await loadChoices(db.run);
// A province's departments are too many to offer at once: the filter bar asks the chosen county's detail.
if (layout.partitioned) choices.department = [];
const unfiltered = { built: new Date().toISOString(), settings, choices, countyNames: await countyNames(db.run), layout, overview: await overview(db.run, NO_FILTERS) };

for (const sub of ['overview', 'filings']) rmSync(join(dir, sub), { recursive: true, force: true });
let files = 0;
if (layout.partitioned) {
  mkdirSync(join(dir, 'overview'));
  for (const f of overviewFilters(choices, NO_FILTERS)) {
    const key = overviewKey(f)!;
    if (key === ALL) continue;
    write(`overview/${key}.json`, encodeJson(await overview(db.run, f)));
    files++;
  }
  // The partition of each filing, by the ingest's rule.
  const rows = await db.run(`SELECT filing_id, ${PARTITION_PATH} AS path FROM filings ORDER BY filing_id`);
  const known = new Set(partitions.map((p) => p.path));
  const shards = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const [id, path] = [r.filing_id as string, r.path as string];
    if (!known.has(path)) throw new Error(`filing ${id}: partition ${path} is not in the manifest`);
    const shard = shards.get(shardOf(id)) ?? {};
    shard[id] = path;
    shards.set(shardOf(id), shard);
  }
  mkdirSync(join(dir, 'filings'));
  for (const [name, shard] of shards) write(`filings/${name}.json`, JSON.stringify(shard));
}
db.close();
const list = Buffer.from(JSON.stringify(listed));
writeFileSync(join(dir, 'files.json'), list);
const summary: Summary = { ...unfiltered, files: digestBytes(list) };
writeFileSync(join(dir, 'summary.json'), encodeJson(summary));
const secs = ((performance.now() - t0) / 1000).toFixed(1);
console.log(
  `${join(dir, 'summary.json')}: ${summary.overview.counties.length} counties, ${partitions.length} partitions ` +
    `(${(total / 1e6).toFixed(1)} MB), ${layout.partitioned ? `partitioned; ${files} overviews` : 'loaded whole'} in ${secs} s`,
);
