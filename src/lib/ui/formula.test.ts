import { describe, expect, it } from 'vitest';
import { assess, DEFAULT_SETTINGS } from '../quality';
import { toRows } from '../tables/rows';
import { seed } from '../../../tests/seeds';
import { penalties, projectTerms } from './formula';
import type { ProjectTerms } from '../db/terms';

const SEEDS = ['000', '001', '002', '003'].map(seed);
const Q = assess(SEEDS);

describe('the project formula the page fills in', () => {
  it('adds up to every seed project’s stored score, and its penalties by rule to the stored penalty', () => {
    for (const f of SEEDS) {
      const t = toRows(f, Q.get(f.id)!);
      for (const p of t.projects) {
        if (p.score == null) continue;
        const terms = projectTerms(p as unknown as ProjectTerms, DEFAULT_SETTINGS);
        const lost = penalties(t.findings.filter((x) => x.project_id === p.project_id) as { rule_id: string }[]);
        expect(lost.reduce((a, x) => a + x.points, 0), `${p.name}`).toBe(p.score_penalty);
        const sum = terms.reduce((a, x) => a + x.points, 0) - (p.score_penalty as number);
        expect(Math.abs(Math.max(0, Math.min(100, sum)) - (p.score as number)), `${p.name}`).toBeLessThan(0.06);
      }
    }
  });
  it('a block without rows adds 0 and says so (null share)', () => {
    const terms = projectTerms({ project_id: 'x', kind: 'project', score: 55, score_output: 60, score_effect: null, score_satisfaction: 100, score_funding: 1, score_penalty: 5, partial_rubric: false }, DEFAULT_SETTINGS);
    expect(terms.map((x) => [x.block, x.share, x.points])).toEqual([['output', 0.6, 30], ['effect', null, 0], ['satisfaction', 1, 10], ['funding', 1, 10]]);
  });
});
