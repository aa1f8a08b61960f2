import { describe, expect, it } from 'vitest';
import { checkFiling, indicator, project } from '../fixture';
import rule from './grade-scale-inconsistent';

const graded = (...scales: [string, string, string, string][]) =>
  scales.map(([优, 良, 中, 差]) => project({ kind: 'activity', indicators: [indicator({ grades: { 优, 良, 中, 差 } })] }));

describe('grade-scale-inconsistent', () => {
  it('flags 优 < 良 (004 政协 rows “…90% / 85%” the wrong way), a 差 that is no open bound, scales that differ', () => {
    expect(checkFiling(rule, graded(['85%', '90%', '60%', '60%以下']))[0].say).toMatch(/优≥良≥中/);
    expect(checkFiling(rule, graded(['90%', '80%', '60%', '50%']))[0].say).toMatch(/不是开区间/);
    expect(checkFiling(rule, graded(['90%', '80%', '60%', '60%以下'], ['95%', '85%', '70%', '70%以下'])).at(-1)!.say).toMatch(/不一致/);
  });
  it('does not flag one well-ordered scale used throughout, nor rows without grades', () => {
    expect(checkFiling(rule, graded(['90%', '80%', '60%', '60%以下'], ['90%', '80%', '60%', '60%以下']))).toEqual([]);
    expect(checkFiling(rule, [project({ indicators: [indicator()] })])).toEqual([]);
  });
});
