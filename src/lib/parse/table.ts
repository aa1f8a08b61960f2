import type { Indicator, MoneyUnit, SchedulePoint, Yuan } from './model';
import { MONTHS } from './model';
import { COLUMN_LABELS, tolerant } from './labels';
import { parseAmount } from './money';
import { type Note, note } from './note';
import { cellRows, flowRows, inherit } from './indicator-rows';
import { type Piece } from './pieces';
import { closePdfGaps, isBlank, labelKey, orNull } from './text';

/**
 * One project's 绩效目标表, in any flattening: Word cells (`cells`), or flowing lines (`flow`) that may
 * be PDF-wrapped, one cell per line, or all cells of a row glued together. Fields are found by their
 * labels in template order, indicator rows by the level labels and the shape of a 指标值.
 */
export interface ProjectTable {
  department: string | null;
  departmentCode: string | null;
  unit: MoneyUnit | null;
  code: string | null;
  name: string | null;
  budget: Yuan | null;
  fiscal: Yuan | null;
  other: Yuan | null;
  purpose: string | null;
  goals: string | null;
  schedule: SchedulePoint[];
  scheduleAsAmounts: boolean;
  indicators: Indicator[];
  complete: boolean;
  /** Source lines this reading consumed. */
  used: Set<number>;
  findings: Note[];
}

const SEP = '\u0001';
const GAP = '[\\s\\u0001\\u3000]*';

type Field = 'code' | 'name' | 'section' | 'budget' | 'fiscal' | 'other' | 'purposeLabel' | 'plan' | 'goals';

/** Header fields in template order; alternatives longest first. */
const FIELDS: [Field, string[]][] = [
  ['code', ['项目编码', '项目代码']],
  ['name', ['项目名称']],
  ['section', ['预算规模及资金用途', '预算规模及资金来源', '预算规模']],
  ['budget', ['年度预算数', '预算资金', '预算金额', '预算数']],
  ['fiscal', ['其中：财政资金', '其中财政资金', '财政资金', '财政拨款']],
  ['other', ['其他资金', '其它资金']],
  ['purposeLabel', ['资金用途']],
  ['plan', ['资金支出计划(%)', '资金支出计划', '支出计划(%)', '支出计划']],
  ['goals', ['年度绩效目标', '项目绩效目标', '绩效目标']],
];

const FIELD_RE = new Map(FIELDS.map(([f, labels]) => [f, new RegExp(labels.map(tolerant).join('|'), 'g')]));

const HEADER_RE = new RegExp(
  COLUMN_LABELS.map(([role, names]) => {
    const alt = `(?<${role}>${names.map(tolerant).join('|')})`;
    return role === 'level1' ? alt : `(?:${GAP}${alt})${role === 'level2' || role === 'level3' || role === 'target' ? '' : '?'}`;
  }).join(''),
  'g',
);

const MONTH_HEADER = new RegExp(`(?:3|6|10|12)${GAP}月${GAP}(?:底|末|份)?`, 'g');

interface Text {
  s: string;
  starts: number[];
  pieces: Piece[];
}

function joinPieces(pieces: Piece[]): Text {
  const starts: number[] = [];
  let s = '';
  for (const p of pieces) {
    if (s !== '' || starts.length > 0) s += SEP;
    starts.push(s.length);
    s += p.text;
  }
  return { s, starts, pieces };
}

/** Index of the piece holding offset `at`. */
function pieceAt(t: Text, at: number): number {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function markSpan(t: Text, from: number, to: number, used: Set<number>): void {
  if (to <= from || t.pieces.length === 0) return;
  const a = pieceAt(t, from);
  const b = pieceAt(t, Math.max(from, to - 1));
  for (let i = a; i <= b; i++) for (let n = t.pieces[i].first; n <= t.pieces[i].last; n++) used.add(n);
}

function atBoundary(t: Text, from: number, to: number): boolean {
  return (from === 0 || t.s[from - 1] === SEP) && (to === t.s.length || t.s[to] === SEP);
}

/** Text of a value span: cells joined by newline (Word) or fragments joined as the PDF wrapped them. */
function valueText(raw: string, wrapped: boolean): string | null {
  const parts = raw.split(SEP).map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')).filter((p) => p !== '');
  if (parts.length === 0) return null;
  if (!wrapped) return parts.join('\n');
  let out = '';
  for (const p of parts) out += out !== '' && /^\d+[.、．]\D/.test(p) ? `\n${p}` : p;
  return orNull(closePdfGaps(out));
}

/** Leading amount of a value (`5.00`, `854万(…)`, `1,250.50万元`), with the unit written beside it. */
function leadingAmount(raw: string, unit: MoneyUnit): { yuan: Yuan | null; rest: string; note: string | null } {
  const m = /^[\s\u0001\u3000]*([0-9０-９][0-9０-９,，.．]*)[\s\u3000]*(万元|万|元)?/.exec(raw);
  if (!m) return { yuan: null, rest: raw, note: null };
  const written = m[2] ? (m[2] === '元' ? '元' : '万元') : unit;
  const rest = raw.slice(m[0].length);
  const bracket = /^[\s\u3000]*[(（][^)）]*[)）]/.exec(rest);
  return {
    yuan: parseAmount(m[1], written),
    rest: bracket ? rest.slice(bracket[0].length) : rest,
    note: bracket ? bracket[0].trim() : null,
  };
}

export function readProjectTable(pieces: Piece[], mode: 'cells' | 'flow', unitIn: MoneyUnit | null, isLast: boolean): ProjectTable {
  const used = new Set<number>();
  const findings: ProjectTable['findings'] = [];
  const t = joinPieces(pieces);
  const out: ProjectTable = {
    department: null, departmentCode: null, unit: null, code: null, name: null, budget: null, fiscal: null, other: null,
    purpose: null, goals: null, schedule: [], scheduleAsAmounts: false, indicators: [], complete: true, used, findings,
  };

  // The indicator table header bounds the field search.
  HEADER_RE.lastIndex = 0;
  let header = HEADER_RE.exec(t.s);
  while (header && mode === 'cells' && !(header.index === 0 || t.s[header.index - 1] === SEP)) header = HEADER_RE.exec(t.s);
  const fieldsEnd = header ? header.index : t.s.length;

  // Labels, found in template order.
  const found: { field: Field; from: number; to: number }[] = [];
  let wrapped = false;
  let cursor = 0;
  for (const [field] of FIELDS) {
    const re = FIELD_RE.get(field)!;
    re.lastIndex = cursor;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t.s)) && m.index < fieldsEnd) {
      const end = m.index + m[0].length;
      const startsCell = m.index === 0 || t.s[m.index - 1] === SEP;
      if (mode === 'flow' || atBoundary(t, m.index, end) || (startsCell && /^[\s\u3000:：]/.test(t.s.slice(end, end + 1)))) {
        found.push({ field, from: m.index, to: end });
        if (m[0].includes(SEP)) wrapped = true;
        cursor = end;
        break;
      }
    }
  }
  // A column name broken over lines (`一级` / `指标`) is PDF wrapping; names on lines of their own are not.
  if (mode === 'flow' && header && Object.values(header.groups ?? {}).some((g) => g?.includes(SEP))) wrapped = true;
  const spanOf = (i: number) => t.s.slice(found[i].to, i + 1 < found.length ? found[i + 1].from : fieldsEnd);
  for (const f of found) markSpan(t, f.from, f.to, used);

  // Department line and unit, before the first label.
  const pre = t.s.slice(0, found.length ? found[0].from : fieldsEnd);
  const dept = /(?:^|\u0001)[\s\u3000]*(\d{6})[\s\u3000]*([^\u0001\s][^\u0001]*?)[\s\u3000]*(?=单位|\u0001|$)/.exec(pre);
  if (dept) {
    out.departmentCode = dept[1];
    out.department = dept[2];
  }
  const unit = /单位[\s\u3000]*[:：][\s\u3000]*(万元|元)/.exec(pre);
  if (unit) out.unit = unit[1] as MoneyUnit;
  if (dept || unit) markSpan(t, 0, pre.length, used);
  const money: MoneyUnit = out.unit ?? unitIn ?? '元';

  let purposeExtra = '';
  for (let i = 0; i < found.length; i++) {
    const span = spanOf(i);
    const spanFrom = found[i].to;
    markSpan(t, spanFrom, spanFrom + span.length, used);
    switch (found[i].field) {
      case 'code':
        out.code = orNull(span.split(SEP).join('').replace(/[\s\u3000]+/g, ''));
        break;
      case 'name':
        out.name = valueText(span, wrapped)?.replace(/\n/g, '') ?? null;
        break;
      case 'budget':
      case 'fiscal':
      case 'other': {
        const a = leadingAmount(span, money);
        out[found[i].field as 'budget' | 'fiscal' | 'other'] = a.yuan;
        if (a.note) findings.push(note('parse/amount-note', 'info', { zh: `金额后附有说明，已保留原文：${a.note}`, en: `A note follows the amount, kept as written: ${a.note}` }, a.note, pieces[pieceAt(t, spanFrom)].first));
        if (!isBlank(a.rest.split(SEP).join(''))) purposeExtra = a.rest;
        break;
      }
      case 'purposeLabel':
        purposeExtra = span;
        break;
      case 'plan':
        readPlan(span, mode, out, findings, pieces[pieceAt(t, spanFrom)].first);
        break;
      case 'goals':
        out.goals = valueText(span, wrapped);
        break;
    }
  }
  out.purpose = valueText(purposeExtra, wrapped);
  if (out.budget != null && out.schedule.length === 4) convertAmountPlan(out);

  if (!header) {
    if (isLast) {
      out.complete = false;
      findings.push(note('parse/truncated', 'major', { zh: '文件在项目表的指标部分之前结束，该项目不完整。', en: 'The file ends before the project table’s indicators: the project is incomplete.' }, null, pieces.at(-1)?.last ?? null));
    } else {
      findings.push(note('parse/no-indicator-table', 'major', { zh: '该项目没有绩效指标表（找不到“一级指标 / 二级指标 / 三级指标”表头）。', en: 'The project has no indicator table (no “一级指标 / 二级指标 / 三级指标” header found).' }, null, pieces[0]?.first ?? null));
    }
    return out;
  }
  markSpan(t, header.index, header.index + header[0].length, used);
  const roles = COLUMN_LABELS.map(([r]) => r).filter((r) => header!.groups?.[r] !== undefined);

  // Row pieces: what follows the header, less repeated headers (page breaks).
  const rowPieces = piecesAfter(t, header.index + header[0].length).filter((p) => {
    HEADER_RE.lastIndex = 0;
    const h = HEADER_RE.exec(p.text);
    if (h && labelKey(h[0]) === labelKey(p.text)) {
      for (let n = p.first; n <= p.last; n++) used.add(n);
      return false;
    }
    return true;
  });
  const rows = mode === 'cells' ? cellRows(rowPieces, roles) : flowRows(rowPieces, roles, wrapped);
  for (const r of rows.rows) {
    for (const n of r.lines) used.add(n);
  }
  out.indicators = inherit(rows.rows.map((r) => r.indicator));
  for (const n of rows.blankLines) used.add(n);
  findings.push(...rows.findings);
  if (rows.cut) {
    if (isLast) {
      out.complete = false;
      findings.push(note('parse/truncated', 'major', { zh: `文件在第 ${rows.cut} 行的指标行中途结束，该项目不完整，之前的指标已保留。`, en: `The file ends inside the indicator row at line ${rows.cut}: the project is incomplete; the indicators before it are kept.` }, null, rows.cut));
    } else {
      findings.push(note('parse/row-incomplete', 'minor', { zh: `第 ${rows.cut} 行的指标行单元格不全，未能读成指标。`, en: `The indicator row at line ${rows.cut} lacks cells and was not read as an indicator.` }, null, rows.cut));
    }
  }
  return out;
}


function piecesAfter(t: Text, at: number): Piece[] {
  if (t.pieces.length === 0 || at >= t.s.length) return [];
  const i = pieceAt(t, at);
  const into = at - t.starts[i];
  const first = t.pieces[i];
  const rest = t.pieces.slice(i + 1);
  const remainder = first.text.slice(into).replace(/^[\s\u3000]+/, '');
  return remainder === '' ? rest : [{ ...first, text: remainder }, ...rest];
}

function readPlan(span: string, mode: 'cells' | 'flow', out: ProjectTable, findings: Note[], line: number): void {
  const body = span.replace(/^[\s\u0001\u3000]*[(（][%％][)）]/, '').replace(MONTH_HEADER, '');
  // Flowing text may glue the four values (`25%50%75%100%`): read them by shape.
  let cells = mode === 'cells' ? body.replace(/^\u0001|\u0001$/g, '').split(SEP).map((c) => c.trim()) : (body.match(/\d+(?:\.\d+)?\s*[%％]?/g) ?? []).map((c) => c.replace(/\s+/g, ''));
  if (mode === 'cells') {
    // [row label, Mar, Jun, Oct, Dec]: the label cell is blank in the template.
    while (cells.length > 4 && cells[0] === '') cells.shift();
    if (cells.every((c) => c === '')) cells = [];
  }
  if (cells.length === 0) {
    findings.push(note('parse/plan-missing', 'minor', { zh: '资金支出计划没有填写。', en: 'The spending plan is not filled in.' }, null, line));
    return;
  }
  if (cells.length !== 4) {
    findings.push(note('parse/plan-shape', 'minor', { zh: `资金支出计划应有 4 个值（3/6/10/12 月底），实际读到 ${cells.length} 个。`, en: `The spending plan should have 4 values (end of Mar / Jun / Oct / Dec); ${cells.length} were read.` }, cells.join(' '), line));
  }
  const four = cells.length >= 4 ? cells.slice(cells.length - 4) : [...Array(4 - cells.length).fill(''), ...cells];
  out.schedule = MONTHS.map((month, i) => {
    const raw = orNull(four[i]);
    const num = raw == null ? null : /^[\d.]+/.exec(raw.replace(/[\s％]/g, ''));
    return { month, raw, pct: num ? Number(num[0]) : null };
  });
}

/**
 * A plan written as cumulative amounts under a (%) header (临西): no cell has a % sign and the values read
 * as money — above 100, or ending on the budget, or a budget under 100 units they stay within. Converted to
 * percent of budget; the raw cells stay. Fractions (0.25 … 1) read as shares.
 */
function convertAmountPlan(out: ProjectTable): void {
  if (out.schedule.some((p) => p.raw?.includes('%') || p.raw?.includes('％'))) return;
  const budget = Number(out.budget) / 100;
  const unitFactor = out.unit === '元' ? 1 : 10000;
  const vals = out.schedule.map((p) => p.pct).filter((v): v is number => v != null);
  if (vals.length === 0 || budget <= 0) return;
  const last = vals[vals.length - 1];
  const max = Math.max(...vals);
  const inUnits = budget / unitFactor;
  const amounts = max > 100 || (Math.abs(last - inUnits) < 0.005 && last !== 100) || (inUnits < 100 && max <= inUnits * 1.0001 && last !== 100);
  if (amounts) {
    out.scheduleAsAmounts = true;
    out.schedule = out.schedule.map((p) => ({ ...p, pct: p.pct == null ? null : round4(((p.pct * unitFactor) / budget) * 100) }));
  } else if (last === 1 && max <= 1) {
    out.schedule = out.schedule.map((p) => ({ ...p, pct: p.pct == null ? null : round4(p.pct * 100) }));
  }
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

