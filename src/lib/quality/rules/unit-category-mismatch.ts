import { block, kind, nameOf, squash } from '../classify';
import { q, row, target, qEn, rowEn, cap } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Unit does not fit category: flags when unit class does not fit level2: 成本 → money (% only for 节约率/执行率); 时效 → time/date (% only for 及时/按时/进度 rates); 数量 → count (% only for 率/比例/覆盖); 满意度 → % or 分. */
const rule: IndicatorRule = {
  id: 'unit-category-mismatch', level: 'indicator', severity: 'major', source: SOURCES.cy101, cost: { part: 'fit', to: 0 },
  name: { zh: '单位与指标类别不符', en: 'Unit does not fit category' },
  checks: {
    zh: '单位类别与二级指标不符：成本指标应为金额，时效指标应为时间或日期，数量指标应为计数，满意度应为 % 或分（比率类名称例外）。',
    en: 'The unit’s class does not fit the second level: cost → money, timeliness → a time or date, quantity → a count, satisfaction → % or points (rates excepted).',
  },
  cell: 'target',
  check: (i, _p, f) => {
    const cls = i.target.unitClass;
    if (cls == null || f.projects.length === 0) return null;
    const name = nameOf(i) + squash(i.description);
    const k = kind(i) ?? (block(i) === 'cost' ? 'cost' : null);
    const fits: Partial<Record<NonNullable<typeof k>, boolean>> = {
      cost: cls === 'money' || (cls === 'percent' && /节约率|执行率|控制率|节支率/.test(name)),
      timeliness: cls === 'time' || (cls === 'percent' && /及时|按时|进度|准时/.test(name)),
      quantity: cls === 'count' || (cls === 'percent' && /率|比例|比率|覆盖/.test(name)),
      satisfaction: cls === 'percent' || cls === 'score',
    };
    if (k == null || fits[k] !== false) return null;
    const want: Record<string, [string, string]> = {
      cost: ['金额（元/万元）', 'an amount (元 / 万元)'], timeliness: ['时间或日期（如“12月底前”）', 'a time or date (e.g. “12月底前”)'],
      quantity: ['数量单位（次、人、项…）', 'a count unit (次, 人, 项 …)'], satisfaction: ['百分比或分值', 'a percentage or a score'],
    };
    return {
      evidence: `${i.level2} / ${target(i)}`,
      say: `${row(i)}属于${q(i.level2)}，指标值${q(i.target.raw)}的单位不相符；应使用${want[k][0]}。`,
      en: `${cap(rowEn(i))} is a ${qEn(i.level2)} but the unit of its target ${qEn(i.target.raw)} does not fit; use ${want[k][1]}.`,
    };
  },
};

export default rule;
