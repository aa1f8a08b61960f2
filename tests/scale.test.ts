import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../scripts/synth';

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

  it('gives the same totals, scores and findings from the partitions as from the whole tables', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const stats = async (src: (t: string) => string) =>
      (
        await con.runAndReadAll(`SELECT
          (SELECT count(*) FROM ${src('projects')})::INT projects,
          (SELECT sum(budget_yuan)::VARCHAR FROM ${src('projects')}) budget,
          (SELECT round(sum(score), 6) FROM ${src('indicators')}) indicator_scores,
          (SELECT round(sum(score), 6) FROM ${src('filings')}) filing_scores,
          (SELECT count(*) FROM ${src('findings')} WHERE severity = 'critical')::INT critical,
          (SELECT count(*) FROM ${src('findings')} WHERE rule_id = 'cross-filing-boilerplate')::INT boilerplate,
          (SELECT count(DISTINCT finding_id) FROM ${src('findings')})::INT finding_ids,
          (SELECT count(*) FROM ${src('schedule')})::INT schedule`)
      ).getRowObjectsJS()[0];
    const whole = await stats((t) => `'${join(two, `${t}.parquet`)}'`);
    const parts = await stats((t) => `'${join(two, 'parts', '*', '*', `${t}.parquet`)}'`);
    expect(parts).toEqual(whole);
    expect(whole.projects).toBeGreaterThan(500);
    expect(whole.boilerplate).toBeGreaterThan(0);
    con.closeSync();
  });

  it('writes the same bytes with one worker or two', () => {
    for (const t of ['filings', 'projects', 'schedule', 'indicators', 'findings']) {
      expect(Buffer.compare(readFileSync(join(one, `${t}.arrow`)), readFileSync(join(two, `${t}.arrow`))), t).toBe(0);
    }
  });
});
