import { describe, expect, it } from 'vitest';
import { formatYuan } from './money';
import { parseTarget } from './target';

/** Every target shape in the seeds and the rubric's normalization list. */
const CASES: [string, string | null, number | null, string | null, string | null, boolean][] = [
  // raw, op, value, unit, yuan, quantitative
  ['≥90%', '≥', 90, '%', null, true],
  ['100百分比', null, 100, '%', null, true],
  ['≥80百分比', '≥', 80, '%', null, true],
  ['≤30.03万元', '≤', 30.03, '万元', '300300.00', true],
  ['≤5 万元', '≤', 5, '万元', '50000.00', true],
  ['≥12次', '≥', 12, '次', null, true],
  ['≤12月份', '≤', 12, '月份', null, true],
  ['>＝95%', '≥', 95, '%', null, true],
  ['>=90%', '≥', 90, '%', null, true],
  ['大于等于80%', '≥', 80, '%', null, true],
  ['不低于85%', '≥', 85, '%', null, true],
  ['不少于3次', '≥', 3, '次', null, true],
  ['<=2.5万元', '≤', 2.5, '万元', '25000.00', true],
  ['不超过300元', '≤', 300, '元', '300.00', true],
  ['不高于5%', '≤', 5, '%', null, true],
  ['＞＝１２次', '≥', 12, '次', null, true],
  ['6次以上', '≥', 6, '次', null, true],
  ['200人次', null, 200, '人次', null, true],
  ['289份', null, 289, '份', null, true],
  ['200', null, 200, null, null, true],
  ['%', null, null, '%', null, false],
  ['如期完成', null, null, null, null, false],
  ['完成', null, null, null, null, false],
  ['控制在预算成本范围内', null, null, null, null, false],
];

describe('parseTarget', () => {
  it.each(CASES)('%s', (raw, op, value, unit, yuan, quantitative) => {
    const t = parseTarget(raw);
    expect({ raw: t.raw, op: t.op, value: t.value, unit: t.unit, yuan: t.yuan == null ? null : formatYuan(t.yuan), quantitative: t.quantitative })
      .toEqual({ raw, op, value, unit, yuan, quantitative });
  });

  it.each([
    ['12月底前', '≤', 12, null],
    ['2022年6月', null, 6, 2022],
    ['年底前', '≤', 12, null],
  ])('reads the date target %s', (raw, op, month, year) => {
    const t = parseTarget(raw);
    expect([t.op, t.date, t.unitClass, t.quantitative]).toEqual([op, { month, year }, 'time', true]);
  });

  it('classes units: money, time, percent, count, score', () => {
    expect(['≤5万元', '≤12月份', '≥90%', '≥12次', '≥90分'].map((s) => parseTarget(s).unitClass)).toEqual(['money', 'time', 'percent', 'count', 'score']);
  });

  it('leaves a blank target empty', () => {
    expect(parseTarget(null)).toMatchObject({ raw: null, quantitative: false });
    expect(parseTarget('  ')).toMatchObject({ raw: null, quantitative: false });
  });
});
