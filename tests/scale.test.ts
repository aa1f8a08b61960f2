import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../scripts/synth';
import { openNodeDatabase } from '../src/lib/db/node';

/**
 * Correctness at scale (small: 20 counties × 10 departments of synthetic filings): the tables split by
 * county and year hold exactly what the whole tables hold, and parallel workers write the same bytes
 * as one thread.
 */
const ROOT = join(import.meta.dirname, '..');
const ingest = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/ingest.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('ingest at scale: partitions and parallel workers', () => {
  const raw = mkdtempSync(join(tmpdir(), 'perflens-synth-'));
  const one = mkdtempSync(join(tmpdir(), 'perflens-j1-'));
  const two = mkdtempSync(join(tmpdir(), 'perflens-j2-'));
  beforeAll(() => {
    synthesize({ out: raw, counties: 20, departments: 10, years: 1, province: '13', seed: 7 });
    for (const [out, jobs] of [[one, '1'], [two, '2']]) {
      const r = ingest('--jobs', jobs, '--out', out, raw);
      expect(r.status, r.stderr).toBe(0);
    }
  }, 120_000);

  it('reads all 200 filings into one partition per county and year', () => {
    const m = JSON.parse(readFileSync(join(two, 'manifest.json'), 'utf8'));
    expect(m.filings.length).toBe(200);
    expect(m.partitions.length).toBeGreaterThanOrEqual(20);
    for (const t of ['filings', 'projects', 'schedule', 'indicators', 'findings']) {
      expect(m.partitions.reduce((a: number, p: { rows: Record<string, number> }) => a + p.rows[t], 0), t).toBe(m.tables[t].rows);
    }
  });

  it('gives the same totals, scores and findings from the partitions (Arrow, duckdb-wasm) as from the whole tables (Parquet, native)', async () => {
    const STATS = `SELECT
      (SELECT count(*) FROM projects)::INT projects,
      (SELECT sum(budget_yuan)::VARCHAR FROM projects) budget,
      (SELECT round(sum(score), 6) FROM indicators) indicator_scores,
      (SELECT round(sum(score), 6) FROM filings) filing_scores,
      (SELECT count(*) FROM findings WHERE severity = 'critical')::INT critical,
      (SELECT count(*) FROM findings WHERE rule_id = 'cross-filing-boilerplate')::INT boilerplate,
      (SELECT count(DISTINCT finding_id) FROM findings)::INT finding_ids,
      (SELECT count(*) FROM schedule)::INT schedule`;
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    for (const t of ['filings', 'projects', 'schedule', 'indicators', 'findings']) await con.run(`CREATE VIEW ${t} AS SELECT * FROM '${join(two, `${t}.parquet`)}'`);
    const whole = (await con.runAndReadAll(STATS)).getRowObjectsJS()[0];
    con.closeSync();
    const m = JSON.parse(readFileSync(join(two, 'manifest.json'), 'utf8')) as { partitions: { partition: string }[] };
    const parts = (await (await openNodeDatabase(two, m.partitions.map((p) => p.partition)))(STATS))[0];
    expect(parts).toEqual(whole);
    expect(whole.projects).toBeGreaterThan(500);
    expect(whole.boilerplate).toBeGreaterThan(0);
  });

  it('writes the same bytes with one worker or two', () => {
    for (const t of ['filings', 'projects', 'schedule', 'indicators', 'findings']) {
      for (const ext of ['arrow', 'parquet']) {
        expect(Buffer.compare(readFileSync(join(one, `${t}.${ext}`)), readFileSync(join(two, `${t}.${ext}`))), `${t}.${ext}`).toBe(0);
      }
    }
  });
});
