import { describe, expect, it } from 'vitest';
import type { NarrativeClaim } from '../../parse/model';
import { CLEAN, checkProject, plan } from '../fixture';
import rule from './narrative-table-inconsistent';

const claim = (over: Partial<NarrativeClaim>): NarrativeClaim => ({
  name: CLEAN.name, budget: CLEAN.budget, schedule: plan('25%', '50%', '80%', '100%'), claimedIndicatorCount: null, indicators: [], span: { first: 100, last: 110 }, ...over,
});

describe('narrative-table-inconsistent', () => {
  it('flags a paragraph whose plan differs from the table (玉田 人大代表活动: 20/40/80/100 vs 25/50/80/100), or its count of indicators', () => {
    expect(checkProject(rule, { narrative: claim({ schedule: plan('20%', '40%', '80%', '100%') }) })[0].evidence).toBe('文字 20%/40%/80%/100%；表格 25%/50%/80%/100%');
    expect(checkProject(rule, { narrative: claim({ claimedIndicatorCount: 9 }) })[0].evidence).toBe('文字 9 个；表格 8 个');
  });
  it('does not flag a paragraph that agrees, nor a project without one', () => {
    expect(checkProject(rule, { narrative: claim({ claimedIndicatorCount: 8 }) })).toEqual([]);
    expect(checkProject(rule)).toEqual([]);
  });
});
