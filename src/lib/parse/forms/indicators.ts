import { type ColumnRole, columnRole, levelLabel, OP_ONLY, OP_START } from '../vocabulary';
import { isTargetCell, UNIT_ONLY } from '../target';
import { closePdfGaps } from '../text';
import type { Cell, Row } from './rows';

/**
 * An indicator table: its header row gives each column a role; each row below is mapped onto those
 * roles. A real table maps by column; a rebuilt one (merged cells missing) is aligned on its level
 * labels, and a text line is split at its labels and at the token shaped like a 指标值.
 */
export interface Header {
  roles: { role: ColumnRole | null; col: number; span: number }[];
  /** The project's own fields are columns too (one table for a department's projects). */
  wide: boolean;
}

/** A header row: at least two level columns and a target column. */
export function readHeader(row: Row): Header | null {
  const roles = row.cells.map((c) => ({ role: c.text.trim() === '' ? null : columnRole(c.text), col: c.col, span: c.span }));
  const has = (r: ColumnRole) => roles.some((x) => x.role === r);
  const levels = ['level1', 'level2', 'level3'].filter((r) => has(r as ColumnRole)).length;
  if (levels < 2 || !(has('target') || has('longTarget'))) return null;
  // A header is headers: a column the vocabulary does not know is allowed beside four it does (its
  // cells are then reported as unread, not lost).
  const unknown = row.cells.filter((c, i) => c.text.trim() !== '' && roles[i].role == null).length;
  const known = roles.filter((r) => r.role != null).length;
  if (unknown > 0 && (known < 4 || unknown > 2 || row.text)) return null;
  while (roles.length > 0 && roles[roles.length - 1].role == null) roles.pop();
  return { roles, wide: has('name') && (has('budget') || has('department')) };
}

export type RowRecord = Partial<{ [K in ColumnRole]: { text: string; cells: Cell[] } }>;

/** Which level a label cell is, given what follows it: a label followed by a level-2 label is level 1. */
function levelOf(text: string, next: string | null, haveLevel1: boolean): 1 | 2 | null {
  const l = levelLabel(text, true);
  if (!l) return null;
  if (l.levels.length === 1) return l.levels[0];
  const nextL = next != null ? levelLabel(next, true) : null;
  if (nextL?.levels.includes(2)) return 1;
  return haveLevel1 ? 2 : 1;
}

/** Maps a row onto the header's roles. `haveLevel1`: the table has had a level-1 label already. */
export function readRecord(row: Row, h: Header, haveLevel1: boolean): RowRecord {
  if (row.text) return textRecord(row, h, haveLevel1);
  const out: RowRecord = {};
  const put = (role: ColumnRole | null, c: Cell) => {
    if (!role || c.text.trim() === '') return;
    const prev = out[role];
    out[role] = prev ? { text: `${prev.text}${c.text}`, cells: [...prev.cells, c] } : { text: c.text, cells: [c] };
  };
  if (row.exact) {
    for (const c of row.cells) put(h.roles.find((r) => c.col >= r.col && c.col < r.col + r.span)?.role ?? null, c);
    return out;
  }
  // A rebuilt row: trailing empties are padding; merged cells on the left are missing.
  const cells = row.cells.slice();
  while (cells.length > 0 && cells[cells.length - 1].text.trim() === '') cells.pop();
  const roles = h.roles.map((r) => r.role);
  const anchor = cells.findIndex((c) => levelLabel(c.text, true) != null);
  let start: number;
  if (anchor >= 0) {
    const lv = levelOf(cells[anchor].text, cells[anchor + 1]?.text ?? null, haveLevel1);
    start = roles.indexOf(lv === 1 ? 'level1' : 'level2') - anchor;
  } else {
    // Empty cells in front are the merged ones, kept in place (a spreadsheet's export): the row is positional.
    const l3 = roles.indexOf('level3');
    start = h.wide || l3 < 0 || cells[0]?.text.trim() === '' ? 0 : l3;
  }
  if (start < 0 || start + cells.length > roles.length) start = Math.max(0, roles.length - cells.length);
  cells.forEach((c, i) => put(roles[start + i] ?? null, c));
  return out;
}

/** A text line: labels first, then the 指标值 (the last token shaped like one), then the rest. */
function textRecord(row: Row, h: Header, haveLevel1: boolean): RowRecord {
  const out: RowRecord = {};
  const cells = targetTokens(row.cells);
  let i = 0;
  let l1Seen = haveLevel1;
  // A 序号 column: the row's number comes first.
  if (h.roles[0]?.role === 'skip' && /^\d{1,3}$/.test(cells[0]?.text ?? '')) out.skip = { text: cells[i].text, cells: [cells[i++]] };
  for (; i < cells.length; i++) {
    const role = columnRole(cells[i].text);
    if (role === 'group') {
      out.group = { text: cells[i].text, cells: [cells[i]] };
      continue;
    }
    const lv = levelOf(cells[i].text, cells[i + 1]?.text ?? null, l1Seen);
    // After a level-2 label comes the row, even when it reads like a label (`服务对象满意度`).
    if (lv == null || out.level2) break;
    if (lv === 1 && out.level1) break;
    out[lv === 1 ? 'level1' : 'level2'] = { text: cells[i].text, cells: [cells[i]] };
    if (lv === 1) l1Seen = true;
  }
  const rest = cells.length - i;
  if (rest <= 0) return out;
  const roles = h.roles.map((r) => r.role);
  let t = -1;
  for (let k = cells.length - 1; k > i; k--) if (isTargetToken(cells[k].text)) { t = k; break; }
  if (t < 0 && rest >= 2) t = roles.includes('basis') && rest >= 3 && isTargetToken(cells[cells.length - 2].text) ? cells.length - 2 : cells.length - 1;
  const span = (a: number, b: number) => (a > b ? undefined : { text: a === b ? cells[a].text : closePdfGaps(row.raw.slice(cells[a].from, cells[b].to)), cells: cells.slice(a, b + 1) });
  if (t < 0) {
    out.level3 = span(i, cells.length - 1);
    return out;
  }
  // 指标性质 in a column of its own: `定性`, or an operator the value does not carry.
  if (roles.includes('op') && t - 1 > i && OP_ONLY.test(cells[t - 1].text)) {
    out.op = span(t - 1, t - 1);
    cells.splice(t - 1, 1);
    t--;
  }
  // 长期 + 年度 values side by side: the target before the target is the long-term one.
  if (roles.includes('longTarget') && t - 1 > i && isTargetToken(cells[t - 1].text)) {
    out.longTarget = span(t - 1, t - 1);
    cells.splice(t - 1, 1);
    t--;
  }
  if (roles.includes('description') && t - i >= 2) {
    out.level3 = span(i, i);
    out.description = span(i + 1, t - 1);
  } else out.level3 = span(i, t - 1);
  if (roles.includes('basis')) {
    out.target = span(t, t);
    out.basis = span(t + 1, cells.length - 1);
  } else out.target = span(t, cells.length - 1);
  return out;
}


/**
 * A text line's tokens with a target that extraction split put back together: an operator standing alone
 * (`≥` `95%`) joins the number after it, a unit standing alone (`≥3.2` `万亩`) the number before it.
 */
function targetTokens(cells: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const c of cells) {
    const prev = out[out.length - 1];
    const glue = prev && ((OP_ONLY.test(prev.text) && !/^[定正反]/.test(prev.text) && /^\d/.test(c.text)) || (/\d$/.test(prev.text) && UNIT_ONLY.test(c.text)));
    if (glue) out[out.length - 1] = { ...prev, text: prev.text + c.text, to: c.to, last: Math.max(prev.last, c.last) };
    else out.push(c);
  }
  return out;
}

/** A token shaped like a 指标值: a number with its operator or unit, a percent, a date. */
export function isTargetToken(s: string): boolean {
  const t = s.trim();
  // A name may start with a number (`65岁及以上老年人健康管理人数`); a target that does is short.
  return isTargetCell(t) || OP_START.test(t) || (/^\d/.test(t) && t.length <= 14);
}

/**
 * Cells one a line (no placeholders for empty or merged cells): level labels open a group, and within it
 * the cells shaped like a 指标值 anchor the rows; of the cells between two targets, the last ones before
 * the next target are that row's name (and description), the rest the previous row's 依据.
 */
export function flowCells(cells: Cell[], h: Header): RowRecord[] {
  const roles = h.roles.map((r) => r.role);
  const content = roles.filter((r): r is ColumnRole => r != null && r !== 'level1' && r !== 'level2' && r !== 'group');
  const before = content.slice(0, Math.max(0, content.indexOf('target')));
  const after = content.slice(content.indexOf('target') + 1);
  const out: RowRecord[] = [];
  let labels: RowRecord = {};
  let run: Cell[] = [];
  let seenL1 = false;
  // With the operator and unit in columns of their own, only the value anchors a row.
  const anchor = (t: string) => isTargetToken(t) && !(roles.includes('op') && OP_ONLY.test(t.trim()));
  const one = (c: Cell) => ({ text: c.text, cells: [c] });
  const many = (cs: Cell[]) => (cs.length === 0 ? undefined : { text: cs.map((c) => c.text).join(''), cells: cs });
  const flush = () => {
    if (run.length === 0) {
      if (labels.level1 || labels.level2) out.push(labels);
      labels = {};
      return;
    }
    const anchors = run.flatMap((c, k) => (anchor(c.text) ? [k] : []));
    // No target shape: a row of exactly its cells, else name and target.
    if (anchors.length === 0) anchors.push(run.length === content.length ? before.length : Math.min(run.length - 1, before.length));
    // 长期 + 年度 values side by side: two targets in a row, the first the long-term one.
    const longs = new Set<number>();
    if (content.includes('longTarget')) {
      for (let n = 0; n + 1 < anchors.length; n++) if (anchors[n + 1] === anchors[n] + 1) longs.add(anchors.splice(n, 1)[0]);
    }
    let start = 0;
    anchors.forEach((a, n) => {
      if (a < start) return;
      const nextA = anchors[n + 1];
      const lead = (b: number) => before.filter((r) => (r === 'op' ? OP_ONLY.test(run[b - 1]?.text.trim() ?? '') : r === 'longTarget' ? longs.has(b - 1) : true)).length;
      const tail = nextA == null ? run.length : Math.max(a + 1, nextA - lead(nextA));
      const rec: RowRecord = n === 0 ? { ...labels } : {};
      const pre = run.slice(start, a);
      if (longs.has(a - 1) && pre.length >= 2) rec.longTarget = one(pre.pop()!);
      if (before.includes('op') && pre.length >= 2 && OP_ONLY.test(pre[pre.length - 1].text.trim())) rec.op = one(pre.pop()!);
      if (before.includes('description') && pre.length >= 2) {
        rec.level3 = one(pre[0]);
        rec.description = many(pre.slice(1));
      } else if (pre.length > 0) rec.level3 = many(pre);
      rec.target = one(run[a]);
      const post = run.slice(a + 1, tail);
      if (post.length > 0) {
        if (after[0] && after[0] !== 'basis' && post.length >= 1) rec[after[0]] = one(post[0]);
        const rest = after[0] && after[0] !== 'basis' ? post.slice(1) : post;
        if (rest.length > 0) rec.basis = many(rest);
      }
      out.push(rec);
      start = tail;
    });
    labels = {};
    run = [];
  };
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    const lv = run.length > 0 || !labels.level2 ? levelOf(c.text, cells[k + 1]?.text ?? null, seenL1) : null;
    if (lv != null) {
      flush();
      if (lv === 1) seenL1 = true;
      if (lv === 1) labels.level1 = one(c);
      else labels.level2 = one(c);
      continue;
    }
    run.push(c);
  }
  flush();
  return out;
}
