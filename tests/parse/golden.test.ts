import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatYuan, type Filing, type Project } from '../../src/lib/parse';
import { seed } from '../seeds';

/** Hand-read expectations for every seed (tests/golden/README.md says how they were written). */
interface GoldenIndicator {
  level1: string | null; level2: string | null; level3: string | null; description: string | null;
  target_raw: string | null; target_op: string | null; target_value: number | null; target_unit: string | null;
  target_yuan: string | null; quantitative: boolean; basis: string | null; grades: Record<string, string> | null;
}
interface GoldenProject {
  name: string; code: string | null; kind: string; category: string | null;
  budget: string | null; fiscal: string | null; other: string | null; purpose: string | null; goals: string | null;
  schedule: (number | null)[]; scheduleRaw: (string | null)[]; indicators: GoldenIndicator[];
}
interface Golden {
  file: string; county: string | null; countyCode: string | null; city: string | null; year: number | null;
  department: string | null; departmentCode: string | null; unit: string; projects: GoldenProject[];
}

const golden = (n: string): Golden => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'golden', `${n}.json`), 'utf8'));
const money = (v: Project['budget']) => (v == null ? null : formatYuan(v));

function projectView(p: Project): GoldenProject {
  return {
    name: p.name, code: p.code, kind: p.kind, category: p.category,
    budget: money(p.budget), fiscal: money(p.fiscal), other: money(p.other), purpose: p.purpose, goals: p.goals,
    schedule: p.schedule.map((s) => s.pct), scheduleRaw: p.schedule.map((s) => s.raw),
    indicators: p.indicators.map((i) => ({
      level1: i.level1, level2: i.level2, level3: i.level3, description: i.description,
      target_raw: i.target.raw, target_op: i.target.op, target_value: i.target.value, target_unit: i.target.unit,
      target_yuan: money(i.target.yuan), quantitative: i.target.quantitative, basis: i.basis, grades: i.grades,
    })),
  };
}

function strip(g: GoldenProject): GoldenProject {
  const { name, code, kind, category, budget, fiscal, other, purpose, goals, schedule, scheduleRaw, indicators } = g;
  return { name, code, kind, category, budget, fiscal, other, purpose, goals, schedule, scheduleRaw, indicators };
}

describe.each(['000', '001', '002', '003', '004'])('seed %s, field by field', (n) => {
  const g = golden(n);
  const f: Filing = seed(n);

  it('reads where, when and who', () => {
    expect({ county: f.county, countyCode: f.countyCode, city: f.city, year: f.year, unit: f.unit, departmentCode: f.departmentCode })
      .toEqual({ county: g.county, countyCode: g.countyCode, city: g.city, year: g.year, unit: g.unit, departmentCode: g.departmentCode });
    if (g.department != null) expect(f.department).toBe(g.department);
  });

  it('finds every project, in order', () => {
    expect(f.projects.map((p) => p.name)).toEqual(g.projects.map((p) => p.name));
  });

  g.projects.forEach((gp, i) => {
    it(`project ${i + 1} ${gp.name}: every field and every indicator row`, () => {
      const p = f.projects[i];
      expect(p).toBeDefined();
      const got = projectView(p);
      const want = strip(gp);
      expect({ ...got, indicators: undefined }).toEqual({ ...want, indicators: undefined });
      expect(got.indicators.length).toBe(want.indicators.length);
      want.indicators.forEach((wi, k) => expect({ row: k + 1, ...got.indicators[k] }).toEqual({ row: k + 1, ...wi }));
    });
  });

  it('uses every source line of the seed', () => {
    expect(f.findings.filter((x) => x.rule === 'parse/unused-line').map((x) => `${x.line}: ${x.evidence}`)).toEqual([]);
    expect(f.linesUsed).toBe(f.linesTotal);
  });
});
