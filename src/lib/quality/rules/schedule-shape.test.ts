import { describe, expect, it } from 'vitest';
import { checkProject, plan } from '../fixture';
import rule from './schedule-shape';

const severities = (...cells: string[]) => checkProject(rule, { schedule: plan(...cells) }).map((h) => h.severity ?? rule.severity);

describe('schedule-shape', () => {
  it('flags a plan beyond 100%, falling back, or short of 100% in December (major)', () => {
    expect(severities('25%', '50%', '110%', '100%')).toEqual(['major', 'major']); // over, then falls back
    expect(severities('25%', '60%', '50%', '100%')).toEqual(['major']);
    expect(severities('25%', '50%', '80%', '90%')).toEqual(['major']);
  });
  it('flags a blank cell (山海关 车辆保险费 blank March) and amounts under a % header (minor)', () => {
    expect(severities('', '50%', '80%', '100%')).toEqual(['minor']);
    expect(checkProject(rule, { scheduleAsAmounts: true }).map((h) => h.severity)).toEqual(['minor']);
  });
  it('does not flag a steady plan reaching 100%, nor a project without a plan', () => {
    expect(severities('25%', '50%', '80%', '100%')).toEqual([]);
    expect(severities('0%', '0%', '0%', '100%')).toEqual([]);
    expect(checkProject(rule, { schedule: [] })).toEqual([]);
  });
});
