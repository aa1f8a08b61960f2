/**
 * The review opinion's data on the seeds, in duckdb-wasm (the browser's engine, run in Node): the header and
 * the counts against what the ingest wrote on the filing's row, and every finding placed exactly once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from './node';
import { opinion, placeFindings } from './opinion';
import type { Run } from './values';
import { ruleSource } from '../ui/rubric';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let run: Run;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perflens-opinion-'));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/ingest.ts', '--out', dir, 'data/raw'], { cwd: ROOT, stdio: 'ignore' });
  return openNodeDatabase(dir).then((r) => void (run = r));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ingest's own row of a filing (its counts were made while scoring, not by the opinion's SQL). */
async function filingRow(where: string) {
  const [r] = await run(`SELECT filing_id, findings_critical, findings_major, findings_minor, findings_info, indicators, projects FROM filings WHERE ${where}`);
  return r as { filing_id: string; findings_critical: number; findings_major: number; findings_minor: number; findings_info: number; indicators: number; projects: number };
}

describe('review opinion', () => {
  it("玉田县's: header, money exact, counts by severity as the ingest counted them, every finding placed once", async () => {
    const row = await filingRow(`county = '玉田县'`);
    const o = (await opinion(run, row.filing_id))!;
    expect(o.filing).toMatchObject({ county_code: '130229', year: 2024, department: '玉田县人民代表大会常务委员会本级', band: '中', partial_rubric: false });
    expect(o.filing.budget_fen).toBe(701590446n); // 7,015,904.46 元
    expect([o.filing.critical, o.filing.major, o.filing.minor, o.filing.info]).toEqual([
      row.findings_critical, row.findings_major, row.findings_minor, row.findings_info,
    ]);
    expect(o.findings).toHaveLength(o.filing.critical + o.filing.major + o.filing.minor + o.filing.info);
    expect(o.projects.map((p) => p.ordinal)).toEqual(Array.from({ length: row.projects }, (_, k) => k + 1));
    expect(o.indicators).toHaveLength(row.indicators);

    const placed = placeFindings(o.findings);
    const all = [...placed.indicator.values(), ...placed.project.values(), placed.filing].flat();
    expect(all.map((f) => f.finding_id).sort()).toEqual(o.findings.map((f) => f.finding_id).sort());
    const indicatorIds = new Set(o.indicators.map((i) => i.indicator_id));
    expect([...placed.indicator.keys()].every((k) => indicatorIds.has(k))).toBe(true);

    const cost = o.findings.find((f) => f.rule_id === 'cost-over-budget')!;
    expect(cost.severity).toBe('critical');
    expect(placed.indicator.get(cost.indicator_id!)).toContain(cost);
    expect(ruleSource(cost.rule_id)).toBe('财预〔2021〕101号');
  });

  it('each part of the indicator score is the mean over the filing, within its maximum', async () => {
    const row = await filingRow(`county = '乐亭县'`);
    const o = (await opinion(run, row.filing_id))!;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(o.filing.measurable).toBeCloseTo(mean(o.indicators.map((i) => i.score_measurable!)), 9);
    expect(o.filing.evidenced).toBeLessThanOrEqual(15);
  });

  it('the filing without a county is labelled partial rubric; an unknown or hostile id has no opinion', async () => {
    const row = await filingRow('county_code IS NULL');
    expect((await opinion(run, row.filing_id))!.filing.partial_rubric).toBe(true);
    expect(await opinion(run, 'ffffffffffffffff')).toBeNull();
    expect(await opinion(run, "x' OR 1=1 --")).toBeNull();
  });
});
