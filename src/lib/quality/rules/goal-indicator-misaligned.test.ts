import { describe, expect, it } from 'vitest';
import { CLEAN, checkProject } from '../fixture';
import rule from './goal-indicator-misaligned';

describe('goal-indicator-misaligned', () => {
  it('flags a count in the goals no indicator carries (山海关 人大会议 “6次以上常委会会议”), and a repeated goal line', () => {
    expect(checkProject(rule, { goals: '召开6次以上常委会会议' })[0].evidence).toBe('6次以上');
    expect(checkProject(rule, { goals: '1.保障学生营养\n2.保障学生营养' })[0].evidence).toBe('保障学生营养');
  });
  it('does not flag goals whose counts the indicators carry, nor a duty activity', () => {
    expect(checkProject(rule)).toEqual([]);
    expect(checkProject(rule, { kind: 'activity', goals: '召开6次以上常委会会议', indicators: CLEAN.indicators })).toEqual([]);
  });
});
