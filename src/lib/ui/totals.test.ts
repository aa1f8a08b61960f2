import { describe, expect, it } from 'vitest';
import type { CountyRow } from '../db/queries';
import { totals } from './totals';

const row = (county_code: string | null, projects: number, budget_fen: bigint | null, mean_score: number | null, partial = 0): CountyRow => ({
  county_code, years: '2024', filings: 2, projects, indicators: projects * 3, budget_fen,
  project_fen: budget_fen, personnel_fen: 0n, operating_fen: 0n, activity_fen: 0n, mean_score, filing_score: mean_score,
  scored: mean_score == null ? 0 : projects - partial, partial,
});

describe('overview totals', () => {
  it('add up the counties exactly, money in fen, the score weighted by projects', () => {
    const t = totals([row('130225', 3, 123_456_789_012_345_67n, 80), row('130105', 1, 1n, 40), row(null, 0, null, null)]);
    expect(t).toEqual({ filings: 6, counties: 2, projects: 4, indicators: 12, budget: 123_456_789_012_345_68n, score: 70 });
  });

  it('leave partial-rubric projects out of the mean (the query left them out of each county mean)', () => {
    const t = totals([row('130225', 3, 100n, 80), row('-', 7, 100n, 40, 4)]);
    expect(t.projects).toBe(10);
    expect(t.score).toBe((80 * 3 + 40 * 3) / 6);
  });

  it('have no score without projects, and nothing for no rows', () => {
    expect(totals([row(null, 0, null, null)]).score).toBeNull();
    expect(totals([])).toEqual({ filings: 0, counties: 0, projects: 0, indicators: 0, budget: 0n, score: null });
  });
});
