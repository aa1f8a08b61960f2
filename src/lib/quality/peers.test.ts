import { describe, expect, it } from 'vitest';
import { parseTarget } from '../parse/target';
import { peerLabel, peerOf, position, spreadOf } from './peers';

/** The peer key of a row as written. */
const key = (level3: string, target: string) => {
  const t = parseTarget(target);
  return peerOf({ level3, op: t.op, value: t.value, unit: t.unit, fen: t.yuan })?.key ?? null;
};

describe('peer grouping', () => {
  it('groups rows that mean the same: counting words, a leading year or verb, spaces, brackets, % and ％', () => {
    const same: [string, string, string, string][] = [
      ['代表培训次数', '≥4次', '开展代表培训', '≥6次'],
      ['代表培训次数', '≥4次', '2023年度代表培训（次）', '≥2次'],
      ['代表 培训 次数', '≥4次', '代表培训次数', '4次'],
      ['设备完好率', '≥95%', '设备完好率', '≥90％'],
      ['印刷资料数量', '≥500份', '印刷资料', '≥800份'],
    ];
    for (const [a, ta, b, tb] of same) expect(key(a, ta), `${a} ${ta} ~ ${b} ${tb}`).toBe(key(b, tb));
  });
  it('keeps apart rows of another unit, another meaning or another direction', () => {
    const apart: [string, string, string, string][] = [
      ['代表培训次数', '≥4次', '代表培训人数', '≥4人'],
      ['代表培训', '≥4次', '代表培训', '≥4人'],
      ['设备完好率', '≥95%', '设备采购数量', '≥95台'],
      ['会议经费占比', '≤3%', '会议经费占比', '≤3个'],
      ['办结时间', '≤15天', '办结时间', '≥15天'],
      ['培训覆盖率', '≥95%', '培训满意度', '≥95%'],
    ];
    for (const [a, ta, b, tb] of apart) expect(key(a, ta), `${a} ${ta} ≁ ${b} ${tb}`).not.toBe(key(b, tb));
  });
  it('has no key for a row without a number or a 三级指标, nor for money (a cost scales with its own budget)', () => {
    expect(key('工作质量', '良好')).toBeNull();
    expect(key('会议经费', '≤3万元')).toBeNull();
    expect(peerOf({ level3: null, op: '≥', value: 4, unit: '次', fen: null })).toBeNull();
  });
  it('normalizes labels, keeping what is not a counting word', () => {
    expect(peerLabel('2023年开展代表培训次数')).toBe('代表培训');
    expect(peerLabel('覆盖率')).toBe('覆盖率');
    expect(peerLabel('人数')).toBe('人数');
  });
});

describe('peer spread and position', () => {
  it('counts each county once, by the median of its targets', () => {
    const s = spreadOf(new Map([['甲县', [2, 4, 100]], ['乙县', [6]], ['丙县', [8]]]))!;
    expect(s).toEqual({ counties: 3, min: 4, p25: 5, median: 6, p75: 7, max: 8 });
  });
  it('places a target below low × or above high × the median, and never against a zero median', () => {
    expect([2, 3, 6, 12, 13].map((v) => position(v, 6, 0.5, 2))).toEqual(['low', 'within', 'within', 'within', 'high']);
    expect(position(5, 0, 0.5, 2)).toBe('within');
  });
});
