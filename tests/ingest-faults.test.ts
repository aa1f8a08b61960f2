import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBatch } from '../scripts/ingest/batch';
import { RAW, SEEDS } from './seeds';

/**
 * The ingest when things go wrong, run as a user runs it (a child process): killed mid-write, a full or
 * read-only disk, bad arguments, odd files among the filings, an amount too large to store.
 */
const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
/** This file's scratch folders, TMPDIR of its runs too (so their leftovers can be seen, and no other run's). */
const SCRATCH = mkdtempSync(join(tmpdir(), 'perflens-faults-'));
const TMP = join(SCRATCH, 'tmp');
mkdirSync(TMP);
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

const env = { ...process.env, TMPDIR: TMP };
// A time limit, so a run that hangs (as a FIFO among the filings once made it) fails the test instead of stalling it.
// The ingest itself, not tsx's wrapper process, so the limit's SIGKILL ends it.
const ingest = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/ingest.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000, killSignal: 'SIGKILL' });
const fresh = (name: string) => mkdtempSync(join(SCRATCH, `${name}-`));
const lines = (s: string) => s.trim().split('\n').filter(Boolean);

/** A folder holding the given seeds (all by default). */
function seeds(names = SEEDS): string {
  const dir = fresh('raw');
  for (const s of names) copyFileSync(join(RAW, s), join(dir, s));
  return dir;
}

/** Every Arrow file of an output re-read: its rows against the manifest's. What a loadable output means. */
function expectLoadable(out: string): void {
  const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  for (const p of m.partitions) {
    for (const [t, rows] of Object.entries(p.rows)) expect(tableFromIPC(readFileSync(join(out, 'parts', p.partition, `${t}.arrow`))).numRows, `${p.partition}/${t}`).toBe(rows);
  }
  for (const [t, { rows, arrow }] of Object.entries(m.tables as Record<string, { rows: number; arrow: boolean }>)) {
    if (arrow) expect(tableFromIPC(readFileSync(join(out, `${t}.arrow`))).numRows, t).toBe(rows);
  }
}

/** What a run leaves beside its output and in the temporary folder, besides the output itself. */
const leftovers = (out: string) => [
  ...readdirSync(dirname(out)).filter((n) => n !== basename(out)),
  ...readdirSync(TMP).filter((n) => n.startsWith('perflens-')),
];

describe('a run that is killed or fails leaves the previous output as it was', () => {
  let synth: string;
  beforeAll(() => {
    synth = fresh('synth');
    const r = spawnSync(process.execPath, [TSX, 'scripts/synth.ts', '--out', synth, '--counties', '4', '--departments', '10', '--years', '2'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('kill -9 mid-write: the old output intact and loadable, the leftovers removed by the next run', async () => {
    const out = join(fresh('kill'), 'data');
    expect(ingest('--out', out, seeds()).status).toBe(0);
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');

    // The ingest itself (not tsx's wrapper process), killed as soon as its first partition file is written.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--out', out, 'data/raw', synth], { cwd: ROOT, env, stdio: 'ignore' });
    const staging = join(dirname(out), `.data.staging-${child.pid}`);
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_, signal) => done(signal)));
    let killed = false;
    const written = () => existsSync(join(staging, 'parts')) && readdirSync(join(staging, 'parts'), { recursive: true }).some((f) => String(f).endsWith('.arrow'));
    for (let alive = true; alive && !killed; ) {
      if (written()) killed = child.kill('SIGKILL');
      else alive = await Promise.race([exited.then(() => false), new Promise<boolean>((go) => setTimeout(() => go(true), 2))]);
    }
    expect(killed, 'the run ended before it wrote a partition').toBe(true);
    expect(await exited).toBe('SIGKILL');

    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    expectLoadable(out);
    expect(leftovers(out)).toContain(basename(staging));
    expect(readdirSync(TMP).some((n) => n.startsWith(`perflens-ingest-${child.pid}-`))).toBe(true);

    const next = ingest('--out', out, seeds(SEEDS.slice(0, 1)));
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain(`removed ${staging}, left by a killed run (process ${child.pid})`);
    expect(next.stderr).toMatch(new RegExp(`removed \\S+perflens-ingest-${child.pid}-\\w+, left by a killed run`));
    expect(leftovers(out)).toEqual([]);
    expectLoadable(out);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).filings).toHaveLength(1);
  }, 120_000);

  // A real full disk: a small tmpfs (root only: mount). The second run's output does not fit beside the first's.
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.skipIf(!canMount)('disk full (a small tmpfs): one line, exit 2, the old output intact, nothing left behind', () => {
    const disk = fresh('disk');
    const probe = ingest('--out', join(SCRATCH, 'probe'), seeds());
    expect(probe.status).toBe(0);
    const size = Number(spawnSync('du', ['-sk', join(SCRATCH, 'probe')], { encoding: 'utf8' }).stdout.split('\t')[0]);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil(size * 1.5)}k`, 'tmpfs', disk]).status).toBe(0);
    try {
      const out = join(disk, 'data');
      expect(ingest('--out', out, seeds()).status).toBe(0);
      const before = readFileSync(join(out, 'manifest.json'), 'utf8');
      const full = ingest('--out', out, 'data/raw', synth);
      expect(full.status).toBe(2);
      expect(lines(full.stderr)).toEqual([`ingest failed: the disk is full (ENOSPC); free some space (a run needs room for its new output beside the old one) and run it again; ${out} is left as it was`]);
      expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
      expectLoadable(out);
      expect(leftovers(out)).toEqual([]);
    } finally {
      spawnSync('umount', [disk]);
    }
  }, 120_000);

  it.skipIf(!canMount)('a read-only output folder: said so before anything is read, exit 2, nothing changed', () => {
    const disk = fresh('ro');
    const out = join(disk, 'data');
    expect(ingest('--out', out, seeds(SEEDS.slice(0, 1))).status).toBe(0);
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    expect(spawnSync('mount', ['--bind', disk, disk]).status).toBe(0);
    try {
      expect(spawnSync('mount', ['-o', 'remount,bind,ro', disk]).status).toBe(0);
      const r = ingest('--out', out, seeds());
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^cannot write the output ${out}: the file system is read-only \\(EROFS, .*\\); choose an --out folder on a writable disk; nothing was changed$`))]);
      expect(r.stdout).toBe('');
      expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('an output folder holding other files is refused, not replaced', () => {
    const out = fresh('foreign');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = ingest('--out', out, seeds(SEEDS.slice(0, 1)));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds what the ingest does not write \(notes\.txt\): a run replaces the whole folder/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('an output that was precompressed for serving (X.br, X.gz beside its files) is replaced, copies and all', () => {
    const out = fresh('compressed');
    expect(ingest('--out', out, seeds(SEEDS.slice(0, 1))).status).toBe(0);
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    expect(spawnSync(process.execPath, [tsx, join(ROOT, 'scripts/compress.ts'), out], { cwd: ROOT }).status).toBe(0);
    expect(readdirSync(out).some((n) => n.endsWith('.arrow.br'))).toBe(true);
    const r = ingest('--out', out, seeds(SEEDS.slice(1, 2)));
    expect(r.status, r.stderr).toBe(0);
    // The old copies describe the old data: they go with it, so none is served beside the new files.
    expect(readdirSync(out).filter((n) => /\.(br|gz)$/.test(n))).toEqual([]);
  });
});

describe('odd inputs', () => {
  it('skips a FIFO, a broken link, a link loop and a link back to a folder with a line each, and reads the rest', () => {
    const dir = seeds(SEEDS.slice(0, 1));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status).toBe(0);
    symlinkSync('/nonexistent/filing.txt', join(dir, 'dangling.txt'));
    symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'));
    symlinkSync('.', join(dir, 'again'));
    const out = join(fresh('odd'), 'data');
    const r = ingest('--out', out, dir);
    expect(r.status).toBe(1);
    expect(lines(r.stderr).slice(0, -1).sort()).toEqual([
      `${dir}/again: expected a folder not read yet; found a link to ${dir}, already read`,
      `${dir}/dangling.txt: expected a regular file; found a broken symbolic link (to /nonexistent/filing.txt)`,
      `${dir}/loop-a.txt: expected a regular file; found a symbolic link loop`,
      `${dir}/loop-b.txt: expected a regular file; found a symbolic link loop`,
      `${dir}/pipe.txt: expected a regular file; found a FIFO (named pipe)`,
    ]);
    expect(lines(r.stdout).at(-1)).toMatch(/^total: 1 filings, .*0 rejected, 5 skipped/);
    expectLoadable(out);
  });

  it.each([
    ['an empty folder', () => fresh('empty'), /^no filing accepted: no files under \S+; \S+ is left as it was$/],
    ['a folder of FIFOs', () => {
      const dir = fresh('fifos');
      spawnSync('mkfifo', [join(dir, 'a.txt')]);
      return dir;
    }, /^no filing accepted: no regular file under \S+; 1 skipped \(the reasons above\); \S+ is left as it was$/],
    ['a folder of no filing', () => {
      const dir = fresh('none');
      writeFileSync(join(dir, 'news.txt'), '县财政局召开预算绩效管理工作会议\n');
      writeFileSync(join(dir, 'empty.txt'), '');
      return dir;
    }, /^no filing accepted: all 2 files were refused \(the reasons above\); \S+ is left as it was$/],
  ] as const)('%s: exit 1, "no filing accepted" and why, the output as it was', (_, input, said) => {
    const out = fresh('out');
    writeFileSync(join(out, 'manifest.json'), '{"before":true}');
    const r = ingest('--out', out, input());
    expect(r.status).toBe(1);
    expect(lines(r.stderr).at(-1)).toMatch(said);
    expect(readdirSync(out)).toEqual(['manifest.json']);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"before":true}');
    expect(leftovers(out).filter((n) => n.startsWith(`.${basename(out)}.`))).toEqual([]);
  });

  it.each([
    [['--out'], '--out needs a folder'],
    [['--jobs', 'abc'], '--jobs takes a whole number of threads of 1 or more, not “abc”'],
    [['--jobs', '0'], '--jobs takes a whole number of threads of 1 or more, not “0”'],
    [['--bogus'], 'unknown option --bogus'],
    [['--out', '--csv'], '--out needs a folder'],
  ])('%j is a usage message, exit 2, nothing read or written', (args, why) => {
    const r = ingest(...args);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`ingest: ${why}`, 'usage: npm run ingest -- [--out DIR] [--csv] [--jobs N] [--settings FILE] [PATH ...]']);
    expect(r.stdout).toBe('');
  });

  it('a file deleted after it was listed is reported as such, not as an internal error', async () => {
    const dir = seeds(SEEDS.slice(0, 1));
    const gone = join(dir, 'gone.txt');
    const batch = await readBatch([join(dir, SEEDS[0]), gone], 'c0', fresh('chunks'));
    expect(batch.results.map((r) => r.error ?? 'read')).toEqual(['read', `${gone}: expected a file to read; found nothing: it was deleted or moved while the ingest ran`]);
  });
});

describe('money beyond DECIMAL(18,2)', () => {
  it('is refused with a finding on its line and stored as empty; the console total and the tables agree', async () => {
    const out = fresh('money');
    const r = ingest('--out', out, join(ROOT, 'tests/fixtures/faults/overflow.txt'));
    expect(r.status, r.stderr).toBe(0);
    const total = /budget (\d+\.\d{2}) 元/.exec(r.stdout)![1];
    expect(total).toBe('700000.00'); // 750 000 without project 1's refused 预算数
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const q = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS();
    const pq = (t: string) => `'${join(out, `${t}.parquet`)}'`;
    expect(await q(`SELECT ordinal, budget_yuan::VARCHAR b FROM ${pq('projects')} ORDER BY ordinal`)).toEqual([
      { ordinal: 1, b: null }, { ordinal: 2, b: '170000.00' }, { ordinal: 3, b: '230000.00' }, { ordinal: 4, b: '300000.00' },
    ]);
    expect(await q(`SELECT sum(budget_yuan)::VARCHAR s FROM ${pq('filings')}`)).toEqual([{ s: total }]);
    expect(await q(`SELECT sum(budget_yuan)::VARCHAR s FROM ${pq('projects')}`)).toEqual([{ s: total }]);
    expect(await q(`SELECT count(*)::INTEGER n FROM ${pq('indicators')} WHERE target_raw LIKE '%99999999999999999999%' AND target_yuan IS NULL`)).toEqual([{ n: 1 }]);
    const findings = await q(`SELECT severity, line, evidence, project_id IS NOT NULL p, indicator_id IS NOT NULL i FROM ${pq('findings')} WHERE rule_id = 'parse/amount-out-of-range' ORDER BY line`);
    expect(findings).toEqual([
      { severity: 'critical', line: 126, evidence: '预算数 99999999999999999999.99', p: true, i: false },
      { severity: 'critical', line: 445, evidence: '≤99999999999999999999万元', p: true, i: true },
    ]);
    // No money column holds a number past the range anywhere (a wrapped one would be negative or huge).
    for (const [t, c] of [['projects', 'budget_yuan'], ['projects', 'fiscal_yuan'], ['filings', 'budget_yuan'], ['indicators', 'target_yuan']]) {
      expect(await q(`SELECT count(*)::INTEGER n FROM ${pq(t)} WHERE abs(${c}) > 1e9`), `${t}.${c}`).toEqual([{ n: 0 }]);
    }
    con.closeSync();
  });
});
