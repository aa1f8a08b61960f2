/**
 * Every table `npm run ingest -- --csv` writes, read back by an independent RFC 4180 reader (csv-parse)
 * and compared cell for cell with the same table's Parquet as DuckDB reads it: the seeds, the hostile
 * text filing and a hostile spreadsheet (line breaks in cells, quotes, tabs, U+2028, emoji, GB18030-only
 * characters, ASCII and full-width formula signs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../src/lib/tables';
import { csvCell, readCsv } from './readback';

const ROOT = join(import.meta.dirname, '..');
const HOSTILE = ['tests/e2e/fixtures/hostile.txt', 'tests/fixtures/hostile/hostile.xlsx'];

describe('ingest --csv: every table reads back exactly', () => {
  const out = mkdtempSync(join(tmpdir(), 'perflens-csv-'));
  beforeAll(() => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/ingest.ts', '--csv', '--out', out, 'data/raw', ...HOSTILE], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });

  it.each(TABLE_NAMES)('%s.csv holds the Parquet’s rows and cell values', async (table) => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const cols = TABLES[table];
    const select = cols.map((c) => (c.type === 'yuan' ? `"${c.name}"::VARCHAR AS "${c.name}"` : `"${c.name}"`)).join(', ');
    const source = (await con.runAndReadAll(`SELECT ${select} FROM '${join(out, `${table}.parquet`)}'`)).getRowObjectsJS();
    con.closeSync();

    const [header, ...records] = readCsv(readFileSync(join(out, `${table}.csv`)));
    expect(header).toEqual(cols.map((c) => c.name));
    expect(records.length).toBe(source.length);
    expect(records).toEqual(source.map((r) => cols.map((c) => csvCell(r[c.name], c.type === 'yuan'))));
  });

  it('the hostile text survives: line breaks, tabs, astral and GB18030-only characters, inert formulas', () => {
    const cells = TABLE_NAMES.flatMap((t) => readCsv(readFileSync(join(out, `${t}.csv`))).flat());
    const has = (s: string) => cells.some((c) => c.includes(s));
    for (const s of ['\n', '\t', '😀', '𠮷', '䶮', '㈠', '"配套"', '＝HYPERLINK']) expect(has(s), JSON.stringify(s)).toBe(true);
    expect(cells.filter((c) => /^[=+@＝＋＠－]/.test(c))).toEqual([]);
    expect(cells).toContain(`'＝HYPERLINK("http://example.invalid")`);
    expect(cells).toContain(`'＝HYPERLINK("http://example.invalid","全角")`);
  });
});
