import { type ColumnRole, columnRole, levelLabel } from '../vocabulary';
import { isTargetCell } from '../target';
import { type Cell, type Row, joinTokens } from './rows';

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
  // Every non-empty cell of a header is a header.
  if (row.cells.some((c, i) => c.text.trim() !== '' && roles[i].role == null)) return null;
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
    const l3 = roles.indexOf('level3');
    start = h.wide || l3 < 0 ? 0 : l3;
  }
  if (start < 0 || start + cells.length > roles.length) start = Math.max(0, roles.length - cells.length);
  cells.forEach((c, i) => put(roles[start + i] ?? null, c));
  return out;
}

/** A text line: labels first, then the 指标值 (the last token shaped like one), then the rest. */
function textRecord(row: Row, h: Header, haveLevel1: boolean): RowRecord {
  const out: RowRecord = {};
  const cells = row.cells;
  let i = 0;
  let l1Seen = haveLevel1;
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
  const span = (a: number, b: number) => (a > b ? undefined : { text: joinTokens(row, a, b), cells: cells.slice(a, b + 1) });
  if (t < 0) {
    out.level3 = span(i, cells.length - 1);
    return out;
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

/** A token shaped like a 指标值: a number with its operator or unit, a percent, a date. */
export function isTargetToken(s: string): boolean {
  return isTargetCell(s) || /^(?:[≥≤><=＞＜＝]|>=|<=|大于|小于|不低于|不少于|不超过|不高于|不大于|不小于)?\s*\d/.test(s) || /^[≥≤＞＜]/.test(s);
}
