import type { Indicator, MoneyUnit, NarrativeClaim, SchedulePoint } from './model';
import { MONTHS } from './model';
import { parseAmount } from './money';
import { parseTarget } from './target';
import { chineseNumber, orNull } from './text';

/**
 * Part-1 paragraphs that describe a project in prose (玉田 style):
 * `1、“人大会议费”项目年初预算安排40万元，项目主要目标为…。资金累计支出进度3月底、6月底、10月底、12月底
 * 分别达到20%、50%、80%、100%。…下设9个二、三级指标。具体为：1、产出指标-时效指标-…，指标值为…。以上指标依据…。`
 */
export interface NarrativeEntry extends NarrativeClaim {
  goals: string | null;
  purpose: string | null;
}

const START = /(?:[“"]([^”"]{2,40})[”"](?:项目)?|(人员经费|日常公用经费|公用经费|[^\s，。、；“”"：:]{2,24}?(?:经费|项目)))(?:年初)?预算(?:安排|资金|为)\s*([0-9][0-9,.]*)\s*(万元|元)/;
const HEADING = /^\s*(?:[一二三四五六七八九十]+[、.．]|第.{1,3}部分|[（(][一二三四五六七八九十]+[)）])/;
const DASH = /\s*[－—\-–]+\s*/;

/** Narrative entries in `lines` [from, to] (1-based), each with the lines it spans. */
export function readNarrative(lines: string[], from: number, to: number): NarrativeEntry[] {
  const starts: { line: number; at: number }[] = [];
  for (let n = from; n <= to; n++) {
    if (!lines[n - 1].includes('预算')) continue;
    const m = START.exec(lines[n - 1]);
    if (m && /预算安排|预算资金/.test(m[0])) starts.push({ line: n, at: m.index });
  }
  const out: NarrativeEntry[] = [];
  starts.forEach((s, i) => {
    let last = (starts[i + 1]?.line ?? to + 1) - 1;
    for (let n = s.line + 1; n <= last; n++) {
      if (HEADING.test(lines[n - 1])) {
        last = n - 1;
        break;
      }
    }
    const text = lines.slice(s.line - 1, last).map((l, k) => (k === 0 ? l.slice(s.at) : l).trim()).join('');
    out.push(readEntry(text, { first: s.line, last }));
  });
  return out;
}

function readEntry(text: string, span: { first: number; last: number }): NarrativeEntry {
  const m = START.exec(text)!;
  const name = (m[1] ?? m[2]).trim();
  const unit = m[4] as MoneyUnit;
  const plan = /3月底?、\s*6月底?、\s*10月底?、\s*12月底?\s*(?:分别)?(?:达到|为)?\s*([\d.]+%?)\s*[、，,]\s*([\d.]+%?)\s*[、，,]\s*([\d.]+%?)\s*[、，,]\s*([\d.]+%?)/.exec(text);
  const schedule: SchedulePoint[] = plan
    ? MONTHS.map((month, i) => ({ month, raw: plan[i + 1], pct: Number(plan[i + 1].replace('%', '')) }))
    : [];
  const count = /下设\s*(\d+|[一二三四五六七八九十]+)\s*个/.exec(text);
  const goals = /主要目标(?:为|是)?\s*[：:]?\s*(?:为)?([^。]+)。/.exec(text);
  const purpose = /(?:资金)?主要用于([^。]+)。/.exec(text);
  return {
    name,
    budget: parseAmount(m[3], unit),
    schedule,
    claimedIndicatorCount: count ? (/\d/.test(count[1]) ? Number(count[1]) : chineseNumber(count[1])) : null,
    indicators: readIndicators(text, span.first),
    span,
    goals: orNull(goals?.[1] ?? null),
    purpose: orNull(purpose?.[1] ?? null),
  };
}

function readIndicators(text: string, line: number): Indicator[] {
  const body = /具体(?:为|是|如下)\s*[：:]\s*([\s\S]*?)(?:以上指标(?:的)?(?:确定)?依据|$)/.exec(text);
  if (!body) return [];
  const basisM = /以上指标(?:的)?(?:确定)?依据\s*(?:为|是)?\s*([^。]*)。?/.exec(text);
  const basis = orNull(basisM?.[1] ?? null);
  const items = body[1].split(/(?:^|(?<=[。；;，,\s]))\s*\d{1,2}\s*、/).map((s) => s.trim()).filter((s) => s !== '');
  return items.map((item, i) => {
    const clause = item.replace(/[。；;\s]+$/, '');
    const parts = clause.split(DASH).filter((p) => p !== '');
    const [level1, level2, rest] = parts.length >= 3 ? [parts[0], parts[1], parts.slice(2).join('-')] : parts.length === 2 ? [parts[0], null, parts[1]] : [null, null, parts[0] ?? ''];
    const t = /[，,]?\s*指标值(?:为)?\s*[，,：:]?\s*(?:指标值(?:为)?\s*)?(.*)$/.exec(rest);
    const head = t ? rest.slice(0, t.index) : rest;
    const paren = /[（(]([^）)]*)[）)]\s*$/.exec(head.replace(/[，,]\s*$/, ''));
    const level3 = paren ? head.replace(/[，,]\s*$/, '').slice(0, paren.index) : head.replace(/[，,]\s*$/, '');
    const targetRaw = orNull(t?.[1]?.replace(/[。.]$/, '') ?? null);
    return {
      ordinal: i + 1,
      level1: orNull(level1),
      level2: orNull(level2),
      level3: orNull(level3),
      description: orNull(paren?.[1] ?? null),
      target: parseTarget(targetRaw),
      basis,
      grades: null,
      level1Canonical: null,
      level2Canonical: null,
      location: null,
      line,
    };
  });
}
