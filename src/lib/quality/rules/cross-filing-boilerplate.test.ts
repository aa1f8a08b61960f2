import { describe, expect, it } from 'vitest';
import type { CorpusRow } from '../rule';
import { DEFAULT_SETTINGS } from '../settings';
import rule from './cross-filing-boilerplate';

const at = (filing: string, place: string, level3: string, satisfaction = false): CorpusRow => ({ filing, place, project: 1, indicator: 1, level2: '可持续影响指标', level3, satisfaction, line: 9, year: 2022, department: null, target: null, peer: null, value: null });
/** The places of every key among `rows`, as the engine gathers them. */
const judge = (rows: CorpusRow[]) => {
  const places = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = rule.key(r);
    if (k != null) places.set(k, new Set([...(places.get(k) ?? []), r.place]));
  }
  return rule.check(rows, (r) => places.get(rule.key(r) ?? ''), DEFAULT_SETTINGS);
};

describe('cross-filing-boilerplate', () => {
  it('flags the same row in two counties’ filings (“可持续影响指标 长期使用性” in 山海关 and 玉田), on each', () => {
    expect(judge([at('a', '山海关区', '长期使用性'), at('b', '玉田县', '长期使用性')]).map((h) => h.filing)).toEqual(['a', 'b']);
  });
  it('does not flag a row found in one county only, nor the standard satisfaction rows', () => {
    expect(judge([at('a', '山海关区', '长期使用性'), at('c', '山海关区', '长期使用性'), at('b', '玉田县', '设备完好率')])).toEqual([]);
    expect(judge([at('a', '山海关区', '群众满意度', true), at('b', '玉田县', '群众满意度', true)])).toEqual([]);
  });
});
