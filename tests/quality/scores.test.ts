import { describe, expect, it } from 'vitest';
import { assess, band } from '../../src/lib/quality';
import { seed } from '../seeds';
import { CLEAN, filing } from '../../src/lib/quality/fixture';

const ALL = ['000', '001', '002', '003', '004'].map(seed);
const Q = assess(ALL);
const score = (n: string) => Q.get(seed(n).id)!.score!;
const projectScore = (n: string, name: string) => {
  const f = seed(n);
  return Q.get(f.id)!.projects.get(f.projects.find((p) => p.name === name)!.ordinal)!.score!;
};

describe('scores on the seeds (the rubric’s sanity check)', () => {
  it('临西 > 玉田 > 山海关 > 乐亭', () => {
    expect(score('003')).toBeGreaterThan(score('002'));
    expect(score('002')).toBeGreaterThan(score('001'));
    expect(score('001')).toBeGreaterThan(score('000'));
  });
  it('乐亭’s 智慧人大系统运行维护经费 is in the bottom band, near the bottom of all projects', () => {
    const s = projectScore('000', '智慧人大系统运行维护经费');
    expect(band(s)).toBe('差');
    const all = ALL.flatMap((f) => f.projects.map((p) => Q.get(f.id)!.projects.get(p.ordinal)!.score!)).sort((a, b) => a - b);
    expect(all.indexOf(s)).toBeLessThan(3);
  });
  it('临西’s 代表之家运行经费 is in the top band', () => {
    expect(band(projectScore('003', '代表之家运行经费'))).toBe('优');
  });
  it('004 is scored on the partial rubric, labelled so; full filings are not', () => {
    expect(Q.get(seed('004').id)!.partialRubric).toBe(true);
    for (const n of ['000', '001', '002', '003']) expect(Q.get(seed(n).id)!.partialRubric).toBe(false);
  });
  it('every indicator score is its four parts added up, each within its weight', () => {
    for (const f of ALL.slice(0, 4)) {
      for (const s of Q.get(f.id)!.indicators.values()) {
        expect(s.measurable + s.fit! + s.clear! + s.evidenced!).toBe(s.total);
        expect(s.measurable).toBeLessThanOrEqual(40);
        expect(s.fit!).toBeLessThanOrEqual(25);
        expect(s.clear!).toBeLessThanOrEqual(20);
        expect(s.evidenced!).toBeLessThanOrEqual(15);
      }
    }
  });
});

describe('a clean project', () => {
  it('scores ≥ 90 and has no major or critical finding', () => {
    const f = filing([CLEAN]);
    const q = assess([f]).get(f.id)!;
    expect(q.projects.get(1)!.score!).toBeGreaterThanOrEqual(90);
    expect(q.findings.filter((x) => x.severity === 'major' || x.severity === 'critical').map((x) => x.message)).toEqual([]);
  });
  it('loses points as soon as a target turns vague', () => {
    const vague = { ...CLEAN, indicators: CLEAN.indicators.map((i, k) => (k === 0 ? { ...i, target: { ...i.target, raw: '有效提升', value: null, unit: null, unitClass: null, quantitative: false, op: null } } : i)) };
    const f = filing([vague]);
    const q = assess([f]).get(f.id)!;
    expect(q.indicators.get('1-1')!.measurable).toBe(0);
    expect(q.findings.some((x) => x.rule === 'target-not-quantified')).toBe(true);
  });
});
