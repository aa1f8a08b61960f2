/**
 * npm run bench -- [--counties 170] [--departments 80] [--years 3] [--runs 5] [--ingest-runs 3] [--no-build]
 *
 * Builds what it measures — the site with the seeds (`npm run build`), synthetic filings of a province
 * (`npm run synth`, without the seeds' counties), their ingest (timed as a child process, `--ingest-runs`
 * times; 0 reuses bench/data/<scale> and the ingest figures of its last results), the build-time overview
 * and the precompressed files — then serves both sites on 127.0.0.1 and drives headless Chromium.
 * Prints a table of medians and writes bench/results.json (and bench/results-<scale>.json).
 * A quick run: npm run bench -- --counties 17 --years 1 --runs 3 --ingest-runs 1
 * The read throughput per format alone (seconds, no build): npm run bench -- --formats
 * The browser import alone (on the built dist/ of the seeds): npm run bench -- --import [--runs 5]
 * The filter bar's facets alone (on the scale's data, built if missing): npm run bench -- --facets --ingest-runs 0
 * The 对比 view and its build-time layer alone (the cross-filing rules' cost, peers.json, the view's redraw):
 *   npm run bench -- --compare --counties 17 --departments 16 --years 3 [--runs 5] [--ingest-runs 1]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from 'd3-array';
import { coldLoad, drilldowns, pastedProject, redraws, verifiedLoad, wasmQueries, withSite, type ColdLoad } from './bench/browser';
import { buildData, scaleName, seedCodes, synthScale, type Scale } from './bench/data';
import { nativeQueries } from './bench/native';
import { siteWith } from './bench/site';
import type { IngestRun } from './bench/ingest';
import { printFormats, readFormats } from './bench/formats';
import { downloadTimes, exportMemory } from './bench/downloads';
import { importBatches, importRun, type ImportRun } from './bench/import';
import { facetFilters, nativeFacets, wasmFacets } from './bench/facets';
import { compareRedraws, corpusCost, type CompareRedraw } from './bench/compare';
import { largestCounty, partitionsOf } from '../src/lib/db/layout';
import { NO_FILTERS, type Filters } from '../src/lib/db/scope';
import { decodeJson, type Summary } from '../src/lib/db/summary';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const scale: Scale = { counties: opt('counties', 170), departments: opt('departments', 80), years: opt('years', 3) };
const runs = opt('runs', 5);
const ingestRuns = opt('ingest-runs', 3);
const name = scaleName(scale);
const med = (xs: number[]) => median(xs) ?? NaN;
const repeat = async <T>(n: number, f: () => Promise<T>) => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f());
  return out;
};

/** The browser import's two batches, `runs` cold runs each, on the seeds' site (dist/). */
async function importTimes() {
  const batches = importBatches();
  const text: ImportRun[] = await withSite(join(ROOT, 'dist'), (base) => repeat(runs, () => importRun(base, batches.text)));
  const pdf: ImportRun[] = await withSite(join(ROOT, 'dist'), (base) => repeat(runs, () => importRun(base, batches.pdf)));
  return { text, pdf };
}
const importFigures = (r: { text: ImportRun[]; pdf: ImportRun[] }) => ({
  import_100_txt_overview_ms: med(r.text.map((x) => x.overview_ms)),
  import_20_pdf_overview_ms: med(r.pdf.map((x) => x.overview_ms)),
  import_longest_task_ms: Math.max(med(r.text.map((x) => x.longest_task_ms)), med(r.pdf.map((x) => x.longest_task_ms))),
});
const importDetail = (r: { text: ImportRun[]; pdf: ImportRun[] }) => ({
  import_100_txt_mb: med(r.text.map((x) => x.mb)),
  import_100_txt_batch_ms: med(r.text.map((x) => x.batch_ms)),
  import_100_txt_longest_task_ms: med(r.text.map((x) => x.longest_task_ms)),
  import_20_pdf_mb: med(r.pdf.map((x) => x.mb)),
  import_20_pdf_batch_ms: med(r.pdf.map((x) => x.batch_ms)),
  import_20_pdf_longest_task_ms: med(r.pdf.map((x) => x.longest_task_ms)),
});
if (args.includes('--import')) {
  console.log(`browser import: ${runs} cold runs of 100 text and of 20 PDF filings…`);
  const r = await importTimes();
  console.log(JSON.stringify({ ...importFigures(r), ...importDetail(r), samples: r }, null, 2));
  process.exit(0);
}

/** The facets' figures on the scale's site: wasm on the largest county, native over the whole province. */
async function facetTimes(site: string, summary: Summary, dataDir: string) {
  const county = largestCounty(summary.layout)!;
  const year = summary.choices.year[0];
  const rule = summary.choices.rule.find((r) => !r.startsWith('parse/'))!;
  const paths = partitionsOf(summary.layout, county, null).map((p) => p.path);
  const wasm = await withSite(site, (base) => wasmFacets(base, paths, facetFilters(county, year, rule), runs));
  const native = await nativeFacets(dataDir, year, runs);
  return { county, wasm, native };
}
const facetFigures = (r: Awaited<ReturnType<typeof facetTimes>>) => ({
  facets_ms_largest_county: Math.max(...r.wasm),
});
const facetDetail = (r: Awaited<ReturnType<typeof facetTimes>>) => ({
  facets_ms_largest_county_alone: r.wasm[0],
  facets_ms_largest_county_year: r.wasm[1],
  facets_ms_largest_county_five_filters: r.wasm[2],
  facets_native_ms_whole_province: r.native[0],
  facets_native_ms_whole_province_year: r.native[1],
});
if (args.includes('--facets')) {
  const data = buildData(scale, synthScale(scale, seedCodes()), ingestRuns);
  const summary = decodeJson<Summary>(readFileSync(join(data.dir, 'summary.json'), 'utf8'));
  console.log(`facets on ${name}: ${runs} warm runs each…`);
  const r = await facetTimes(siteWith(data.dir, name), summary, data.dir);
  console.log(JSON.stringify({ ...facetFigures(r), ...facetDetail(r), samples: r }, null, 2));
  process.exit(0);
}

/** Synthetic counties of the scale's data with partitions, in code order (bench/raw/<scale>/<code>). */
const syntheticCounties = (summary: Summary, raw: string) => {
  const synthetic = new Set(readdirSync(raw));
  return [...new Set(summary.layout.partitions.filter((p) => synthetic.has(p.path.split('/')[0]) && p.county_code != null).map((p) => p.county_code!))].sort();
};
const compareFigures = (r: CompareRedraw[]) => ({
  compare_redraw_p50_ms: med(r.map((x) => x.ms)),
  compare_redraw_p50_ms_new_side: med(r.filter((x) => x.kind === 'new').map((x) => x.ms)),
  compare_redraw_p50_ms_cold_county: med(r.filter((x) => x.kind === 'cold').map((x) => x.ms)),
  compare_redraw_p50_ms_side_again: med(r.filter((x) => x.kind === 'again').map((x) => x.ms)),
});

if (args.includes('--compare')) {
  if (!args.includes('--no-build')) {
    console.log('building the site with the seeds (npm run build)…');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const raw = synthScale(scale, seedCodes());
  const data = buildData(scale, raw, ingestRuns);
  console.log(`${name}: the cross-filing rules over every row (read once, untimed)…`);
  const cost = await corpusCost(raw);
  const summary = decodeJson<Summary>(readFileSync(join(data.dir, 'summary.json'), 'utf8'));
  const counties = syntheticCounties(summary, raw);
  console.log(`${name}: ${runs} rounds of side changes in the 对比 view…`);
  const [redraws, detailed] = await withSite(siteWith(data.dir, name), async (base) => [
    await compareRedraws(base, counties, summary.choices.year, runs),
    await compareRedraws(base, counties, summary.choices.year, runs, `&department_kind=${encodeURIComponent('人大常委会')}`),
  ]);
  const results = {
    date: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version }, scale, runs,
    figures: compareFigures(redraws), figures_detail: compareFigures(detailed), cost, ingest: data.ingest, redraws, detailed,
  };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', `results-compare-${name}.json`), JSON.stringify(results, null, 2));
  console.log(`\n${cost.files} filings, ${cost.rows.toLocaleString('en')} indicator rows; cross-filing rules (ms over all rows):`);
  console.log(`${'rule'.padEnd(26)}${'keys'.padStart(9)}${'marks'.padStart(9)}${'gather'.padStart(9)}${'judge'.padStart(9)}${'hits'.padStart(8)}`);
  for (const r of cost.rules) console.log(`${r.rule.padEnd(26)}${String(r.keys).padStart(9)}${String(r.marks).padStart(9)}${r.gather_ms.toFixed(0).padStart(9)}${r.judge_ms.toFixed(0).padStart(9)}${String(r.hits).padStart(8)}`);
  console.log(`peers.json: ${cost.peers_groups} groups, ${(cost.peers_bytes / 1024).toFixed(1)} KB in ${cost.peers_ms.toFixed(0)} ms`);
  if (data.ingest.length) console.log(`ingest: ${med(data.ingest.map((r) => r.secs)).toFixed(1)} s (median of ${data.ingest.length})`);
  for (const [label, r] of [['from the build-time overview', redraws], ['with a detail filter (department_kind: the sides\' partitions)', detailed]] as const) {
    console.log(label);
    for (const [k, v] of Object.entries(compareFigures(r))) console.log(`  ${k.padEnd(34)}${(Number.isNaN(v) ? '—' : v.toFixed(0)).padStart(8)}${k === 'compare_redraw_p50_ms' ? '   goal ≤ 100' : ''}`);
  }
  console.log(`wrote bench/results-compare-${name}.json`);
  process.exit(0);
}

console.log('read throughput per format…');
const formats = await readFormats(runs);
if (args.includes('--formats')) {
  printFormats(formats);
  process.exit(0);
}

if (!args.includes('--no-build')) {
  console.log('building the site with the seeds (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

console.log(`data for ${name}…`);
const raw = synthScale(scale, seedCodes());
const data = buildData(scale, raw, ingestRuns);
const resultsFile = join(ROOT, 'bench', `results-${name}.json`);
let ingestRunsDone: IngestRun[] = data.ingest;
let summarySecs = data.summary_secs;
let ingestFrom = 'this run';
if (ingestRunsDone.length === 0 && existsSync(resultsFile)) {
  const before = JSON.parse(readFileSync(resultsFile, 'utf8')) as { date: string; samples: { ingest: IngestRun[] }; detail: { summary_build_secs: number | null } };
  ingestRunsDone = before.samples.ingest;
  summarySecs = before.detail.summary_build_secs;
  ingestFrom = `reused from ${before.date}`;
}
const summary = decodeJson<Summary>(readFileSync(join(data.dir, 'summary.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(data.dir, 'manifest.json'), 'utf8')) as { tables: Record<string, { rows: number }> };
const site = siteWith(data.dir, name);

console.log(`seeds: ${runs} cold loads…`);
const seeds = await withSite(join(ROOT, 'dist'), (base) => repeat(runs, () => coldLoad(base)));

console.log(`${name}: ${runs} cold loads, filter changes, drill-downs, wasm queries…`);
// Probes: synthetic counties (their codes are bench/raw/<scale>/<code>), spread over the list.
const named = syntheticCounties(summary, raw);
const spread = (n: number) => [...new Set(Array.from({ length: n }, (_, i) => named[Math.floor(((i + 0.5) * named.length) / n)]))];
const probeCounties = spread(Math.min(4, named.length));
const probePaths = probeCounties.flatMap((c) => partitionsOf(summary.layout, c, null).map((p) => p.path));
const probeFilters: Filters[] = [
  NO_FILTERS,
  { ...NO_FILTERS, year: summary.choices.year[0] },
  { ...NO_FILTERS, county: probeCounties[0] },
  { ...NO_FILTERS, kind: 'project' },
];
const largest = largestCounty(summary.layout)!;
const province = await withSite(site, async (base) => {
  const cold: ColdLoad[] = await repeat(runs, () => coldLoad(base));
  const years = [...new Set(partitionsOf(summary.layout, probeCounties[0], null).map((p) => p.year!))].sort();
  const changes = await redraws(base, spread(Math.min(6, named.length)), years);
  const drills = await drilldowns(base, runs);
  const pasted = await repeat(runs, () => pastedProject(base, summary.overview.flagged[0].project_id));
  const wasm = await wasmQueries(base, probePaths, probeFilters, 3);
  const downloads = await downloadTimes(base, largest, runs);
  const verified = { subtle: await repeat(runs, () => verifiedLoad(base, probePaths, true)), js: await repeat(runs, () => verifiedLoad(base, probePaths, false)) };
  const compare = await compareRedraws(base, spread(Math.min(6, named.length)), years, runs);
  return { cold, changes, drills, pasted, wasm, downloads, verified, compare };
});
console.log(`browser import: ${runs} cold runs of 100 text and of 20 PDF filings…`);
const imported = await importTimes();
console.log('facets…');
const facetRun = await facetTimes(site, summary, data.dir);
const exportPeak = { csv: exportMemory(data.dir, largest, 'csv'), xlsx: exportMemory(data.dir, largest, 'xlsx') };
const native = await nativeQueries(data.dir, probePaths, probeFilters, 3);
const native1 = await nativeQueries(data.dir, probePaths, probeFilters, 3, 1);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// The app's JavaScript as the browser gets it (gzip), without the engine's wasm: the first page's chunk,
// the engine's glue (loaded after the first chart on a province) and duckdb-wasm's worker.
const assets = join(ROOT, 'dist', 'assets');
const js = Object.fromEntries(
  readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => [f, gzipSync(readFileSync(join(assets, f)), { level: 9 }).length / 1024]),
);
const jsInitial = Object.entries(js).filter(([f]) => f.startsWith('index-')).reduce((a, [, kb]) => a + kb, 0);

const perSec = (f: (r: IngestRun) => number) => (ingestRunsDone.length ? med(ingestRunsDone.map(f)) : NaN);
const byKind = (k: string) => province.changes.filter((c) => c.kind === k).map((c) => c.ms);
const figures = {
  ingest_mb_per_s: perSec((r) => r.mb / r.secs),
  ingest_filings_per_s: perSec((r) => r.filings / r.secs),
  ingest_peak_rss_mb: perSec((r) => r.peak_rss_mb),
  first_chart_ms_seeds: med(seeds.map((c) => c.first_chart_ms)),
  first_chart_ms_province: med(province.cold.map((c) => c.first_chart_ms)),
  overview_bytes_province: med(province.cold.map((c) => c.bytes_before_first_chart)),
  filter_redraw_p50_ms_province: med(province.changes.map((c) => c.ms)),
  drilldown_ms_province: med(province.drills.map((d) => d.ms)),
  compare_redraw_p50_ms_province: compareFigures(province.compare).compare_redraw_p50_ms,
  wasm_vs_native_ratio: sum(province.wasm.ms) / sum(native.ms),
  js_gzip_kb: sum(Object.values(js)),
  download_csv_ms_largest_county: med(province.downloads.filter((d) => d.kind === 'csv').map((d) => d.ms)),
  download_xlsx_ms_largest_county: med(province.downloads.filter((d) => d.kind === 'xlsx').map((d) => d.ms)),
  ...importFigures(imported),
  ...facetFigures(facetRun),
};
const detail = {
  ingest_secs: perSec((r) => r.secs),
  ingest_mb: perSec((r) => r.mb),
  summary_build_secs: summarySecs,
  engine_ready_ms_seeds: med(seeds.map((c) => c.engine_ready_ms)),
  engine_ready_ms_province: med(province.cold.map((c) => c.engine_ready_ms)),
  filter_redraw_p50_ms_province_wide: med(byKind('province')),
  filter_redraw_p50_ms_county_cold: med(byKind('county-cold')),
  filter_redraw_p50_ms_county_warm: med(byKind('county-warm')),
  filter_redraw_p90_ms_province: quantile(province.changes.map((c) => c.ms), 0.9),
  drilldown_pasted_link_ms_province: med(province.pasted),
  compare_redraw_p50_ms_province_new_side: compareFigures(province.compare).compare_redraw_p50_ms_new_side,
  compare_redraw_p50_ms_province_cold_county: compareFigures(province.compare).compare_redraw_p50_ms_cold_county,
  verify_ms_seeds_cold: med(seeds.map((c) => c.verify_ms)),
  probe_arrow_mb: sum(summary.layout.partitions.filter((p) => probePaths.includes(p.path)).map((p) => p.bytes)) / 1e6,
  probe_load_ms: med(province.verified.subtle.map((v) => v.load_ms)),
  probe_verify_ms_subtle: med(province.verified.subtle.map((v) => v.verify_ms)),
  probe_verify_ms_js: med(province.verified.js.map((v) => v.verify_ms)),
  probe_load_ms_js: med(province.verified.js.map((v) => v.load_ms)),
  wasm_load_ms: province.wasm.load_ms,
  native_load_ms: native.load_ms,
  wasm_queries_ms: sum(province.wasm.ms),
  native_queries_ms: sum(native.ms),
  native_1thread_queries_ms: sum(native1.ms),
  wasm_vs_native_1thread_ratio: sum(province.wasm.ms) / sum(native1.ms),
  js_gzip_kb_first_page: jsInitial,
  partition_mb_median: med(summary.layout.partitions.map((p) => p.bytes / 1e6)),
  data_mb: sum(summary.layout.partitions.map((p) => p.bytes)) / 1e6,
  download_csv_mb_largest_county: med(province.downloads.filter((d) => d.kind === 'csv').map((d) => d.bytes)) / 1e6,
  download_xlsx_mb_largest_county: med(province.downloads.filter((d) => d.kind === 'xlsx').map((d) => d.bytes)) / 1e6,
  download_csv_rows_largest_county: exportPeak.csv.rows,
  export_csv_added_rss_mb: exportPeak.csv.added_rss_mb,
  export_xlsx_added_rss_mb: exportPeak.xlsx.added_rss_mb,
  export_xlsx_peak_rss_mb: exportPeak.xlsx.peak_rss_mb,
  ...importDetail(imported),
  ...facetDetail(facetRun),
};

function quantile(xs: number[], q: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  scale: { ...scale, rows: Object.fromEntries(Object.entries(manifest.tables).map(([t, v]) => [t, v.rows])) },
  runs,
  ingest_figures: ingestFrom,
  figures,
  detail,
  formats,
  samples: {
    ingest: ingestRunsDone,
    seeds_cold: seeds,
    province_cold: province.cold,
    redraws: province.changes,
    drilldowns: province.drills,
    compare_redraws: province.compare,
    pasted_project_ms: province.pasted,
    wasm_ms: province.wasm.ms,
    native_ms: native.ms,
    native_1thread_ms: native1.ms,
    probe: { counties: probeCounties, partitions: probePaths.length, filters: probeFilters },
    js_gzip_kb: js,
    downloads: { county: largest, runs: province.downloads, export_memory: exportPeak },
    import: imported,
    facets: facetRun,
  },
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2));
writeFileSync(resultsFile, JSON.stringify(results, null, 2));

const GOALS: Record<keyof typeof figures, [string, (v: number) => boolean]> = {
  ingest_mb_per_s: ['≥ 20', (v) => v >= 20],
  ingest_filings_per_s: ['', () => true],
  ingest_peak_rss_mb: ['bounded', () => true],
  first_chart_ms_seeds: ['', () => true],
  first_chart_ms_province: ['≤ 3000', (v) => v <= 3000],
  overview_bytes_province: ['≤ 10 MB', (v) => v <= 10e6],
  filter_redraw_p50_ms_province: ['≤ 100', (v) => v <= 100],
  drilldown_ms_province: ['≤ 500', (v) => v <= 500],
  compare_redraw_p50_ms_province: ['≤ 100', (v) => v <= 100],
  wasm_vs_native_ratio: ['≤ 3', (v) => v <= 3],
  js_gzip_kb: ['≤ 300', (v) => v <= 300],
  download_csv_ms_largest_county: ['≤ 5000', (v) => v <= 5000],
  download_xlsx_ms_largest_county: ['≤ 15000', (v) => v <= 15000],
  import_100_txt_overview_ms: ['≤ 3000', (v) => v <= 3000],
  import_20_pdf_overview_ms: ['≤ 5000', (v) => v <= 5000],
  import_longest_task_ms: ['≤ 200', (v) => v <= 200],
  facets_ms_largest_county: ['≤ 100', (v) => v <= 100],
};
const fmt = (v: number | null) => (v == null || Number.isNaN(v) ? '—' : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(2));
const rows = manifest.tables.indicators.rows;
console.log(
  `\nPerfLens benchmark — ${scale.counties} counties × ${scale.departments} departments × ${scale.years} years ` +
    `(${manifest.tables.filings.rows.toLocaleString('en')} filings with the seeds, ${rows.toLocaleString('en')} indicator rows); medians of ${runs} runs; ingest ${ingestFrom}`,
);
console.log(`${'figure'.padEnd(34)}${'median'.padStart(14)}   goal`);
for (const [k, v] of Object.entries(figures) as [keyof typeof figures, number][]) {
  const [goal, ok] = GOALS[k];
  console.log(`${k.padEnd(34)}${fmt(v).padStart(14)}   ${goal}${goal && !ok(v) ? '  (missed)' : ''}`);
}
console.log('\ndetail');
for (const [k, v] of Object.entries(detail)) console.log(`  ${k.padEnd(40)}${fmt(v as number | null).padStart(12)}`);
printFormats(formats);
console.log(`\nwrote bench/results.json and ${resultsFile.slice(ROOT.length + 1)}`);
