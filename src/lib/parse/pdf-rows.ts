import { displayWidth, closePdfGaps } from './text';
import { type Piece, type RunRows, type Tagged } from './pieces';
import { isTargetCell, UNIT_ONLY } from './target';

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
export function knownBases(pieces: Tagged[]): Set<string> {
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
  // Joining only closes gaps (drops spaces), so once the fragments hold more visible characters than the
  // longest basis, no longer run can be one: the search stops there instead of joining every run.
  let longest = 0;
  for (const b of bases) longest = Math.max(longest, b.length);
  const parts: Piece[][] = [];
  let start = 0;
  for (let i = 1; i < frags.length; i++) {
    // The longest known basis starting at i ends a row.
    let end = -1;
    let raw = '';
    let visible = 0;
    for (let j = i; j < frags.length; j++) {
      raw += frags[j].text;
      visible += frags[j].text.replace(/[ \t]/g, '').length;
      if (visible > longest) break;
      if (bases.has(closePdfGaps(raw))) end = j;
    }
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
export function wrappedRun(run: Piece[], bases: Set<string>): RunRows {
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
