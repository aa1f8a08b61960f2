import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatYuan, parseFiling } from '../../src/lib/parse';
import { yuan } from '../../src/lib/parse/money';
import { render } from '../../scripts/synth/layouts';
import { counties, departments, synthFiling, type SynthFiling } from '../../scripts/synth/model';
import { Random } from '../../scripts/synth/random';

/**
 * Round trip through the synthetic generator: a filing model written as Word, PDF, narrative or duty text
 * (sometimes GB18030) must read back as the same projects, amounts, plans and indicator rows.
 */
const CASES: SynthFiling[] = [];
for (const county of counties('13', 4)) {
  for (const dept of departments(county, 12)) CASES.push(synthFiling(new Random(Number(county.code) + Number(dept.code)), county, dept, 2023));
}

const fen = (f: bigint, unit: '元' | '万元') => formatYuan(yuan(unit === '万元' ? (f / 10000n) * 10000n : f));

describe('synthetic filings read back as written', () => {
  it('covers every layout', () => expect(new Set(CASES.map((c) => c.layout))).toEqual(new Set(['word', 'pdf', 'narrative', 'duty'])));

  it.each(CASES.map((c, k) => [`${k} ${c.layout} ${c.dept}`, c] as const))('%s', (_, s) => {
    const text = render(s);
    const r = parseFiling(s.gb18030 ? iconv.encode(text, 'gb18030') : new TextEncoder().encode(text), 'synth.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.filing;
    const tables = s.projects.filter((p) => p.kind === 'project');
    const parsed = f.projects.filter((p) => p.kind === 'project' || p.kind === 'activity');
    expect(parsed.map((p) => p.name)).toEqual(tables.map((p) => p.name));
    expect(parsed.map((p) => (p.budget == null ? null : formatYuan(p.budget)))).toEqual(tables.map((p) => fen(p.budgetFen, s.layout === 'duty' ? '万元' : s.unit)));
    if (s.layout === 'duty') return;
    expect(f.unit).toBe(s.unit);
    expect(f.year).toBe(s.year);
    expect(f.countyCode).toBe(s.county.code);
    parsed.forEach((p, k) => {
      const want = tables[k];
      expect(p.code).toBe(want.code);
      // A PDF drops a blank plan cell without a trace: only a full plan can be compared there.
      if (s.layout !== 'pdf' || want.plan.every((x) => x != null)) expect(p.schedule.map((x) => (x.pct == null ? null : Math.round(x.pct)))).toEqual(want.plan);
      expect(p.indicators.map((i) => [i.level1, i.level2, i.level3, i.target.raw, i.basis])).toEqual(want.indicators.map((i) => [i.level1, i.level2, i.level3, i.target, i.basis]));
    });
    expect(f.linesUsed).toBe(f.linesTotal);
  });
});
