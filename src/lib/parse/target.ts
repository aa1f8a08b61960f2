import type { Target, TargetOp } from './model';
import { OP_START, OPS, UNIT_ALTERNATION, UNITS } from './vocabulary';
import { parseAmount } from './money';
import { halfWidth } from './text';

const MONEY_UNIT: Record<string, '元' | '万元' | null> = { 元: '元', 万元: '万元' };

const EMPTY: Target = { raw: null, op: null, value: null, unit: null, unitClass: null, yuan: null, date: null, quantitative: false };

/** The normalized form targets are read in: half-width, `>＝` → `>=`, no spaces. */
function norm(raw: string): string {
  return halfWidth(raw).replace(/[\s\u3000]+/g, '').replace(/^指标值为?[,:，：]?/, '');
}

function takeOp(s: string): [TargetOp | null, string] {
  for (const [re, op] of OPS) {
    const m = re.exec(s);
    if (m) return [op, s.slice(m[0].length)];
  }
  return [null, s];
}

function takeUnit(s: string): [(typeof UNITS)[number] | null, string] {
  for (const u of UNITS) if (s.startsWith(u[0])) return [u, s.slice(u[0].length)];
  return [null, s];
}

/** A period from one month to another (`2021年1月-12月`, `2023.07-2024.01`): its end is the target. */
const RANGE = /^(?:(\d{4})[年.\-/])?(\d{1,2})月?(?:份)?[-~—–至到]+(?:(\d{4})[年.\-/])?(\d{1,2})月?(?:份|底|末)?$/;

/** `12月底前`, `2022年6月`, `6月30日前`, `年底前`, `12月底到位` as a date target; null when not a date. */
function readDate(s: string): Target['date'] {
  const range = RANGE.exec(s);
  if (range) {
    const month = Number(range[4]);
    const year = range[3] ?? range[1];
    return month >= 1 && month <= 12 ? { year: year ? Number(year) : null, month } : null;
  }
  const m = /^(?:(\d{4})年)?(\d{1,2})月(?:份|底|末|\d{1,2}日)?(?:前|之前|以前|内)?(?:完成|到位|结束|办结|拨付|兑付)?$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { year: m[1] ? Number(m[1]) : null, month } : null;
  }
  const y = /^(?:(\d{4})年)?(?:年底|年末|年内|年度内)(?:前|之前)?$/.exec(s);
  return y ? { year: y[1] ? Number(y[1]) : null, month: 12 } : null;
}

/**
 * 指标值 → operator, number, unit, yuan. Accepts every shape the seeds use (`≥90%`, `100百分比`,
 * `≤30.03万元`, `≤5 万元`, `≥12次`, `≤12月份`, `>＝95%`, `6次以上`) and leaves words (`如期完成`) unquantified.
 */
export function parseTarget(raw: string | null): Target {
  if (raw == null || raw.trim() === '') return EMPTY;
  const out: Target = { ...EMPTY, raw };
  let s = norm(raw);
  const undated = s.replace(/^(?:≤|<=|<)/, '');
  const date = /^\d{1,2}月份$/.test(undated) ? null : readDate(undated);
  if (date && RANGE.test(undated)) return { ...out, date, unitClass: 'time', quantitative: true };
  if (date) {
    const op: TargetOp | null = /^(?:≤|<=)/.test(s) || /前$/.test(s) ? '≤' : s.startsWith('<') ? '<' : null;
    return { ...out, op, date, unitClass: 'time', quantitative: true };
  }
  let op: TargetOp | null;
  [op, s] = takeOp(s);
  const num = /^(\d+(?:,\d{3})*(?:\.\d+)?)/.exec(s);
  if (!num) {
    // A bare unit (`%`) or words only.
    // Without a number an operator word (`控制在预算范围内`) compares nothing.
    const [u, rest] = takeUnit(s);
    if (u && rest === '') return { ...out, unit: u[1], unitClass: u[2] };
    // A rate stated inside words (`严格按照预算标准1000元/人给补助对象兑付补助`) is still a number to check.
    const rate = RATE_IN_WORDS.exec(s);
    const per = rate ? perUnit(s.slice(rate.index + rate[0].length)) : null;
    if (rate && per) return { ...out, value: Number(rate[1]), unit: `${rate[2]}/${per}`, quantitative: true };
    return out;
  }
  s = s.slice(num[0].length);
  let [u, rest] = takeUnit(s);
  if (!u && /^万(?![\u4e00-\u9fff])/.test(s)) [u, rest] = [['万', '万元', 'money'], s.slice(1)];
  // A rate (`475元/亩`, `1人/年`) keeps its whole unit and is not an amount of money.
  const per = u && rest.startsWith('/') ? perUnit(rest.slice(1)) : null;
  if (u && per) {
    return { ...out, op: op ?? opAfter(rest.slice(1 + per.length)), value: Number(num[1].replace(/,/g, '')), unit: `${u[1]}/${per}`, unitClass: null, quantitative: true };
  }
  // A unit the list does not know, in Latin letters (`≥80M`, `5km`), as written.
  const latin = u ? null : /^[A-Za-z]{1,4}(?![A-Za-z])/.exec(s);
  if (latin) [u, rest] = [[latin[0], latin[0], 'count'], s.slice(latin[0].length)];
  op ??= opAfter(rest);
  const value = Number(num[1].replace(/,/g, ''));
  const moneyUnit = u ? MONEY_UNIT[u[1]] : null;
  return {
    ...out,
    op,
    value,
    unit: u ? u[1] : null,
    unitClass: u ? u[2] : null,
    yuan: moneyUnit ? parseAmount(num[1], moneyUnit) : null,
    date: u && u[1] === '月份' && value >= 1 && value <= 12 ? { year: null, month: value } : null,
    quantitative: true,
  };
}

/** `6次以上`, `5万元以内`: the operator after the number. */
function opAfter(rest: string): TargetOp | null {
  if (/^及?以上/.test(rest)) return '≥';
  if (/^(?:及?以下|以内)/.test(rest)) return '≤';
  return null;
}

const RATE_IN_WORDS = /(\d+(?:\.\d+)?)(万元|元)\//;

/** What a rate is per (`亩`, `平方米`, `人`): a known unit, else one character. */
function perUnit(s: string): string | null {
  const [u] = takeUnit(s);
  if (u) return u[0];
  return /^[\u4e00-\u9fff]/.exec(s)?.[0] ?? null;
}

/** The target shape that marks a 指标值 cell in text without cell boundaries: operator/number/unit or a date. */
export const TARGET_START = new RegExp(`^(?:${OP_START.source.slice(1)})?\\s*\\d+(?:\\.\\d+)?\\s*(?:${UNIT_ALTERNATION})?$`);

/** A piece that is only a unit (the second half of `≥12` / `次`). */
export const UNIT_ONLY = new RegExp(`^\\s*(?:万\\s*元|万|${UNIT_ALTERNATION})\\s*$`);

/** A cell that reads as a 指标值: operator/number/unit, a percent, or a date. What anchors rows in text without cell boundaries. */
export function isTargetCell(s: string): boolean {
  const t = s.trim();
  return TARGET_START.test(t) || OP_START.test(t) || /^\d+(?:\.\d+)?\s*(?:百分比|%|％)$/.test(t) || /^(?:\d{4}\s*年)?\s*\d{1,2}\s*月(?:底|末|份)?(?:前|之前)?$|^年[底末]前?$/.test(t);
}
