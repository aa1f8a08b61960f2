import { q, row, qEn, rowEn } from '../phrases';
import { type FilingRule, type Hit, SOURCES } from '../rule';

/** Inconsistent grade scale: flags when 优 ≥ 良 ≥ 中 violated, 差 not an open bound, scales differ within a filing. */
const rule: FilingRule = {
  id: 'grade-scale-inconsistent', level: 'filing', severity: 'minor', source: SOURCES.cy10, cost: { none: true },
  name: { zh: '等级标准不一致', en: 'Inconsistent grade scale' },
  checks: {
    zh: '分级标准不满足优 ≥ 良 ≥ 中，差不是开放区间，或同一文件内分级标准不一致。',
    en: '优 ≥ 良 ≥ 中 violated, 差 not an open bound, or scales that differ within a filing.',
  },
  check: (f) => {
    const hits: Hit[] = [];
    const scales = new Map<string, number>();
    const num = (s: string | undefined) => (s == null ? null : Number(/[\d.]+/.exec(s)?.[0] ?? NaN));
    for (const p of f.projects) {
      for (const i of p.indicators) {
        const g = i.grades;
        if (!g || Object.keys(g).length === 0) continue;
        const [a, b, c] = [num(g.优), num(g.良), num(g.中)];
        const scale = `${g.优}/${g.良}/${g.中}/${g.差}`;
        scales.set(scale, (scales.get(scale) ?? 0) + 1);
        if (a != null && b != null && c != null && !(a >= b && b >= c)) hits.push({ project: p.ordinal, indicator: i.ordinal, evidence: scale, say: `${q(p.name)}${row(i)}的评价标准不满足“优≥良≥中”（${scale}）；请修正。`, en: `${qEn(p.name)}, ${rowEn(i)}: the grades do not satisfy 优 ≥ 良 ≥ 中 (${scale}); correct them.` });
        if (g.差 && !/以下|以上|低于|不足|<|＜|≤|未/.test(g.差)) hits.push({ project: p.ordinal, indicator: i.ordinal, evidence: scale, say: `${q(p.name)}${row(i)}的“差”档写成${q(g.差)}，不是开区间；应写成“${g.中 ?? ''}以下”之类。`, en: `${qEn(p.name)}, ${rowEn(i)}: the 差 grade is written ${qEn(g.差)}, not an open range; write it like “${g.中 ?? ''}以下” (below ${g.中 ?? ''}).` });
      }
    }
    if (scales.size > 1) {
      const list = [...scales.keys()].join('；');
      hits.push({ evidence: list, say: `同一文件中各活动的“优/良/中/差”评价标准不一致（${list}）；请统一尺度。`, en: `The activities of one filing grade 优 / 良 / 中 / 差 on different scales (${list}); use one scale.` });
    }
    return hits;
  },
};

export default rule;
