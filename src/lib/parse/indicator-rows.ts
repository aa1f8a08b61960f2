import type { Indicator } from './model';
import { type Note, note } from './note';
import { type ColumnRole, isLevel2Only, labelLevels, labelPrefix } from './labels';
import { knownBases, wrappedRun } from './pdf-rows';
import { type Cells, type Piece, type RunRows, type Tagged } from './pieces';
import { isTargetCell, parseTarget } from './target';
import { UNIT_ALTERNATION } from './vocabulary';
import { isBlank, orNull } from './text';

/**
 * The rows of an indicator table, in any flattening: Word cells grouped by blank lines (positional), or
 * flowing text where level labels anchor rows and the shape of a 指标值 anchors the cells within them.
 */

export interface Row {
  indicator: Indicator;
  lines: number[];
}

export interface Rows {
  rows: Row[];
  blankLines: number[];
  findings: Note[];
  /** Line where a row stopped short, when the last row is incomplete. */
  cut: number | null;
}


export function lineRange(ps: Piece[]): number[] {
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
    level1Canonical: null,
    level2Canonical: null,
    location: null,
    ...(c.longTarget ? { longTarget: orNull(c.longTarget) } : {}),
  };
}

/** Merged level1/level2 cells are blank in the text: a blank inherits the row above. Numbers the rows. */
export function inherit(list: Indicator[]): Indicator[] {
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
export function cellRows(pieces: Piece[], roles: ColumnRole[]): Rows {
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
export function flowRows(input: Piece[], roles: ColumnRole[], wrapped: boolean): Rows {
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
        out.findings.push(note('parse/row-ambiguous', 'minor', { zh: '这几行无法确定属于哪一个指标单元格，未读成指标。', en: 'These lines cannot be placed in any indicator cell and were not read as indicators.' }, rows.leftover.map((p) => p.text).join(' '), rows.leftover[0].first));
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

const GLUED_OP = new RegExp(`(?:≥|≤|>=|<=|>|<|＞＝|＜＝|＞|＜|=|大于等于|小于等于|不低于|不少于|不超过|不高于)\\s*\\d+(?:\\.\\d+)?\\s*(?:${UNIT_ALTERNATION})?`);
const GLUED_BARE = new RegExp(`\\d+(?:\\.\\d+)?\\s*(?:${UNIT_ALTERNATION})`);

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
