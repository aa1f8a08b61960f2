import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Filing } from '../../src/lib/parse';
import { projectView, readGolden, strip } from './golden-view';
import { seed } from '../seeds';

const golden = (n: string) => readGolden(join(import.meta.dirname, '..', 'golden', `${n}.json`));

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
      const got = projectView(p, gp);
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
