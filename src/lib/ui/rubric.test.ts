import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS as SCORING } from '../quality/settings';
import { partCosts, PARTS, ruleSource } from './rubric';

describe('the rubric as the opinion explains it', () => {
  it('four parts, measurable 40 / fit 25 / clear 20 / evidenced 15, summing to 100', () => {
    expect(PARTS.map((p) => [p, SCORING.indicator[p]])).toEqual([['measurable', 40], ['fit', 25], ['clear', 20], ['evidenced', 15]]);
  });

  it("each part's deductions are the rule table's", () => {
    expect(partCosts('measurable')).toEqual([
      { rule: 'target-not-quantified', to: 0, minus: undefined },
      { rule: 'target-incomplete', to: 20, minus: undefined },
    ]);
    expect(partCosts('fit').map((c) => c.rule)).toContain('satisfaction-weak');
    expect(partCosts('evidenced').map((c) => c.rule)).toEqual(['basis-generic']);
  });

  it('a rule rests on its policy document; a reading finding on none', () => {
    expect(ruleSource('cost-over-budget')).toBe('财预〔2021〕101号');
    expect(ruleSource('framework-incomplete')).toBe('中发〔2018〕34号');
    expect(ruleSource('parse/unused-line')).toBeNull();
  });
});
