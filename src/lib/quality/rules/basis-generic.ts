import { basisKind, hasColumn } from '../classify';
import { q, row, qEn, rowEn } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Generic basis: flags when 依据 is "相关政策文件", "年度工作计划", "依据单位指标考核" or the indicator's own name; specific = document number, 《title》, named plan with year, 上年/历史/行业/定额/批复. */
const rule: IndicatorRule = {
  id: 'basis-generic', level: 'indicator', severity: 'minor', source: SOURCES.cy101, cost: { part: 'evidenced' },
  name: { zh: '依据笼统', en: 'Generic basis' },
  checks: {
    zh: '指标值确定依据笼统（“相关政策文件”“年度工作计划”“依据单位指标考核”）或就是指标名称；具体依据是文号、《文件名》、注明年份的计划或上年、历史、行业、定额、批复标准。',
    en: 'The basis is generic (相关政策文件, 年度工作计划, 依据单位指标考核) or the indicator’s own name; a specific basis is a document number, a 《title》, a named plan with its year, or a prior-year, historical, sector, quota or approved standard.',
  },
  cell: 'basis',
  check: (i, p) => {
    if (!hasColumn(p, 'basis')) return null;
    const k = basisKind(i);
    if (k === 'specific') return null;
    const what = { missing: ['没有填写', ' is not filled in'], 'own-name': ['只重复了指标名称', ' only repeats the indicator’s name'], generic: [`${q(i.basis)}过于笼统`, `, ${qEn(i.basis)}, is too general`] }[k];
    return {
      evidence: i.basis ?? '',
      say: `${row(i)}的指标值确定依据${what[0]}；请写明具体依据：文件文号、《文件名称》、带年份的工作计划，或上年实际、行业标准。`,
      en: `The basis of ${rowEn(i)}${what[1]}; name a specific one: a document number, a 《title》, a work plan with its year, last year’s actual figure or a sector standard.`,
    };
  },
};

export default rule;
