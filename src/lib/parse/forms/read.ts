import type { Grid } from '../grid';
import type { Indicator, MoneyUnit, ParseFinding, Project, Said, Yuan } from '../model';
import { parseAmount, yuan } from '../money';
import { parseTarget } from '../target';
import { closePdfGaps, isBlank, labelKey, orNull } from '../text';
import {
  canonicalLevel1, canonicalLevel2, DEPARTMENT_TITLE, type FormField, LEVEL2_PARENTS, OP_START, TITLE, columnRole, formField, formFieldPrefix, isClosing, isPlaceholder, levelLabel,
} from '../vocabulary';
import { type Header, type RowRecord, flowCells, readHeader, readRecord } from './indicators';
import { type Cell, type Row, joinTokens, rowsOf } from './rows';
import { readTree } from './tree';

/**
 * The form reader: any province's 申报表 on the grid. Fields are found by their label cell and the cell
 * beside it (or below it), wherever a template puts them; an indicator table by its header row, its
 * columns by role; a new 项目名称 or a new form title starts the next project. What it reads is marked
 * cell by cell, so whatever no rule claimed can be reported.
 */
export interface FormReading {
  projects: Project[];
  department: string | null;
  departmentCode: string | null;
  /** The money unit the form states, if it does. */
  unit: MoneyUnit | null;
  overview: string | null;
  findings: ParseFinding[];
  /** Lines (of the grid's canonical text) the reading used. */
  used: Set<number>;
  layout: string;
}

interface Draft {
  kind: Project['kind'];
  title: string | null;
  name: string | null;
  code: string | null;
  department: string | null;
  amounts: Partial<Record<'budget' | 'budgetExtra' | 'fiscal' | 'other' | 'otherPart', Amount[]>>;
  purpose: string | null;
  goals: string | null;
  longGoals: string | null;
  indicators: Indicator[];
  columns: string[] | null;
  first: number;
  last: number;
  complete: boolean;
}
interface Amount {
  yuan: Yuan;
  line: number;
  text: string;
}

const NUMBERED = /^[\s\u3000]*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．][\s\u3000]*\S.{1,60}$/;
const STATED_UNIT = /(?:金额)?单位[\s\u3000]*[:：][\s\u3000]*(万元|元)/;
const LABEL_UNIT = /[(（](万元|元)[)）]/;

export function readForms(grid: Grid): FormReading | null {
  const rows = rowsOf(grid);
  const used = new Set<number>();
  const findings: ParseFinding[] = [];
  const mark = (cells: Cell[]) => {
    for (const c of cells) for (let n = c.line; n <= c.last; n++) used.add(n);
  };
  const markRow = (r: Row) => {
    for (let n = r.first; n <= r.last; n++) used.add(n);
  };

  let unit = statedUnit(rows);
  const tree = readTree(rows, unit ?? '元');
  if (tree) {
    for (const n of tree.used) used.add(n);
    // The page around the tree (its title above, the site's footer below) is not the form.
    const end = Math.max(...tree.used);
    for (const r of rows) if ((r.first < tree.first || r.first > end) && !isBlank(r.raw)) markRow(r);
    return {
      projects: tree.projects, department: tree.department, departmentCode: null, unit,
      overview: orNull(rows.filter((r) => r.first < tree.first).map((r) => r.raw.trim()).join('\n')), findings, used, layout: 'tree',
    };
  }

  const drafts: Draft[] = [];
  const fresh = (first: number): Draft => ({
    kind: 'project', title: null, name: null, code: null, department: null, amounts: {}, purpose: null, goals: null, longGoals: null,
    indicators: [], columns: null, first, last: first, complete: true,
  });
  let d: Draft | null = null;
  let department: string | null = null;
  let departmentCode: string | null = null;
  let reporter: string | null = null;
  let header: Header | null = null;
  let headerFromTable = false;
  /** The last line of the indicator row read last. */
  let lastRowLine = -1;
  /** Rows of a text line that lacked a level label of their own, and where each label line stood. */
  const unlabelled = new Map<Indicator, { level1: boolean; level2: boolean }>();
  const labelMarks = new Map<Draft, Mark[]>();
  let l1: { text: string } | null = null;
  let l2: { text: string } | null = null;
  let closing = false;
  let started = false;
  const overview: string[] = [];
  const layouts = new Set<string>();
  let pendingTitle: { text: string; department: boolean; first: number } | null = null;

  const begin = (first: number): Draft => {
    if (d && (d.name || d.indicators.length > 0)) drafts.push(d);
    else if (d) return d;
    d = fresh(first);
    if (pendingTitle) {
      d.title = pendingTitle.text;
      if (pendingTitle.department) d.kind = 'department';
      d.first = pendingTitle.first;
    }
    pendingTitle = null;
    return d;
  };
  const current = (first: number) => d ?? begin(first);
  /** A form's title or heading: the project read so far is done, the next one is named by it. */
  const heading = (text: string, department: boolean, first: number) => {
    if (d && (d.name || d.indicators.length > 0)) {
      drafts.push(d);
      d = null;
    }
    header = null;
    pendingTitle = { text, department, first };
  };
  const touch = (line: number) => {
    if (d) d.last = Math.max(d.last, line);
  };
  const moneyUnit = (label: string): MoneyUnit => (LABEL_UNIT.exec(label)?.[1] as MoneyUnit | undefined) ?? unit ?? '元';

  const setField = (field: FormField, value: string, label: string, line: number) => {
    const text = orNull(value);
    if (field === 'section' || field === 'skip') return;
    if (field === 'reporter') {
      // `填报单位：（盖章）  单位：万元`: what is left once the stamp and the unit are taken out.
      const who = orNull(value.replace(STATED_UNIT, '').replace(/[(（]\s*盖章\s*[)）]|盖章/g, '').replace(/[:：]/g, ''));
      reporter ??= who;
      return;
    }
    if (text == null || isPlaceholder(text)) return;
    if (field === 'name') {
      const p = d && !d.name && d.indicators.length === 0 ? d : begin(line);
      p.name = text.replace(/\n/g, '');
      return;
    }
    const p = current(line);
    switch (field) {
      case 'code':
        p.code = text.replace(/[\s\u3000]+/g, '');
        break;
      case 'department': {
        const m = /^[[【(（]?(\d{3,12})[\]】)）]?[-－—\s\u3000]*(.+)$/.exec(text);
        const name = m ? m[2].trim() : text;
        p.department ??= name;
        if (!department) {
          department = name;
          departmentCode = m ? m[1] : null;
        }
        break;
      }
      case 'budget': case 'budgetExtra': case 'fiscal': case 'other': case 'otherPart': {
        const a = leadingAmount(text, moneyUnit(label));
        if (a != null) (p.amounts[field] ??= []).push({ yuan: a, line, text });
        else findings.push(finding('parse/amount-unreadable', 'minor', { zh: `“${labelKey(label)}”的金额“${text}”无法读成数字。`, en: `The amount "${text}" of "${labelKey(label)}" cannot be read as a number.` }, text, line));
        break;
      }
      case 'purpose': p.purpose ??= text; break;
      case 'goals': p.goals ??= text; break;
      case 'longGoals': p.longGoals ??= text; break;
    }
  };

  /** A row of fields: each label takes the cells up to the next label, or the row below when it has none. */
  const readFields = (r: Row, i: number): number => {
    const labelAt = r.cells.map((c) => labelOf(c.text));
    let consumedNext = false;
    let skip = 0;
    let anyLabel = false;
    r.cells.forEach((c, k) => {
      const stated = STATED_UNIT.exec(c.text);
      if (stated) {
        unit ??= stated[1] as MoneyUnit;
        mark([c]);
      }
      if (LABEL_UNIT.test(c.text) && labelAt[k]) unit ??= LABEL_UNIT.exec(c.text)![1] as MoneyUnit;
    });
    for (let k = 0; k < r.cells.length; k++) {
      const c = r.cells[k];
      let inCell = labelAt[k] ? null : formFieldPrefix(c.text);
      // `项目资金（万元）：年度资金总额：1200`: a section's label, then the field's own.
      while (inCell && inCell.field === 'section' && formFieldPrefix(inCell.rest)) inCell = formFieldPrefix(inCell.rest);
      if (inCell) {
        anyLabel = true;
        mark([c]);
        const u = LABEL_UNIT.exec(c.text.slice(0, c.text.length - inCell.rest.length));
        if (u) unit ??= u[1] as MoneyUnit;
        setField(inCell.field, inCell.rest, c.text, c.line);
        continue;
      }
      const field = labelAt[k];
      if (!field) continue;
      anyLabel = true;
      mark([c]);
      // The value: the cells after the label, up to the next label.
      let j = k + 1;
      while (j < r.cells.length && !labelAt[j] && !formFieldPrefix(r.cells[j].text)) j++;
      const valueCells = r.cells.slice(k + 1, j).filter((v) => !isBlank(v.text));
      // PDF text centres a label on its cell: the value's lines stand above and below it, indented.
      if (r.text && k === 0 && TEXT_FIELDS.has(field) && (j === r.cells.length || valueCells.length === 0)) {
        const around = centredValue(rows, i, valueCells.length > 0 ? joinTokens(r, k + 1, j - 1) : null, used);
        if (around) {
          mark(valueCells);
          for (const x of around.rows) mark(x.cells);
          setField(field, around.text, c.text, r.first);
          skip = Math.max(skip, around.after);
          k = j - 1;
          continue;
        }
      }
      if (valueCells.length > 0) {
        mark(valueCells);
        // A flattener that repeats a merged cell's text in every cell it covers says it once.
        const value = r.text ? joinTokens(r, k + 1, j - 1) : [...new Set(valueCells.map((v) => v.text))].join('\n');
        setField(field, value, c.text, valueCells[0].line);
        k = j - 1;
        continue;
      }
      // Nothing beside it: the value sits below (the last label of a row of labels takes the next row).
      const laterLabel = labelAt.slice(k + 1).some((f) => f != null && f !== 'section');
      const below0 = rows.slice(i + 1, i + 4).findIndex((x) => !isBlank(x.raw));
      const next = below0 >= 0 ? rows[i + 1 + below0] : undefined;
      if (field !== 'section' && !laterLabel && !consumedNext && next && next.cells.length > 0 && next.cells.every((v) => !labelOf(v.text) && !formFieldPrefix(v.text)) && !readHeader(next) && !isClosing(next.raw)) {
        const below = r.exact && next.exact && next.table === r.table ? next.cells.filter((v) => v.col < c.col + c.span && v.col + v.span > c.col) : next.cells;
        let value = next.text ? closePdfGaps(next.raw.trim()) : below.map((v) => v.text).join('\n');
        let more = 0;
        // A label alone on its line: its value may run over several lines (one cell a paragraph).
        if (r.text && next.text && r.cells.length === 1) {
          for (let k = i + 2 + below0; k < rows.length && continues(rows[k], value); k++, more++) {
            value += `\n${closePdfGaps(rows[k].raw.trim())}`;
            mark(rows[k].cells);
          }
        }
        if (!isBlank(value)) {
          mark(below);
          consumedNext = true;
          skip = 1 + below0 + more;
          setField(field, value, c.text, next.first);
        }
      }
    }
    touch(r.last);
    return anyLabel ? 1 + skip : 0;
  };

  const readIndicator = (r: Row, h: Header) => useRecord(readRecord(r, h, l1 != null), r, h);
  const useRecord = (rec: RowRecord, r: Row, h: Header) => {
    const cells = Object.values(rec).flatMap((v) => v?.cells ?? []);
    if (r.text && d && (rec.level1 || rec.level2)) {
      const marks = labelMarks.get(d) ?? [];
      if (rec.level1) marks.push({ at: d.indicators.length, level: 1, text: squash(rec.level1.text) });
      if (rec.level2) marks.push({ at: d.indicators.length, level: 2, text: squash(rec.level2.text) });
      labelMarks.set(d, marks);
    }
    if (rec.level1) {
      l1 = { text: squash(rec.level1.text) };
      l2 = null;
    }
    if (rec.level2) l2 = { text: squash(rec.level2.text) };
    const p = h.wide ? wideProject(r, rec) : current(r.first);
    if (!p) {
      markRow(r);
      return;
    }
    p.columns ??= [...new Set(h.roles.flatMap((x) => (x.role ? [x.role] : [])))];
    mark(cells);
    const content = ['level3', 'description', 'target', 'longTarget'].some((k) => !isBlank(rec[k as keyof RowRecord]?.text));
    if (!content) {
      // A template row left unfilled, or labels whose rows follow.
      if (rec.level2 && r.cells.length > (rec.level1 ? 2 : 1)) {
        findings.push(finding('parse/unfilled-row', 'info', { zh: `第 ${r.first} 行是模板中未填写的指标行（${l2?.text ?? ''}），未读成指标。`, en: `Line ${r.first} is an indicator row of the template left unfilled (${l2?.text ?? ''}); not read as an indicator.` }, r.raw.trim(), r.first));
      }
      markRow(r);
      return;
    }
    // A text line with a name and nothing else, right under a whole row, is that row's name wrapped
    // (PDF text puts a long cell's last line under its row).
    const prev = p.indicators[p.indicators.length - 1];
    if (r.text && !rec.level1 && !rec.level2 && !rec.target && !rec.basis && rec.level3 && prev && prev.target.raw != null && prev.line + 2 >= r.first && lastRowLine === r.first - 1) {
      prev.level3 = closePdfGaps(`${prev.level3 ?? ''}${rec.level3.text.replace(/\s+/g, '')}`);
      lastRowLine = r.last;
      touch(r.last);
      return;
    }
    lastRowLine = r.last;
    const targetText = joinTarget(rec);
    const ind: Indicator = {
      ordinal: p.indicators.length + 1,
      level1: l1?.text ?? null,
      level2: l2?.text ?? null,
      level3: orNull(rec.level3?.text ?? null),
      description: orNull(rec.description?.text ?? null),
      target: parseTarget(targetText),
      basis: orNull(rec.basis?.text ?? null),
      grades: null,
      level1Canonical: null,
      level2Canonical: null,
      location: null,
      line: Math.min(...cells.map((c) => c.line)),
    };
    p.indicators.push(ind);
    if (r.text && (!rec.level1 || !rec.level2)) unlabelled.set(ind, { level1: rec.level1 != null, level2: rec.level2 != null });
    touch(r.last);
    p.last = Math.max(p.last, r.last);
  };

  /** One table for a department's projects: a row naming a project starts it; a row of totals is not one. */
  const wideProject = (r: Row, rec: RowRecord): Draft | null => {
    const name = orNull(rec.name?.text ?? null);
    const hasIndicator = rec.level3 || rec.target || rec.level1 || rec.level2;
    if (name && !/^[\d,.\s]+$/.test(name)) {
      const p = begin(r.first);
      p.name = name;
      if (rec.department) setField('department', rec.department.text, '单位名称', r.first);
      if (rec.budget) setField('budget', rec.budget.text, '预算数', r.first);
      if (rec.goals) p.goals = orNull(rec.goals.text);
      return p;
    }
    if (!hasIndicator) {
      findings.push(finding('parse/total-row', 'info', { zh: `第 ${r.first} 行是合计行（不是项目），金额未计入项目。`, en: `Line ${r.first} is a total row (not a project); its amounts are not counted as a project.` }, r.raw.trim(), r.first));
      return null;
    }
    return d;
  };

  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.cells.length === 0 || r.cells.every((c) => isBlank(c.text))) {
      markRow(r);
      continue;
    }
    const first = r.cells.find((c) => !isBlank(c.text))!;
    if (isClosing(first.text)) {
      closing = true;
      header = null;
    }
    const filled = r.cells.filter((c) => !isBlank(c.text));
    const title = filled.length === 1 && filled[0].text.length < 80 ? filled[0].text.trim() : null;
    if (title && (TITLE.test(title) || DEPARTMENT_TITLE.test(title)) && !levelLabel(title, true)) {
      closing = false;
      heading(title, DEPARTMENT_TITLE.test(title), r.first);
      markRow(r);
      continue;
    }
    if (closing) {
      markRow(r);
      continue;
    }
    // `2.家庭医生签约服务补助` over its table: the project's heading.
    const next = nextFilled(rows, i);
    const nextLead = next?.cells.find((c) => !isBlank(c.text))?.text ?? '';
    if (title && next && NUMBERED.test(title) && !labelOf(title) && ((r.text && !next.text) || labelOf(nextLead) === 'name')) {
      heading(title, false, r.first);
      markRow(r);
      continue;
    }
    const vertical = !header || r.text ? verticalHeader(rows, i) : null;
    if (vertical) {
      // A header one cell a line: its rows are one cell a line too, grouped by labels and targets.
      l1 = null;
      l2 = null;
      started = true;
      layouts.add('cell-per-line');
      for (let k = i; k < vertical.next; k++) markRow(rows[k]);
      current(r.first);
      let end = vertical.next;
      while (end < rows.length && !endsCellRun(rows[end])) end++;
      const cells = rows.slice(vertical.next, end).filter((x) => !isBlank(x.raw)).map((x) => lineCell(x));
      for (const rec of flowCells(cells, vertical.header)) useRecord(rec, recordRow(rec), vertical.header);
      for (let k = vertical.next; k < end; k++) markRow(rows[k]);
      header = null;
      i = end - 1;
      continue;
    }
    const h = readHeader(r);
    if (h) {
      header = h;
      headerFromTable = !r.text;
      l1 = null;
      l2 = null;
      started = true;
      layouts.add(r.text ? 'text-rows' : r.exact ? 'table' : 'rebuilt-table');
      if (!h.wide) current(r.first);
      mark(r.cells);
      touch(r.last);
      continue;
    }
    // A paragraph between tables ends a table's indicators (a table that only continues one, on the next
    // page, follows it directly).
    if (header && headerFromTable && r.text) header = null;
    if (header) {
      const lead = labelOf(first.text);
      if (lead && lead !== 'section' && !levelLabel(first.text, true)) header = null;
      else {
        readIndicator(r, header);
        continue;
      }
    }
    const took = readFields(r, i);
    if (took > 0) {
      started = true;
      i += took - 1;
      continue;
    }
    if (!started) {
      overview.push(r.raw.trim());
      markRow(r);
    }
  }
  if (d) drafts.push(d);
  const found = drafts.filter((p) => p.name || p.indicators.length > 0 || p.kind === 'department');
  if (found.length === 0) return null;

  // A table cut by the end of the file: its last row stops short of the header's columns.
  const lastRow = rows[rows.length - 1];
  if (header && lastRow && !lastRow.text && !lastRow.exact && lastRow.cells.length < header.roles.length && found.at(-1)!.indicators.length > 0) {
    const p = found.at(-1)!;
    p.complete = false;
    findings.push(finding('parse/truncated', 'major', { zh: `文件在第 ${lastRow.first} 行的指标行中途结束，该项目不完整，之前的指标已保留。`, en: `The file ends inside the indicator row at line ${lastRow.first}: the project is incomplete; the indicators before it are kept.` }, lastRow.raw.trim(), lastRow.first));
  }

  department ??= reporter;
  for (const p of found) centredLabels(p.indicators, unlabelled, labelMarks.get(p) ?? []);
  const projects = found.map((p, k) => toProject(p, k + 1, department, findings));
  return {
    projects, department, departmentCode, unit, overview: orNull(overview.join('\n')), findings, used,
    layout: [...layouts].sort().join('+') || 'form',
  };
}

/** The first row after row `i` that is not blank. */
function nextFilled(rows: Row[], i: number): Row | undefined {
  for (let k = i + 1; k < rows.length; k++) if (!isBlank(rows[k].raw)) return rows[k];
  return undefined;
}

/** The money unit a form states (`单位：万元`), else the one a label names (`资金总额（万元）`), wherever it sits. */
function statedUnit(rows: Row[]): MoneyUnit | null {
  for (const r of rows) {
    const m = STATED_UNIT.exec(r.raw);
    if (m) return m[1] as MoneyUnit;
  }
  for (const r of rows) {
    for (const x of r.cells) {
      const prefix = formFieldPrefix(x.text);
      const label = labelOf(x.text) != null ? x.text : prefix ? x.text.slice(0, x.text.length - prefix.rest.length) : null;
      const u = label ? LABEL_UNIT.exec(label) : null;
      if (u) return u[1] as MoneyUnit;
    }
  }
  return null;
}

/** A level label a text line gave, and how many rows of its project came before it. */
interface Mark {
  at: number;
  level: 1 | 2;
  text: string;
}

/**
 * PDF text centres a merged level cell on its block, so the label comes on one of the block's middle
 * lines and the rows above it carry none, or the block before's. A row without its own level 2 and none
 * before takes the next level-2 label; a row whose level 1 its level 2 cannot be under takes the next
 * level-1 label that it can.
 */
function centredLabels(list: Indicator[], unlabelled: Map<Indicator, { level1: boolean; level2: boolean }>, marks: Mark[]): void {
  list.forEach((ind, k) => {
    const own = unlabelled.get(ind);
    if (!own) return;
    const later = (level: 1 | 2) => marks.filter((m) => m.level === level && m.at > k);
    if (!own.level2 && ind.level2 == null) ind.level2 = later(2)[0]?.text ?? null;
    const parents = LEVEL2_PARENTS[canonicalLevel2(ind.level2) ?? ''];
    if (own.level1 || !parents || parents.includes(canonicalLevel1(ind.level1) ?? '')) return;
    // A label that can be either level (成本指标) and stood alone may have been taken for a level 2.
    const either = marks.filter((m) => m.level === 2 && m.at >= k && levelLabel(m.text, true)?.levels.includes(1));
    const fit = [...later(1), ...either].sort((a, b) => a.at - b.at)
      .find((m) => parents.includes(canonicalLevel1(m.text) ?? ''));
    if (fit) ind.level1 = fit.text;
  });
}

/** Column headers one a line (`一级指标` / `二级指标` / … / `指标值`), from row `i`. */
function verticalHeader(rows: Row[], i: number): { header: Header; next: number } | null {
  const roles: Header['roles'] = [];
  let k = i;
  for (; k < rows.length; k++) {
    const r = rows[k];
    if (!r.text || isBlank(r.raw)) break;
    const role = columnRole(r.raw.trim());
    if (!role) break;
    roles.push({ role, col: roles.length, span: 1 });
  }
  const has = (x: string) => roles.some((r) => r.role === x);
  if (roles.length < 3 || ['level1', 'level2', 'level3'].filter(has).length < 2 || !(has('target') || has('longTarget'))) return null;
  return { header: { roles, wide: false }, next: k };
}

/** What ends a run of cells one a line: the signature block, a new form, a field label. */
function endsCellRun(r: Row): boolean {
  const t = r.raw.trim();
  if (t === '') return false;
  return isClosing(t) || TITLE.test(t) || NUMBERED.test(t) || (labelOf(t) != null && !levelLabel(t, true)) || formFieldPrefix(t) != null;
}

/** A text line as one cell (its spaces kept: the line is the cell). */
const lineCell = (r: Row): Cell => ({ text: r.raw.trim(), col: 0, span: 1, line: r.first, last: r.last, at: r.cells[0]?.at ?? `line ${r.first}` });

const TEXT_FIELDS = new Set<FormField>(['name', 'purpose', 'goals', 'longGoals']);
/** Where a line starts an item of its own, not the rest of a wrapped one. */
const ITEM = /^(?:\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、.．]|目标\s*\d+\s*[:：]|第[一二三四五六七八九十\d]+[条项点、])/;

/**
 * The lines of a centred label's value (PDF text): the indented, unlabelled, unread lines right above and
 * right below row `i`, with what stands beside the label between them. Null when there are none around it.
 */
function centredValue(rows: Row[], i: number, beside: string | null, used: Set<number>): { text: string; rows: Row[]; after: number } | null {
  const part = (r: Row | undefined) => r != null && r.text && r.indent >= 4 && !isBlank(r.raw) && r.cells.every((c) => !labelOf(c.text) && !formFieldPrefix(c.text) && !levelLabel(c.text, true)) && !readHeader(r);
  const above: Row[] = [];
  for (let k = i - 1; k >= 0 && part(rows[k]) && !used.has(rows[k].first); k--) above.unshift(rows[k]);
  const below: Row[] = [];
  for (let k = i + 1; k < rows.length && part(rows[k]); k++) below.push(rows[k]);
  if (above.length === 0 || (below.length === 0 && beside == null)) return null;
  const lines = [...above.map((r) => r.raw.trim()), ...(beside != null ? [beside] : []), ...below.map((r) => r.raw.trim())].map(closePdfGaps);
  const text = lines.reduce((acc, l) => (acc === '' ? l : ITEM.test(l) ? `${acc}\n${l}` : acc + l), '');
  return { text, rows: [...above, ...below], after: below.length };
}

/** A text line that goes on with the value above: no label, no header, not the end of the form. */
function continues(r: Row, value: string): boolean {
  const t = r.raw.trim();
  // `2.…` after `1.…` is the next item of the same value, not a project's heading.
  const item = NUMBERED.test(t) && NUMBERED.test(value.slice(value.lastIndexOf('\n') + 1));
  if (!r.text || t === '' || (endsCellRun(r) && !item) || columnRole(t) != null || levelLabel(t, true) != null || readHeader(r) != null) return false;
  return r.cells.every((c) => !labelOf(c.text) && !formFieldPrefix(c.text));
}

/** A record's cells as a row, for the findings and line marks a row gets. */
function recordRow(rec: RowRecord): Row {
  const cells = Object.values(rec).flatMap((v) => v?.cells ?? []);
  return {
    cells, exact: false, text: false, raw: cells.map((c) => c.text).join(' '), indent: 0, table: null,
    first: Math.min(...cells.map((c) => c.line)), last: Math.max(...cells.map((c) => c.last)),
  };
}

function labelOf(text: string): FormField | null {
  if (isBlank(text)) return null;
  const f = formField(text);
  if (f) return f;
  // A column header in a row of fields (`金额(万元)` under `年度资金总额`) is a label, not a value.
  return columnRole(text) === 'group' ? 'section' : null;
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** 指标性质 | 指标值 | 度量单位 in columns of their own: the target as one text (`≥` `95` `%` → `≥95%`). */
function joinTarget(rec: RowRecord): string | null {
  const value = orNull(rec.target?.text ?? null) ?? orNull(rec.longTarget?.text ?? null);
  if (value == null) return null;
  const op = orNull(rec.op?.text ?? null);
  const unitText = orNull(rec.unit?.text ?? null);
  const sign = op && OP_START.test(op) ? op : '';
  return `${sign}${value}${unitText && !value.endsWith(unitText) ? unitText : ''}`;
}

/** A value's leading amount (`6.30`, `250万`, `3,309,840.00`, `854万元(含…)`) in yuan. */
function leadingAmount(text: string, unit: MoneyUnit): Yuan | null {
  const m = /^[\s\u3000]*[¥￥]?[\s\u3000]*([0-9０-９][0-9０-９,，.．]*)[\s\u3000]*(万元|万|元)?/.exec(text);
  if (!m) return null;
  return parseAmount(m[1], m[2] ? (m[2] === '元' ? '元' : '万元') : unit);
}

const sum = (xs: Amount[] | undefined): Yuan | null => (xs && xs.length > 0 ? yuan(xs.reduce((a, x) => a + x.yuan, 0n)) : null);

function toProject(p: Draft, ordinal: number, department: string | null, findings: ParseFinding[]): Project {
  const fiscal = sum(p.amounts.fiscal?.slice(0, 1));
  const otherDirect = sum(p.amounts.other?.slice(0, 1));
  const otherParts = sum(p.amounts.otherPart);
  const other = otherDirect ?? otherParts;
  let budget = sum(p.amounts.budget?.slice(0, 1));
  const extra = sum(p.amounts.budgetExtra);
  if (budget != null && extra != null) budget = yuan(budget + extra);
  if (budget == null && (fiscal != null || other != null)) {
    budget = yuan((fiscal ?? 0n) + (other ?? 0n));
    findings.push({
      ...finding('parse/budget-from-parts', 'minor', { zh: '资金总额没有填写，按其中各项资金之和计算。', en: 'The total funds are not filled in; taken as the sum of their parts.' }, null, p.amounts.fiscal?.[0]?.line ?? p.first),
      project: ordinal,
    });
  }
  const kind = p.kind;
  const title = p.title?.replace(/^[\s\u3000]*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．][\s\u3000]*/, '').replace(/(?:项目)?(?:支出)?绩效目标(?:申报|批复)?表$/, '') || null;
  const name = p.name ?? (kind === 'department' ? p.department ?? department ?? title : title) ?? '（未写项目名称）';
  return {
    ordinal, code: p.code, name, kind, category: null, budget, fiscal, other, purpose: p.purpose, goals: p.goals ?? p.longGoals,
    complete: p.complete, span: { first: p.first, last: p.last }, schedule: [], scheduleAsAmounts: false,
    indicators: p.indicators.map((x, k) => ({ ...x, ordinal: k + 1 })), narrative: null, categoryBudget: null, columns: p.columns,
  };
}

function finding(rule: `parse/${string}`, severity: ParseFinding['severity'], message: Said, evidence: string | null, line: number | null): ParseFinding {
  return { rule, severity, message: message.zh, messageEn: message.en, evidence, line, project: null, indicator: null };
}
