import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatYuan, parseFiling, type Project } from '../../src/lib/parse';

/**
 * Filings the seeds do not show, as other tools flatten them (tests/fixtures/variants/README.md):
 * each `X.txt` is read and compared with `X.expected.json`, field by field where the JSON states one.
 */
const DIR = join(import.meta.dirname, '..', 'fixtures', 'variants');
const CASES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
const money = (v: Project['budget']) => (v == null ? null : formatYuan(v));

function view(p: Project): Record<string, unknown> {
  return {
    name: p.name, code: p.code, kind: p.kind, category: p.category, budget: money(p.budget), fiscal: money(p.fiscal), other: money(p.other),
    purpose: p.purpose, goals: p.goals, schedule: p.schedule.map((s) => s.pct), scheduleRaw: p.schedule.map((s) => s.raw), complete: p.complete,
    indicators: p.indicators.map((i) => ({
      level1: i.level1, level2: i.level2, level3: i.level3, description: i.description, target_raw: i.target.raw, target_op: i.target.op,
      target_value: i.target.value, target_unit: i.target.unit, target_yuan: money(i.target.yuan), quantitative: i.target.quantitative,
      basis: i.basis, grades: i.grades,
    })),
  };
}

/** The part of `got` that `want` speaks about. */
function pick(got: Record<string, unknown>, want: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(want).filter((k) => k !== 'indicators' && k !== 'firstLine' && k !== 'lastLine').map((k) => [k, got[k]]));
}

describe.each(CASES)('variant %s', (name) => {
  const bytes = readFileSync(join(DIR, `${name}.txt`));
  const want = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8'));
  const r = parseFiling(bytes, `${name}.txt`);

  if (want.reject) {
    it('is rejected with the file, the line and what was expected', () => {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.rejection.file).toBe(`${name}.txt`);
      expect(r.rejection.expected).toMatch(/项目名称.*一级指标/);
      expect(r.rejection.found.length).toBeGreaterThan(0);
    });
    return;
  }

  it('is read as a filing', () => expect(r.ok ? 'ok' : r.rejection).toBe('ok'));
  if (!r.ok) return;
  const f = r.filing;

  it('says where, when, who and in what unit', () => {
    const meta = ['county', 'countyCode', 'city', 'year', 'department', 'departmentCode', 'unit'].filter((k) => k in want);
    expect(Object.fromEntries(meta.map((k) => [k, (f as unknown as Record<string, unknown>)[k]]))).toEqual(Object.fromEntries(meta.map((k) => [k, want[k]])));
  });

  it('finds every project', () => expect(f.projects.map((p) => p.name)).toEqual(want.projects.map((p: { name: string }) => p.name)));

  want.projects.forEach((wp: Record<string, unknown> & { indicators: Record<string, unknown>[] }, i: number) => {
    it(`project ${i + 1} ${wp.name as string}`, () => {
      const got = view(f.projects[i]);
      expect(pick(got, wp)).toEqual(pick(wp, wp));
      const rows = got.indicators as Record<string, unknown>[];
      expect(rows.length).toBe(wp.indicators.length);
      wp.indicators.forEach((wi, k) => expect({ row: k + 1, ...pick(rows[k], wi) }).toEqual({ row: k + 1, ...wi }));
    });
  });

  it('uses every source line, or reports it with its number and text', () => {
    const unused = f.findings.filter((x) => x.rule === 'parse/unused-line');
    expect(unused.map((x) => x.evidence)).toEqual(want.unused ?? []);
    for (const x of unused) expect(f.lines[x.line! - 1]).toContain(x.evidence);
    expect(f.linesUsed).toBe(f.linesTotal - unused.length);
  });

  if (want.projects.some((p: { complete?: boolean }) => p.complete === false)) {
    it('marks the cut project incomplete, the filing partial, and says where it stopped', () => {
      expect(f.status).toBe('partial');
      expect(f.findings.some((x) => x.rule === 'parse/truncated' && x.line != null)).toBe(true);
    });
  }
});
