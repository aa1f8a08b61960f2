import { describe, expect, it } from 'vitest';
import { plan } from './fixture';
import { flagged, planFlags } from './plan';

describe('plan flags', () => {
  it('flags a plan beyond 0–100, falling back (at the month it does), short of 100 in December, or with a blank month', () => {
    expect(planFlags(plan('25%', '60%', '50%', '100%'))).toEqual({ over: false, fallsBack: 10, short: false, blank: false });
    expect(planFlags(plan('25%', '50%', '110%', '100%'))).toEqual({ over: true, fallsBack: 12, short: false, blank: false });
    expect(planFlags(plan('25%', '50%', '80%', ''))).toEqual({ over: false, fallsBack: null, short: true, blank: true });
    expect(planFlags(plan('25%', '50%', '80%', '100%').slice(1))!.blank).toBe(true); // March missing altogether
  });
  it('allows a plan converted from amounts its rounding (0.01 points), and has no flags without a plan', () => {
    expect(flagged(planFlags(plan('33.333%', '33.3299%', '66.67%', '99.995%')))).toBe(false);
    expect(planFlags([])).toBeNull();
    expect(flagged(null)).toBe(false);
  });
});
