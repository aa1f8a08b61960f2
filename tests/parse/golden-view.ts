import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type Filing, formatYuan, type Project } from '../../src/lib/parse';

/** The fields a hand-read golden holds (tests/golden/README.md), and a parsed project seen the same way. */
export interface GoldenIndicator {
  level1: string | null; level2: string | null; level3: string | null; description: string | null;
  target_raw: string | null; target_op: string | null; target_value: number | null; target_unit: string | null;
  target_yuan: string | null; quantitative: boolean; basis: string | null; grades: Record<string, string> | null;
  level1_canonical?: string | null; level2_canonical?: string | null;
}
export interface GoldenProject {
  name: string; code: string | null; kind: string; category: string | null;
  budget: string | null; fiscal: string | null; other: string | null; purpose: string | null; goals: string | null;
  schedule: (number | null)[]; scheduleRaw: (string | null)[]; indicators: GoldenIndicator[]; complete?: boolean;
}
export interface Golden {
  file: string; county: string | null; countyCode: string | null; city: string | null; year: number | null;
  department: string | null; departmentCode: string | null; unit: string; projects: GoldenProject[]; format?: string;
}

export const readGolden = (path: string): Golden => JSON.parse(readFileSync(path, 'utf8'));
const money = (v: Project['budget']) => (v == null ? null : formatYuan(v));

/** A parsed project in the golden's shape, with only the optional fields the golden itself has. */
export function projectView(p: Project, like: GoldenProject): GoldenProject {
  const canonical = like.indicators[0] && 'level1_canonical' in like.indicators[0];
  return {
    name: p.name, code: p.code, kind: p.kind, category: p.category,
    budget: money(p.budget), fiscal: money(p.fiscal), other: money(p.other), purpose: p.purpose, goals: p.goals,
    schedule: p.schedule.map((s) => s.pct), scheduleRaw: p.schedule.map((s) => s.raw),
    ...('complete' in like ? { complete: p.complete } : {}),
    indicators: p.indicators.map((i) => ({
      level1: i.level1, level2: i.level2, level3: i.level3, description: i.description,
      target_raw: i.target.raw, target_op: i.target.op, target_value: i.target.value, target_unit: i.target.unit,
      target_yuan: money(i.target.yuan), quantitative: i.target.quantitative, basis: i.basis, grades: i.grades,
      ...(canonical ? { level1_canonical: i.level1Canonical ?? null, level2_canonical: i.level2Canonical ?? null } : {}),
    })),
  };
}

/** The golden project without the optional fields a test does not compare (source lines). */
export function strip(g: GoldenProject): GoldenProject {
  const { firstLine: _a, lastLine: _b, ...rest } = g as GoldenProject & { firstLine?: number; lastLine?: number };
  return rest;
}

/** Every project of the golden, in order, field by field, and every indicator row of each. */
export function expectProjects(f: Filing, g: Golden): void {
  expect(f.projects.map((p) => p.name)).toEqual(g.projects.map((p) => p.name));
  g.projects.forEach((gp, i) => {
    const got = projectView(f.projects[i], gp);
    const want = strip(gp);
    expect({ project: i + 1, ...got, indicators: undefined }).toEqual({ project: i + 1, ...want, indicators: undefined });
    want.indicators.forEach((wi, k) => expect({ project: i + 1, row: k + 1, ...got.indicators[k] }).toEqual({ project: i + 1, row: k + 1, ...wi }));
    expect(got.indicators.length).toBe(want.indicators.length);
  });
}
