import type { Grades, Indicator, MoneyUnit, Yuan } from './model';
import { parseAmount } from './money';
import { type Piece } from './pieces';
import { parseTarget } from './target';
import { isBlank, labelKey, orNull } from './text';

/**
 * 部门职责-工作活动绩效目标 (seed 004): rows of 职责活动 / 年度预算数 / 内容描述 / 绩效目标 / 绩效指标 /
 * 优 / 良 / 中 / 差. A duty heading is a category; the indented rows under it are the activities.
 */
export interface DutyRow {
  name: string;
  heading: boolean;
  category: string | null;
  budgetRaw: string | null;
  budget: Yuan | null;
  purpose: string | null;
  goals: string | null;
  indicator: Indicator | null;
  first: number;
  last: number;
}

const GRADES = ['优', '良', '中', '差'] as const;

/** Index just past the header (…评价标准 / 优 良 中 差), or -1 when the pieces are not a duty table. */
export function dutyHeaderEnd(pieces: Piece[]): number {
  const i = pieces.findIndex((p) => labelKey(p.text) === '职责活动');
  if (i < 0) return -1;
  for (let k = i; k < Math.min(pieces.length - 3, i + 20); k++) {
    if (GRADES.every((g, j) => labelKey(pieces[k + j].text) === g)) return k + 4;
  }
  return -1;
}

export function readDutyRows(pieces: Piece[], start: number, unit: MoneyUnit): { rows: DutyRow[]; leftover: Piece[] } {
  const WIDTH = 9;
  const cells = pieces.slice(start);
  const rows: DutyRow[] = [];
  let category: string | null = null;
  let k = 0;
  for (; k + WIDTH <= cells.length; k += WIDTH) {
    const c = cells.slice(k, k + WIDTH);
    const rawName = c[0].text;
    const indented = /^[\s\u3000]+\S/.test(rawName);
    const name = rawName.replace(/^[\s\u3000]+/, '').trim();
    const grades: Grades = {};
    GRADES.forEach((g, j) => {
      const v = orNull(c[5 + j].text);
      if (v) grades[g] = v;
    });
    const hasIndicator = !isBlank(c[4].text) || Object.keys(grades).length > 0;
    const heading = !indented && !hasIndicator;
    if (heading) category = name;
    rows.push({
      name,
      heading,
      category: heading ? null : category,
      budgetRaw: orNull(c[1].text),
      budget: parseAmount(orNull(c[1].text), unit),
      purpose: orNull(c[2].text),
      goals: orNull(c[3].text),
      indicator: hasIndicator
        ? {
            ordinal: 1,
            level1: null,
            level2: null,
            level3: orNull(c[4].text),
            description: null,
            target: { ...parseTarget(null), quantitative: Object.keys(grades).length > 0 },
            basis: null,
            grades,
            level1Canonical: null,
            level2Canonical: null,
            location: null,
            line: c[4].first,
          }
        : null,
      first: c[0].first,
      last: c[WIDTH - 1].last,
    });
  }
  return { rows, leftover: cells.slice(k) };
}
