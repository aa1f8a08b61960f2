import { describe, expect, it } from 'vitest';
import { assess, band, DEFAULT_SETTINGS } from '../../src/lib/quality';
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
  it('every indicator score is its four parts added up (or the critical cap below them), each within its weight', () => {
    for (const f of ALL.slice(0, 4)) {
      for (const s of Q.get(f.id)!.indicators.values()) {
        expect(Math.min(s.measurable + s.fit! + s.clear! + s.evidenced!, s.cap ?? Infinity)).toBe(s.total);
        expect(s.measurable).toBeLessThanOrEqual(40);
        expect(s.fit!).toBeLessThanOrEqual(25);
        expect(s.clear!).toBeLessThanOrEqual(20);
        expect(s.evidenced!).toBeLessThanOrEqual(15);
      }
    }
  });
});

describe('a critical finding caps its row', () => {
  it('玉田’s ≤30.03万元 cost row (over its 300,000 元 budget) scores the settings’ criticalCap, 差, though its parts add up to more', () => {
    const f = seed('002');
    const q = Q.get(f.id)!;
    const hit = q.findings.find((x) => x.rule === 'cost-over-budget')!;
    expect(hit.severity).toBe('critical');
    const s = q.indicators.get(`${hit.project}-${hit.indicator}`)!;
    expect(s.cap).toBe(DEFAULT_SETTINGS.criticalCap);
    expect(s.total).toBe(DEFAULT_SETTINGS.criticalCap);
    expect(s.measurable + s.fit! + s.clear! + s.evidenced!).toBeGreaterThan(s.total);
    expect(band(s.total)).toBe('差');
  });
  it('rows without a critical finding are not capped, and a province may set the cap', () => {
    const f = seed('002');
    const hit = Q.get(f.id)!.findings.find((x) => x.rule === 'cost-over-budget')!;
    const capped = [...Q.get(f.id)!.indicators.entries()].filter(([, s]) => s.cap != null).map(([k]) => k);
    expect(capped).toEqual([`${hit.project}-${hit.indicator}`]);
    const lenient = assess([f], { ...DEFAULT_SETTINGS, criticalCap: 100 }).get(f.id)!;
    expect(lenient.indicators.get(`${hit.project}-${hit.indicator}`)!.cap).toBeNull();
  });
});

describe('the score’s terms add up to the score', () => {
  it('each project: weights × block means + weight × funding − penalty', () => {
    const w = DEFAULT_SETTINGS.project;
    for (const f of ALL.slice(0, 4)) {
      for (const p of Q.get(f.id)!.projects.values()) {
        if (p.score == null) continue;
        const sum = (w.output * (p.output ?? 0) + w.effect * (p.effect ?? 0) + w.satisfaction * (p.satisfaction ?? 0)) / 100 + w.funding * p.funding! - p.penalty;
        expect(Math.abs(Math.max(0, Math.min(100, sum)) - p.score)).toBeLessThan(0.06);
      }
    }
  });
  it('each filing: half weighted, half plain mean, minus the deductions', () => {
    for (const f of ALL) {
      const q = Q.get(f.id)!;
      const sum = 0.5 * q.terms.weighted! + 0.5 * q.terms.plain! - q.terms.deduction;
      expect(Math.abs(Math.max(0, sum) - q.score!)).toBeLessThan(0.06);
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
