/**
 * Writes `summary.json` beside the Arrow tables: the overview's first rows, computed by the site's own
 * queries on duckdb-wasm in Node. Usage: tsx scripts/site-summary.ts [DATA_DIR] (default public/data).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNodeDatabase } from '../src/lib/db/node';
import { encodeSummary, summarize } from '../src/lib/db/summary';

const dir = process.argv[2] ?? 'public/data';
const summary = await summarize(await openNodeDatabase(dir));
writeFileSync(join(dir, 'summary.json'), encodeSummary(summary));
console.log(`${join(dir, 'summary.json')}: ${summary.counties.length} counties, ${summary.sizes.length} projects`);
