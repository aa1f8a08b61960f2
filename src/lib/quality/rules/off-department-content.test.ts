import { describe, expect, it } from 'vitest';
import { checkFiling, indicator, project } from '../fixture';
import rule from './off-department-content';

const of = (...names: string[]) => names.map((name) => project({ name, indicators: [indicator()] }));

describe('off-department-content', () => {
  it('flags another body’s section inside the filing (004 政协事务管理 in a 人大 filing)', () => {
    const hits = checkFiling(rule, of('代表工作经费', '政协事务管理'), { department: '测试县人大常委会办公室' });
    expect(hits.map((h) => h.project)).toEqual([2]);
  });
  it('does not flag the body’s own sections, nor a department that is no body of the list', () => {
    expect(checkFiling(rule, of('人大代表活动经费', '代表工作经费'), { department: '测试县人大常委会办公室' })).toEqual([]);
    expect(checkFiling(rule, of('政协事务管理'), { department: '测试县教育局' })).toEqual([]);
  });
});
