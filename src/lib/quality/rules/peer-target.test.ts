import { describe, expect, it } from 'vitest';
import { checkCorpus, filing, indicator, project } from '../fixture';
import { DEFAULT_SETTINGS } from '../settings';
import rule from './peer-target';

/** A filing of `county` with one row 代表培训次数 of `target`. */
const at = (county: string, target: string, level3 = '代表培训次数') =>
  filing([project({ indicators: [indicator({ level2: '数量指标', level3, target })] })], { id: `f-${county}`, county });

describe('peer-target', () => {
  it('flags a target far below its peers’ (≥2次 where four other counties set 6–8), with the numbers', () => {
    const hits = checkCorpus(rule, [at('甲县', '≥2次'), at('乙县', '≥6次'), at('丙县', '≥6次'), at('丁县', '≥8次', '开展代表培训'), at('戊县', '≥7次')]);
    expect(hits.map((h) => h.filing)).toEqual(['f-甲县']);
    expect(hits[0].evidence).toBe('过低: 2次; 5个县区中位数 6次（2–8次）');
    expect(hits[0].say).toContain('低于5个县区同类指标中位数6次的0.5倍');
  });
  it('flags a target far above (过高, unrealistic), and never a money target', () => {
    const hits = checkCorpus(rule, [at('甲县', '≥3000人', '培训人数'), at('乙县', '≥200人', '培训人数'), at('丙县', '≥300人', '培训人数'), at('丁县', '≥400人', '培训人数')]);
    expect(hits.map((h) => [h.filing, h.evidence])).toEqual([['f-甲县', '过高: 3000人; 4个县区中位数 350人（200–3000人）']]);
    expect(checkCorpus(rule, [at('甲县', '≤30万元', '会议经费'), at('乙县', '≤2万元', '会议经费'), at('丙县', '≤3万元', '会议经费'), at('丁县', '≤4万元', '会议经费')])).toEqual([]);
  });
  it('does not flag a target within its peers, nor with too few counties, nor against rows of another unit', () => {
    expect(checkCorpus(rule, [at('甲县', '≥4次'), at('乙县', '≥6次'), at('丙县', '≥5次'), at('丁县', '≥3次')])).toEqual([]);
    expect(checkCorpus(rule, [at('甲县', '≥1次'), at('乙县', '≥6次'), at('丙县', '≥6次')])).toEqual([]);
    expect(checkCorpus(rule, [at('甲县', '≥1人'), at('乙县', '≥6次'), at('丙县', '≥6次'), at('丁县', '≥6次')])).toEqual([]);
  });
  it('counts the same county’s filings as one county (three counties are too few by default)', () => {
    const hits = checkCorpus(rule, [at('甲县', '≥2次'), { ...at('乙县', '≥6次'), id: 'f-乙县-2' }, at('乙县', '≥6次'), at('丙县', '≥6次')]);
    expect(hits).toEqual([]);
  });
  it('follows the settings: minCounties, low, high', () => {
    const rows = [at('甲县', '≥4次'), at('乙县', '≥6次'), at('丙县', '≥6次'), at('丁县', '≥6次')];
    expect(checkCorpus(rule, rows)).toEqual([]);
    expect(checkCorpus(rule, rows, { ...DEFAULT_SETTINGS, peers: { minCounties: 3, low: 0.8, high: 2 } }).map((h) => h.filing)).toEqual(['f-甲县']);
    expect(checkCorpus(rule, rows.slice(0, 3), { ...DEFAULT_SETTINGS, peers: { minCounties: 3, low: 0.8, high: 2 } }).map((h) => h.filing)).toEqual(['f-甲县']);
  });
});
