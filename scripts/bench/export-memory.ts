/**
 * The downloads' peak memory, measured where it can be: the page's export code (src/lib/export, the same
 * modules the data view loads) run in a Node process of its own over the rows the page would download, and
 * the process's peak RSS read before and after. (In the page a download is one long task: a sampler on the
 * page or over CDP sees nothing until it ends.)
 *   tsx scripts/bench/export-memory.ts DATA_DIR COUNTY csv|xlsx  → JSON on stdout
 */
import { resourceUsage } from 'node:process';
import { columns, everyRow } from '../../src/lib/db/data-tables';
import { partitionsOf } from '../../src/lib/db/layout';
import { openNativeDatabase } from '../../src/lib/db/native';
import { NO_FILTERS } from '../../src/lib/db/scope';
import { decodeJson, type Summary } from '../../src/lib/db/summary';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../src/lib/export/csv';
import { workbookOf } from '../../src/lib/export/current';

const [dir, county, kind] = process.argv.slice(2);
const summary = decodeJson<Summary>(readFileSync(join(dir, 'summary.json'), 'utf8'));
const db = await openNativeDatabase(dir, 1);
await db.load(partitionsOf(summary.layout, county, null).map((p) => p.path));
const f = { ...NO_FILTERS, county };
const sort = { column: null, desc: false };
const cols = await columns(db.run, 'indicators');
const rows = kind === 'csv' ? await everyRow(db.run, 'indicators', cols, f, sort) : [];
const mb = () => resourceUsage().maxRSS / 1024;
const before = mb();
const t0 = performance.now();
const bytes =
  kind === 'csv'
    ? new TextEncoder().encode(toCsv(cols, rows)).length
    : (await workbookOf(db.run, f, { table: 'indicators', sort, label: (_k, v) => v, built: null, now: new Date() })).length;
console.log(JSON.stringify({ kind, rows: rows.length, bytes, ms: performance.now() - t0, peak_rss_mb: mb(), added_rss_mb: mb() - before }));
db.close();
