/**
 * The browser's import reads a file as `npm run ingest` does: each filing of an ingest, taken out of the
 * engine and imported against what is left (the same SQL and code the import worker runs), gives the
 * very rows the ingest wrote for it — ids, scores, findings, the cross-filing ones included.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparedRows, markImported, removeFiling, removeImported } from '../src/lib/db/imports';
import { counties } from '../src/lib/db/queries';
import { NO_FILTERS } from '../src/lib/db/scope';
import { openNodeDatabase } from '../src/lib/db/node';
import type { Run } from '../src/lib/db/values';
import { placesOf } from '../src/lib/import/places';
import { readImport } from '../src/lib/import/read';
import { pdfAssets } from '../src/lib/parse/sources/pdf-node';
import { fromArrowIPC, TABLE_NAMES, type Row } from '../src/lib/tables';
import { RAW, SEEDS } from './seeds';

const ROOT = join(import.meta.dirname, '..');
const FORMATS = join(ROOT, 'tests/fixtures/formats');
/** The seeds, and two of them again as office documents (another id, the same indicators: copies across files). */
const DOCS = ['002.docx', '003.pdf'];
const raw = mkdtempSync(join(tmpdir(), 'perflens-import-raw-'));
const out = mkdtempSync(join(tmpdir(), 'perflens-import-out-'));
const files = [...SEEDS.map((f) => join(RAW, f)), ...DOCS.map((f) => join(FORMATS, f))];

const ID = { filings: 'filing_id', projects: 'project_id', schedule: 'project_id', indicators: 'indicator_id', findings: 'finding_id' } as const;
const sorted = (rows: Row[], t: keyof typeof ID) =>
  [...rows].sort((a, b) => `${a[ID[t]]}|${a.month ?? ''}`.localeCompare(`${b[ID[t]]}|${b.month ?? ''}`));

let ingested: Record<string, Row[]>;

beforeAll(() => {
  mkdirSync(raw, { recursive: true });
  for (const f of files) copyFileSync(f, join(raw, f.split('/').pop()!));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/ingest.ts'), '--out', out, raw], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  ingested = Object.fromEntries(TABLE_NAMES.map((t) => [t, fromArrowIPC(readFileSync(join(out, `${t}.arrow`)))]));
}, 120_000);

describe('an imported file gives the rows the ingest wrote for it', () => {
  for (const name of [...SEEDS, ...DOCS]) {
    it(name, async () => {
      const bytes = new Uint8Array(readFileSync(join(raw, name)));
      const id = (ingested.filings.find((f) => f.source_file === name)!.filing_id) as string;
      // The engine with every filing of the ingest but this one: the corpus an import meets.
      const run: Run = await openNodeDatabase(out);
      await removeFiling(run, id);
      const places = placesOf(await comparedRows(run));
      const r = await readImport(bytes, name, { pdf: pdfAssets() }, places);
      if (!r.ok) throw new Error(JSON.stringify(r.rejection));
      expect(r.filing.filing_id).toBe(id);
      for (const t of TABLE_NAMES) {
        expect(sorted(r.tables[t], t), t).toEqual(sorted(ingested[t].filter((x) => x.filing_id === id), t));
      }
      if (name.startsWith('002')) expect(r.tables.findings.some((x) => x.rule_id === 'cross-filing-boilerplate')).toBe(true);
    }, 60_000);
  }
});

describe('the 来源 filter', () => {
  it('selects the filings marked imported, or the others; removing the imports takes their rows out', async () => {
    const run: Run = await openNodeDatabase(out);
    const yutian = ingested.filings.filter((f) => f.county === '玉田县');
    await markImported(run, yutian.map((f) => ({ filing_id: f.filing_id as string, source_file: f.source_file as string, imported_at: '2026-01-01T00:00:00Z', bytes: 1 })));
    const codes = async (source: string | null) => (await counties(run, { ...NO_FILTERS, source })).map((c) => c.county_code);
    expect(await codes('imported')).toEqual(['130229']);
    expect(await codes('bundled')).not.toContain('130229');
    expect((await codes(null)).length).toBe((await codes('bundled')).length + 1);
    await removeImported(run);
    expect(await codes(null)).not.toContain('130229');
    expect(await run('SELECT count(*)::INTEGER AS n FROM indicators WHERE county_code = ?', ['130229'])).toEqual([{ n: 0 }]);
  });
});
