import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { RAW, SEEDS } from './seeds';

/** The ingest command as a user runs it: on the seeds, then with a bad file among them. */
const ROOT = join(import.meta.dirname, '..');
function ingest(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/ingest.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run ingest -- --csv --out DIR (the seeds)', () => {
  const out = mkdtempSync(join(tmpdir(), 'perflens-out-'));
  let run: ReturnType<typeof ingest>;
  beforeAll(() => {
    run = ingest('--csv', '--out', out);
  });

  it('exits 0 and prints one line per seed with county, year, counts and score, then a total', () => {
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    for (const [county, year, projects, indicators] of [['乐亭县', 2022, 5, 43], ['山海关区', 2021, 4, 36], ['玉田县', 2024, 9, 64], ['临西县', 2022, 4, 28]] as const) {
      const line = lines.find((l) => l.startsWith(county));
      expect(line, county).toBeDefined();
      expect(line).toContain(String(year));
      expect(line).toContain(`${projects} projects`);
      expect(line).toContain(`${indicators} indicators`);
      expect(line).toMatch(/score \d+\.\d [优良中差]/);
    }
    expect(lines.find((l) => l.includes('004_'))).toMatch(/未注明县区.*7 projects.*partial rubric/);
    expect(lines.at(-1)).toMatch(/^total: 5 filings, 29 projects, 178 indicators/);
  });

  it('writes the five tables as Arrow, Parquet and CSV, and a manifest', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.tables).sort()).toEqual(['filings', 'findings', 'indicators', 'projects', 'schedule']);
    const arrow = tableFromIPC(readFileSync(join(out, 'projects.arrow')));
    expect(arrow.numRows).toBe(29);
    expect(String(arrow.schema.fields.find((f) => f.name === 'budget_yuan')!.type)).toBe('Decimal[18e+2]');
  });

  it('keeps money exact: Parquet read by DuckDB gives DECIMAL(18,2) and the filings’ own sums', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const r = await con.runAndReadAll(`SELECT county, typeof(sum(budget_yuan)) t, sum(budget_yuan)::VARCHAR s FROM '${join(out, 'projects.parquet')}' GROUP BY county ORDER BY county NULLS LAST`);
    expect(r.getRowObjectsJS()).toEqual([
      { county: '临西县', t: 'DECIMAL(38,2)', s: '750000.00' },
      { county: '乐亭县', t: 'DECIMAL(38,2)', s: '880000.00' },
      { county: '山海关区', t: 'DECIMAL(38,2)', s: '416000.00' },
      { county: '玉田县', t: 'DECIMAL(38,2)', s: '7015904.46' },
      { county: null, t: 'DECIMAL(38,2)', s: '140000.00' },
    ]);
    const t = await con.runAndReadAll(`SELECT target_yuan::VARCHAR y FROM '${join(out, 'indicators.parquet')}' WHERE target_raw = '≤30.03万元'`);
    expect(t.getRowObjectsJS()).toEqual([{ y: '300300.00' }]);
    con.closeSync();
  });

  it('loads into duckdb-wasm with no network: Arrow IPC, extensions off, DECIMAL(18,2) kept', async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
    const duckdb = require(entry);
    const dist = dirname(entry);
    const db = await duckdb.createDuckDB({ mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate(() => {});
    db.open({});
    const c = db.connect();
    c.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
    for (const t of ['filings', 'projects', 'schedule', 'indicators', 'findings']) c.insertArrowFromIPCStream(readFileSync(join(out, `${t}.arrow`)), { name: t, create: true });
    const row = c.query(`SELECT typeof(budget_yuan) t, budget_yuan::VARCHAR b FROM projects WHERE name = '市县人大代表人大干部履职培训经费'`).toArray()[0].toJSON();
    expect(row).toEqual({ t: 'DECIMAL(18,2)', b: '300000.00' });
    const n = c.query(`SELECT count(*)::INTEGER n FROM findings WHERE rule_id = 'cost-over-budget'`).toArray()[0].toJSON();
    expect(n.n).toBe(1);
  });

  it('writes CSVs that Excel opens with Chinese intact: BOM, header, CRLF, exact decimals', () => {
    const csv = readFileSync(join(out, 'projects.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toMatch(/^project_id,filing_id,ordinal,code,name,kind,/);
    expect(csv).toContain('市县人大代表人大干部履职培训经费');
    expect(csv).toMatch(/,300000\.00,300000\.00,/);
  });

  it('gives the same ids on every run', () => {
    const again = mkdtempSync(join(tmpdir(), 'perflens-out-'));
    expect(ingest('--out', again).status).toBe(0);
    const ids = (dir: string) => tableFromIPC(readFileSync(join(dir, 'indicators.arrow'))).getChild('indicator_id')!.toArray().join();
    expect(ids(again)).toBe(ids(out));
  });
});

describe('ingest --settings FILE (a province’s scoring)', () => {
  it('scores with the settings, writes them into the manifest, and bands by them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-settings-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ bands: { 优: 95 } }));
    const run = ingest('--settings', file, '--out', join(dir, 'out'), join(RAW, SEEDS[3]));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/临西县 2022 .* score 94\.3 良/); // 优 by the rubric's 90
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.settings.bands).toEqual({ 优: 95, 良: 80, 中: 60 });
    expect(manifest.settings.satisfactionThreshold).toBe(85);
  });
  it('refuses settings it cannot use with the key and the reason, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-settings-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ bands: { 优: 'ninety' } }));
    const run = ingest('--settings', file, '--out', join(dir, 'out'), join(RAW, SEEDS[3]));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--settings ${file}: bands.优 takes a number of 0 or more, not "ninety"`);
    expect(ingest('--settings', join(dir, 'none.json'), '--out', join(dir, 'out')).stderr).toContain('no such file');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('ingest with bad input among good', () => {
  it('reports `file: reason` on stderr, writes every other file, exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-raw-'));
    for (const s of SEEDS.slice(0, 2)) copyFileSync(join(RAW, s), join(dir, s));
    writeFileSync(join(dir, 'binary.txt'), Uint8Array.from({ length: 400 }, (_, i) => (i * 37) % 256));
    writeFileSync(join(dir, 'news.txt'), '县财政局召开预算绩效管理工作会议\n会议强调，各单位要科学设定绩效目标和指标。\n');
    writeFileSync(join(dir, 'empty.txt'), '');
    const out = mkdtempSync(join(tmpdir(), 'perflens-out-'));
    const run = ingest('--out', out, dir);
    expect(run.status).toBe(1);
    const err = run.stderr.trim().split('\n');
    expect(err.find((l) => l.includes('binary.txt'))).toMatch(/binary\.txt(:\d+)?: expected UTF-8 or GB18030 text; found /);
    expect(err.find((l) => l.includes('news.txt'))).toMatch(/news\.txt:1: expected a filing: .*一级指标.*; found “县财政局召开预算绩效管理工作会议”/);
    expect(err.find((l) => l.includes('empty.txt'))).toMatch(/empty\.txt:1: expected a filing; found an empty file/);
    expect(run.stdout).toMatch(/total: 2 filings/);
    expect(tableFromIPC(readFileSync(join(out, 'filings.arrow'))).numRows).toBe(2);
  });

  it('takes county, year and department from a sidecar X.meta.json for a filing that does not say them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-raw-'));
    const name = SEEDS.find((s) => s.startsWith('004'))!;
    copyFileSync(join(RAW, name), join(dir, name));
    writeFileSync(join(dir, `${name}.meta.json`), JSON.stringify({ county: '临西县', county_code: '130535', year: 2022, department: '临西县人大常委会' }));
    const out = mkdtempSync(join(tmpdir(), 'perflens-out-'));
    const run = ingest('--out', out, dir);
    expect(run.status, run.stderr).toBe(0);
    const f = tableFromIPC(readFileSync(join(out, 'filings.arrow'))).get(0)!.toJSON();
    expect([f.county, f.county_code, f.year, f.department]).toEqual(['临西县', '130535', 2022, '临西县人大常委会']);
  });
});

describe('ingest of a folder that mixes every format', () => {
  it('reads each file by what it is, writes its format, refuses a scan and a locked file with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-mixed-'));
    const formats = join(ROOT, 'tests', 'fixtures', 'formats');
    const mixed: [string, string][] = [
      ['000.docx', 'docx'], ['001.doc', 'doc'], ['002.xlsx', 'xlsx'], ['003.xls', 'xls'], ['004.html', 'html'], ['001.pdf', 'pdf'],
    ];
    for (const [f] of mixed) copyFileSync(join(formats, f), join(dir, f));
    // A file whose extension lies is read by what it is.
    copyFileSync(join(formats, '000.xlsx'), join(dir, 'lying.pdf'));
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'corpus', 'zhaohua_wsj_tkzfz_2021.txt'), join(dir, 'zhaohua.txt'));
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'sources', 'pdf-scan.pdf'), join(dir, 'scan.pdf'));
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'sources', 'pdf-password.pdf'), join(dir, 'locked.pdf'));
    const out = mkdtempSync(join(tmpdir(), 'perflens-out-'));
    const run = ingest('--out', out, dir);
    expect(run.status).toBe(1);
    const err = run.stderr.trim().split('\n');
    expect(err.find((l) => l.includes('scan.pdf'))).toMatch(/expected a PDF with a text layer; found .*scan/);
    expect(err.find((l) => l.includes('locked.pdf'))).toMatch(/expected a PDF without a password/);
    const filings = tableFromIPC(readFileSync(join(out, 'filings.arrow'))).toArray().map((r) => r.toJSON());
    const formatOf = new Map(filings.map((f) => [f.source_file, f.format]));
    for (const [f, fmt] of mixed) expect(formatOf.get(f), f).toBe(fmt);
    expect(formatOf.get('lying.pdf')).toBe('xlsx');
    expect(formatOf.get('zhaohua.txt')).toBe('txt');
    expect(run.stdout).toMatch(/total: 8 filings/);
    // Rows of a document say where they came from.
    const rows = tableFromIPC(readFileSync(join(out, 'indicators.arrow'))).toArray().map((r) => r.toJSON());
    expect(rows.filter((r) => r.filing_id === filings.find((f) => f.source_file === '002.xlsx')!.filing_id).every((r) => /^Sheet\d*!|^'.+'!/.test(r.source_location))).toBe(true);
  });

  it('says so and exits 1 when no file at all is a filing, leaving the output as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perflens-none-'));
    writeFileSync(join(dir, 'news.txt'), '县财政局召开预算绩效管理工作会议\n');
    const out = mkdtempSync(join(tmpdir(), 'perflens-out-'));
    writeFileSync(join(out, 'manifest.json'), '{"before":true}');
    const run = ingest('--out', out, dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no filing accepted: all 1 file was refused/);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"before":true}');
    const empty = mkdtempSync(join(tmpdir(), 'perflens-empty-'));
    const none = ingest('--out', out, empty);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/no filing accepted: no files under/);
  });
});
