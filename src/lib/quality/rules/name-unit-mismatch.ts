import { isCountName, isRateName, nameOf } from '../classify';
import { q, row, target, qEn, rowEn } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Name and unit disagree: flags when name says 次数/人数/数量 but unit is %, or name says 率/比例 but unit is a count. */
const rule: IndicatorRule = {
  id: 'name-unit-mismatch', level: 'indicator', severity: 'minor', source: SOURCES.cy101, cost: { part: 'fit', minus: 10 },
  name: { zh: '名称与单位不符', en: 'Name and unit disagree' },
  checks: {
    zh: '名称说次数、人数、数量，单位却是 %；或名称说率、比例，单位却是计数。',
    en: 'The name counts (次数, 人数, 数量) but the unit is %, or the name is a rate (率, 比例) but the unit is a count.',
  },
  cell: 'target',
  check: (i) => {
    const name = nameOf(i);
    const cls = i.target.unitClass;
    if (isCountName(name) && cls === 'percent') return { evidence: `${name} / ${target(i)}`, say: `${row(i)}的名称是数量（次数、人数），指标值却是百分比${q(i.target.raw)}；请改为具体数量，或把名称改为“…率”。`, en: `The name of ${rowEn(i)} is a count (times, people) but its target is a percentage ${qEn(i.target.raw)}; give a number, or name it a rate (“…率”).` };
    if (isRateName(name) && cls === 'count') return { evidence: `${name} / ${target(i)}`, say: `${row(i)}的名称是比率，指标值却是数量${q(i.target.raw)}；请改为百分比，或把名称改为数量。`, en: `The name of ${rowEn(i)} is a rate but its target is a count ${qEn(i.target.raw)}; give a percentage, or name it a count.` };
    return null;
  },
};

export default rule;
