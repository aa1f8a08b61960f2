import type { Indicator, MoneyUnit, ParseFinding, SchedulePoint, Yuan } from './model';
import { MONTHS } from './model';
import { COLUMN_LABELS, type ColumnRole, isLevel2Only, labelLevels, labelPrefix, tolerant } from './labels';
import { parseAmount } from './money';
import { type Piece } from './pieces';
import { parseTarget, TARGET_START, UNIT_ONLY } from './target';
import { closePdfGaps, displayWidth, isBlank, labelKey, orNull } from './text';

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
  findings: Omit<ParseFinding, 'project'>[];
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
        if (a.note) findings.push(note('parse/amount-note', 'info', `金额后附有说明，已保留原文：${a.note}`, a.note, pieces[pieceAt(t, spanFrom)].first));
        if (!isBlank(a.rest.split(SEP).join(''))) purposeExtra = a.rest;
        break;
      }
      case 'purposeLabel':
        purposeExtra = span;
        break;
      case 'plan':
        readPlan(span, mode, money, out, findings, pieces[pieceAt(t, spanFrom)].first);
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
      findings.push(note('parse/truncated', 'major', '文件在项目表的指标部分之前结束，该项目不完整。', null, pieces.at(-1)?.last ?? null));
    } else {
      findings.push(note('parse/no-indicator-table', 'major', '该项目没有绩效指标表（找不到“一级指标 / 二级指标 / 三级指标”表头）。', null, pieces[0]?.first ?? null));
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
      findings.push(note('parse/truncated', 'major', `文件在第 ${rows.cut} 行的指标行中途结束，该项目不完整，之前的指标已保留。`, null, rows.cut));
    } else {
      findings.push(note('parse/row-incomplete', 'minor', `第 ${rows.cut} 行的指标行单元格不全，未能读成指标。`, null, rows.cut));
    }
  }
  return out;
}

function note(rule: `parse/${string}`, severity: ParseFinding['severity'], message: string, evidence: string | null, line: number | null, indicator: number | null = null): Omit<ParseFinding, 'project'> {
  return { rule, severity, message, evidence, line, indicator };
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

function readPlan(span: string, mode: 'cells' | 'flow', unit: MoneyUnit, out: ProjectTable, findings: ProjectTable['findings'], line: number): void {
  const body = span.replace(/^[\s\u0001\u3000]*[(（][%％][)）]/, '').replace(MONTH_HEADER, '');
  // Flowing text may glue the four values (`25%50%75%100%`): read them by shape.
  let cells = mode === 'cells' ? body.replace(/^\u0001|\u0001$/g, '').split(SEP).map((c) => c.trim()) : (body.match(/\d+(?:\.\d+)?\s*[%％]?/g) ?? []).map((c) => c.replace(/\s+/g, ''));
  if (mode === 'cells') {
    // [row label, Mar, Jun, Oct, Dec]: the label cell is blank in the template.
    while (cells.length > 4 && cells[0] === '') cells.shift();
    if (cells.every((c) => c === '')) cells = [];
  }
  if (cells.length === 0) {
    findings.push(note('parse/plan-missing', 'minor', '资金支出计划没有填写。', null, line));
    return;
  }
  if (cells.length !== 4) {
    findings.push(note('parse/plan-shape', 'minor', `资金支出计划应有 4 个值（3/6/10/12 月底），实际读到 ${cells.length} 个。`, cells.join(' '), line));
  }
  const four = cells.length >= 4 ? cells.slice(cells.length - 4) : [...Array(4 - cells.length).fill(''), ...cells];
  out.schedule = MONTHS.map((month, i) => {
    const raw = orNull(four[i]);
    const num = raw == null ? null : /^[\d.]+/.exec(raw.replace(/[\s％]/g, ''));
    return { month, raw, pct: num ? Number(num[0]) : null };
  });
  void unit;
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

// ---------------------------------------------------------------- indicator rows

interface Row {
  indicator: Indicator;
  lines: number[];
}

interface Rows {
  rows: Row[];
  blankLines: number[];
  findings: ProjectTable['findings'];
  /** Line where a row stopped short, when the last row is incomplete. */
  cut: number | null;
}

interface Cells {
  level1?: string | null;
  level2?: string | null;
  level3: string | null;
  description: string | null;
  longTarget?: string | null;
  target: string | null;
  basis: string | null;
}

function lineRange(ps: Piece[]): number[] {
  const out: number[] = [];
  for (const p of ps) for (let n = p.first; n <= p.last; n++) out.push(n);
  return out;
}

function makeIndicator(c: Cells, line: number): Indicator {
  const target = parseTarget(orNull(c.target));
  return {
    ordinal: 0,
    level1: orNull(c.level1 ?? null),
    level2: orNull(c.level2 ?? null),
    level3: orNull(c.level3),
    description: orNull(c.description),
    target,
    basis: orNull(c.basis),
    grades: null,
    line,
    ...(c.longTarget ? { longTarget: orNull(c.longTarget) } : {}),
  };
}

/** Merged level1/level2 cells are blank in the text: a blank inherits the row above. Numbers the rows. */
function inherit(list: Indicator[]): Indicator[] {
  let l1: string | null = null;
  let l2: string | null = null;
  return list.map((ind, i) => {
    if (ind.level1 != null && ind.level1 !== l1) l2 = null;
    l1 = ind.level1 ?? l1;
    l2 = ind.level2 ?? l2;
    return { ...ind, level1: l1, level2: l2, ordinal: i + 1 };
  });
}

/** Word rows: one group of cells per blank-line-separated row, positional when the count fits. */
function cellRows(pieces: Piece[], roles: ColumnRole[]): Rows {
  const groups: Piece[][] = [];
  for (const p of pieces) {
    if (p.row || groups.length === 0) groups.push([]);
    groups[groups.length - 1].push(p);
  }
  const out: Rows = { rows: [], blankLines: [], findings: [], cut: null };
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (group.every((p) => isBlank(p.text))) {
      out.blankLines.push(...lineRange(group));
      continue;
    }
    if (group.length % roles.length === 0) {
      for (let k = 0; k < group.length; k += roles.length) {
        const row = group.slice(k, k + roles.length);
        if (row.every((p) => isBlank(p.text))) {
          out.blankLines.push(...lineRange(row));
          continue;
        }
        const c: Record<string, string | null> = {};
        roles.forEach((r, i) => (c[r] = row[i].text));
        // A label wrapped inside its cell (`经济效益` / `指标`) is one label.
        for (const r of ['level1', 'level2'] as const) if (c[r] && labelLevels(c[r]!).length > 0) c[r] = c[r]!.replace(/\s+/g, '');
        out.rows.push({ indicator: makeIndicator(c as unknown as Cells, row[0].first), lines: lineRange(row) });
      }
      continue;
    }
    if (g === groups.length - 1 && group.length < roles.length) {
      // The file ends inside this row.
      out.cut = group[group.length - 1].last;
      out.blankLines.push(...lineRange(group));
      continue;
    }
    const sub = flowRows(group.filter((p) => !isBlank(p.text)), roles, false);
    out.rows.push(...sub.rows);
    out.findings.push(...sub.findings);
    out.blankLines.push(...lineRange(group.filter((p) => isBlank(p.text))));
    if (sub.cut) out.cut = sub.cut;
  }
  return out;
}

type Tagged = Piece & { level?: 1 | 2 };

/** A label as a PDF prints it: with its 指标 (or 值). Bare words are cell text there. */
const FULL_LABEL = /(?:指标|值)$/;

/** Splits a leading level label off a piece (glued rows) and splits PDF lines at CJK–space–CJK. */
function normalizePieces(pieces: Piece[], wrapped: boolean): Piece[] {
  const split: Piece[] = [];
  for (const p of pieces) {
    const parts = wrapped ? p.text.split(/(?<=[\u3400-\u9fff）)》%])[ \u3000]+(?=[\u3400-\u9fff])/) : [p.text];
    for (const part of parts) {
      let rest = part;
      // Glued rows start with their labels; a PDF fragment never does (it would be wrapped text).
      for (let guard = 0; guard < 2 && !wrapped; guard++) {
        const cut = labelPrefix(rest);
        if (cut === 0) break;
        const label = rest.slice(0, cut);
        split.push({ ...p, text: label });
        rest = rest.slice(cut).replace(/^[\s\u3000]+/, '');
        // After a level-2 label comes the row (`服务对象满意度指标服务对象满意度…`: the second is a 三级指标).
        if (isLevel2Only(label)) break;
      }
      if (rest !== '') split.push({ ...p, text: rest });
    }
  }
  if (!wrapped) return split;
  // PDF wraps labels: `产出` / `指标`, `满意` / `度指` / `标`.
  const merged: Piece[] = [];
  for (let i = 0; i < split.length; i++) {
    let took = false;
    for (const n of [3, 2]) {
      if (i + n > split.length) continue;
      const group = split.slice(i, i + n);
      const joined = group.map((p) => p.text).join('');
      if (FULL_LABEL.test(joined) && labelLevels(joined).length > 0 && group.some((p) => labelLevels(p.text).length === 0)) {
        merged.push({ text: group.map((p) => p.text).join(''), first: group[0].first, last: group[n - 1].last, row: group[0].row });
        i += n - 1;
        took = true;
        break;
      }
    }
    if (!took) merged.push(split[i]);
  }
  return merged;
}

/** Rows of flowing text: level labels anchor rows, the 指标值's shape anchors the cells within them. */
function flowRows(input: Piece[], roles: ColumnRole[], wrapped: boolean): Rows {
  const out: Rows = { rows: [], blankLines: [], findings: [], cut: null };
  const pieces: Tagged[] = normalizePieces(input, wrapped);
  // Tag labels: a label followed by a level-2-only label is level 1; what follows a level-2 label is the
  // row's 三级指标 even when it reads like a label (`服务对象满意度`); a PDF's labels keep their 指标.
  let haveL1 = false;
  for (let i = 0; i < pieces.length; i++) {
    const lv = labelLevels(pieces[i].text);
    if (lv.length === 0 || pieces[i - 1]?.level === 2 || (wrapped && !FULL_LABEL.test(pieces[i].text))) continue;
    const nextIsL2 = i + 1 < pieces.length && isLevel2Only(pieces[i + 1].text);
    if (lv.includes(1) && (nextIsL2 || !lv.includes(2) || !haveL1)) {
      pieces[i].level = 1;
      haveL1 = true;
    } else pieces[i].level = 2;
  }
  const contentRoles = roles.filter((r) => r !== 'level1' && r !== 'level2');
  // A PDF table repeats its few 依据 texts: learn them from the rows a 指标值 anchors, then use them to find
  // where rows without a numeric target end.
  const bases = wrapped ? knownBases(pieces) : new Set<string>();
  let l1: string | null = null;
  let l2: string | null = null;
  let run: Piece[] = [];
  const flush = (final: boolean) => {
    if (run.length === 0) return;
    const rows = wrapped ? wrappedRun(run, bases) : exactRun(run, contentRoles);
    rows.rows.forEach((r, i) => {
      if (i === 0) {
        r.cells.level1 = l1;
        r.cells.level2 = l2;
      }
      out.rows.push({ indicator: makeIndicator(r.cells, r.pieces[0].first), lines: lineRange(r.pieces) });
    });
    if (rows.leftover.length > 0) {
      if (final) out.cut = rows.leftover.at(-1)!.last;
      else {
        out.findings.push(note('parse/row-ambiguous', 'minor', '这几行无法确定属于哪一个指标单元格，未读成指标。', rows.leftover.map((p) => p.text).join(' '), rows.leftover[0].first));
      }
      out.blankLines.push(...lineRange(rows.leftover));
    }
    l1 = null;
    l2 = null;
    run = [];
  };
  let pendingLabels: Piece[] = [];
  for (const p of pieces) {
    if (p.level) {
      flush(false);
      if (p.level === 1) {
        l1 = p.text.replace(/\s+/g, '');
        l2 = null;
      } else l2 = p.text.replace(/\s+/g, '');
      pendingLabels.push(p);
      continue;
    }
    if (pendingLabels.length > 0) {
      run.push(...pendingLabels.map((q) => ({ ...q, text: '' })));
      pendingLabels = [];
    }
    run.push(p);
  }
  if (pendingLabels.length > 0) out.blankLines.push(...lineRange(pendingLabels));
  flush(true);
  return out;
}

interface RunRows {
  rows: { cells: Cells; pieces: Piece[] }[];
  leftover: Piece[];
}

function isTargetCell(s: string): boolean {
  const t = s.trim();
  return TARGET_START.test(t) || /^[≥≤><=＞＜＝]/.test(t) || /^\d+(?:\.\d+)?\s*(?:百分比|%|％)$/.test(t) || /^(?:\d{4}\s*年)?\s*\d{1,2}\s*月(?:底|末|份)?(?:前|之前)?$|^年[底末]前?$/.test(t);
}

/** Cells from a run, one per piece (label placeholders are empty-text pieces carrying their lines). */
function exactRun(run: Piece[], roles: ColumnRole[]): RunRows {
  const labels = run.filter((p) => p.text === '');
  const cells = run.filter((p) => p.text !== '');
  const K = roles.length;
  const tIdx = roles.indexOf('target');
  const rows: RunRows['rows'] = [];
  const assign = (cs: Piece[], t: number | null): Cells => {
    const c: Cells = { level3: null, description: null, target: null, basis: null };
    if (cs.length === K || t == null) {
      roles.forEach((r, i) => ((c as unknown as Record<string, string | null>)[r] = cs[i]?.text ?? null));
      return c;
    }
    const before = cs.slice(0, t);
    c.level3 = before[0]?.text ?? null;
    c.description = before.length > 1 ? before.slice(1).map((p) => p.text).join('') : null;
    c.target = cs[t].text;
    c.basis = cs.length > t + 1 ? cs.slice(t + 1).map((p) => p.text).join('') : null;
    return c;
  };
  // Glued rows: every line holds a whole row, its 指标值 somewhere inside.
  const glued = K > 2 ? cells.map((p) => gluedRow(p.text)) : [];
  if (glued.length > 0 && glued.every((g) => g != null && g.level3 && g.basis)) {
    return { rows: glued.map((g, i) => ({ cells: g!, pieces: i === 0 ? [...labels, cells[i]] : [cells[i]] })), leftover: [] };
  }
  if (cells.length % K === 0) {
    for (let k = 0; k < cells.length; k += K) rows.push({ cells: assign(cells.slice(k, k + K), null), pieces: k === 0 ? [...labels, ...cells.slice(k, k + K)] : cells.slice(k, k + K) });
    return { rows, leftover: [] };
  }
  const anchors = cells.map((p, i) => (isTargetCell(p.text) ? i : -1)).filter((i) => i >= 0);
  if (anchors.length === 0) {
    if (cells.length < K) return { rows: [], leftover: [...labels, ...cells] };
    const whole = Math.floor(cells.length / K) * K;
    for (let k = 0; k < whole; k += K) rows.push({ cells: assign(cells.slice(k, k + K), null), pieces: cells.slice(k, k + K) });
    return { rows, leftover: cells.slice(whole) };
  }
  const after = K - tIdx - 1;
  let start = 0;
  anchors.forEach((a, i) => {
    const next = anchors[i + 1];
    let end = next == null ? cells.length : Math.min(a + 1 + after, next - 1);
    if (end <= a) end = a + 1;
    const cs = cells.slice(start, end);
    rows.push({ cells: assign(cs, a - start), pieces: i === 0 ? [...labels, ...cs] : cs });
    start = end;
  });
  return { rows, leftover: [] };
}

const UNIT_ALT = '百分比|%|％|万元|元|人次|月份|个月|分钟|次|人|项|份|个|场|期|辆|家|天|日|月|年|分|篇|条|件|台|套|本|册|户|所|处|名|批|座|起';
const GLUED_OP = new RegExp(`(?:≥|≤|>=|<=|>|<|＞＝|＜＝|＞|＜|=|大于等于|小于等于|不低于|不少于|不超过|不高于)\\s*\\d+(?:\\.\\d+)?\\s*(?:${UNIT_ALT})?`);
const GLUED_BARE = new RegExp(`\\d+(?:\\.\\d+)?\\s*(?:${UNIT_ALT})`);

/** `培训人次参加培训的人次≥200人次年度培训计划`: one row glued into one line. An operator marks the 指标值 best. */
function gluedRow(s: string): Cells | null {
  const m = GLUED_OP.exec(s) ?? GLUED_BARE.exec(s);
  if (!m) return null;
  const before = s.slice(0, m.index).trim();
  // Cells a tool separated with spaces (`培训人次 参加培训的人次 ≥200人次 …`), else the description's usual opening.
  const gap = /[ \u3000]+/.exec(before);
  const split = gap ? gap.index : before.search(/反映|反应/);
  const skip = gap ? gap[0].length : 0;
  return {
    level3: orNull(split > 0 ? before.slice(0, split) : before),
    description: split > 0 ? orNull(before.slice(split + skip)) : null,
    target: m[0],
    basis: orNull(s.slice(m.index + m[0].length)),
  };
}

/**
 * PDF rows: fragments, no cell boundaries. The 指标值 (`≥12` + `次`) is found by shape; before it the
 * 三级指标 column (narrow: wrapped fragments of equal width) then the description; after it the basis.
 */
const joinFrags = (ps: Piece[]) => (ps.length ? closePdfGaps(ps.map((p) => p.text).join('')) : null);

function anchorsOf(frags: Piece[]): [number, number][] {
  const anchors: [number, number][] = [];
  for (let i = 0; i < frags.length; i++) {
    if (!isTargetCell(frags[i].text)) continue;
    const joinUnit = i + 1 < frags.length && UNIT_ONLY.test(frags[i + 1].text) && !/[%％元次人项份个]$/.test(frags[i].text);
    anchors.push([i, joinUnit ? i + 1 : i]);
    if (joinUnit) i++;
  }
  return anchors;
}

/** Basis texts the table surely has: what follows the last anchored 指标值 of a run, up to the next label. */
function knownBases(pieces: Tagged[]): Set<string> {
  const out = new Set<string>();
  let run: Piece[] = [];
  const take = () => {
    const a = anchorsOf(run).at(-1);
    if (a && a[1] + 1 < run.length) out.add(joinFrags(run.slice(a[1] + 1))!);
    run = [];
  };
  for (const p of pieces) {
    if (p.level) take();
    else run.push(p);
  }
  take();
  return out;
}

/** Splits a run after every known basis: each part is one row. */
function splitAtBases(frags: Piece[], bases: Set<string>): Piece[][] {
  if (bases.size === 0) return [frags];
  const parts: Piece[][] = [];
  let start = 0;
  for (let i = 1; i < frags.length; i++) {
    // The longest known basis starting at i ends a row.
    let end = -1;
    for (let j = i; j < frags.length; j++) if (bases.has(joinFrags(frags.slice(i, j + 1))!)) end = j;
    if (end < 0) continue;
    parts.push(frags.slice(start, end + 1));
    start = end + 1;
    i = end;
  }
  if (start < frags.length) parts.push(frags.slice(start));
  return parts.filter((p) => p.length > 0);
}

/**
 * PDF rows: fragments, no cell boundaries. The 指标值 (`≥12` + `次`) is found by shape; before it the
 * 三级指标 column (narrow: wrapped fragments of equal width) then the description; after it the basis.
 * A row whose target is words (`如期完成`) has no shape to find: it ends with a basis the table uses
 * elsewhere, and its target is the narrow column's fragments just before that basis.
 */
function wrappedRun(run: Piece[], bases: Set<string>): RunRows {
  const labels = run.filter((p) => p.text === '');
  const rows: RunRows['rows'] = [];
  const leftover: Piece[] = [];
  // The basis column's wrap width: a basis fragment narrower than it ends the basis.
  const basisWidth = Math.max(0, ...[...bases].map((b) => Math.min(displayWidth(b), 24)));
  for (const part of splitAtBases(run.filter((p) => p.text !== ''), bases)) {
    const got = anchoredRows(part, basisWidth);
    if (got) rows.push(...got);
    else {
      const row = wordTargetRow(part, bases);
      if (row) rows.push(row);
      else leftover.push(...part);
    }
  }
  if (rows.length > 0) rows[0].pieces.unshift(...labels);
  else leftover.unshift(...labels);
  return { rows, leftover };
}

function anchoredRows(frags: Piece[], basisWidth: number): RunRows['rows'] | null {
  const anchors = anchorsOf(frags);
  if (anchors.length === 0) return null;
  const rows: RunRows['rows'] = [];
  let start = 0;
  anchors.forEach(([a, b], k) => {
    const next = anchors[k + 1];
    let end = frags.length;
    if (next) {
      // The basis wraps at its own column width; the next row's 三级指标 begins where that stops.
      end = b + 1;
      const w0 = Math.max(end < next[0] ? displayWidth(frags[end].text) : 0, basisWidth);
      while (end < next[0] && (end === b + 1 || displayWidth(frags[end - 1].text) >= w0 - 2)) end++;
      if (end >= next[0]) end = Math.max(b + 2, next[0] - 1);
    }
    const [l3, desc] = splitLevel3(frags.slice(start, a));
    rows.push({
      cells: { level3: joinFrags(l3), description: joinFrags(desc), target: joinFrags(frags.slice(a, b + 1)), basis: joinFrags(frags.slice(b + 1, end)) },
      pieces: frags.slice(start, end),
    });
    start = end;
  });
  return rows;
}

/** The 指标值 column is the narrowest: a worded target wraps into fragments of a few characters. */
const TARGET_WIDTH = 8;

/** How a 依据 cell opens: a document, a plan, last year's figures, a norm. */
const BASIS_OPENS = /^(?:依据|根据|按照|《|上年|历年|行业|年度|相关|国家|省|市|县|财预|财教|财社|[冀京津晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新]\S{0,3}〔|\S{2,8}[县区市旗]\d{4}年|\S{1,12}〔\d{4}〕)/;

function wordTargetRow(frags: Piece[], bases: Set<string>): RunRows['rows'][number] | null {
  let b = -1;
  for (let i = 1; i < frags.length && b < 0; i++) if (bases.has(joinFrags(frags.slice(i))!)) b = i;
  if (b < 0) for (let i = frags.length - 1; i >= 3 && b < 0; i--) if (BASIS_OPENS.test(frags[i].text)) b = i;
  if (b < 2) return null;
  // Back from the basis: the target's last fragment, then any full-width fragments of the same narrow column,
  // leaving at least a 三级指标 and a description before it.
  let t = b - 1;
  while (t > 2 && displayWidth(frags[t].text) <= TARGET_WIDTH && displayWidth(frags[t - 1].text) >= TARGET_WIDTH - 1 && displayWidth(frags[t - 1].text) <= TARGET_WIDTH) t--;
  const [l3, desc] = splitLevel3(frags.slice(0, t));
  return { cells: { level3: joinFrags(l3), description: joinFrags(desc), target: joinFrags(frags.slice(t, b)), basis: joinFrags(frags.slice(b)) }, pieces: frags };
}

/** 三级指标 fragments are all of the narrow column's width but the last; the description starts wider. */
function splitLevel3(pre: Piece[]): [Piece[], Piece[]] {
  if (pre.length <= 1) return [pre, []];
  const w0 = displayWidth(pre[0].text);
  let i = 1;
  while (i < pre.length) {
    const w = displayWidth(pre[i].text);
    const prevFull = displayWidth(pre[i - 1].text) >= w0 - 1;
    if (!prevFull || w > w0 + 1 || /^(?:反映|反应)/.test(pre[i].text)) break;
    i++;
  }
  if (i === pre.length) i = pre.length - 1;
  return [pre.slice(0, i), pre.slice(i)];
}
