import type { Indicator, MoneyUnit, Project } from '../model';
import { parseAmount } from '../money';
import { parseTarget } from '../target';
import { isBlank } from '../text';
import { levelLabel } from '../vocabulary';
import type { Row } from './rows';

/**
 * An approval export that shows its table as a tree, one cell a paragraph, the hierarchy only by
 * leading spaces (unit › project › 一级 › 二级 › 三级), each value on the unindented paragraph after
 * its node. The depth of the level-1 labels fixes every other depth.
 */
export interface TreeReading {
  projects: Project[];
  department: string | null;
  used: Set<number>;
  /** First line of the tree's header. */
  first: number;
}

const node = (r: Row) => r.raw.trim();

export function readTree(all: Row[], unit: MoneyUnit): TreeReading | null {
  const rows = all.filter((r) => !isBlank(r.raw));
  const indented = rows.filter((r) => r.text && r.indent > 0 && r.cells.length > 0);
  const depths = new Map<number, number>();
  for (const r of indented) {
    const l = levelLabel(node(r), true);
    if (l && l.levels.length === 1 && l.levels[0] === 1) depths.set(r.indent, (depths.get(r.indent) ?? 0) + 1);
  }
  const best = [...depths].sort((a, b) => b[1] - a[1])[0];
  if (!best || best[1] < 2) return null;
  const d1 = best[0];
  if (!indented.some((r) => r.indent === d1 + 1 && levelLabel(node(r), true)?.levels.includes(2))) return null;

  const used = new Set<number>();
  const mark = (r: Row) => {
    for (let n = r.first; n <= r.last; n++) used.add(n);
  };
  // The tree begins with the unit and project nodes (and the project's amount) above the first level-1 node.
  const firstL1 = rows.findIndex((r) => r.text && r.indent === d1 && levelLabel(node(r), true) != null);
  let start = firstL1;
  while (start > 0 && rows[start - 1].text && ((rows[start - 1].indent > 0 && rows[start - 1].indent < d1) || (rows[start - 1].indent === 0 && /^[\d,，.]+$/.test(node(rows[start - 1]))))) start--;
  // The column headers just above the tree (项目 / 指标值 / 绩效金额).
  let first = rows[start].first;
  for (let k = start - 1; k >= 0 && k >= start - 4 && rows[k].text && rows[k].indent === 0 && rows[k].cells.length === 1 && rows[k].raw.trim().length <= 6; k--) {
    mark(rows[k]);
    first = rows[k].first;
  }
  const projects: Project[] = [];
  let department: string | null = null;
  let p: Project | null = null;
  let l1: string | null = null;
  let l2: string | null = null;
  let pending: { kind: 'project' | 'indicator'; ind?: Indicator } | null = null;
  let k = start;
  for (; k < rows.length; k++) {
    const r = rows[k];
    if (isBlank(r.raw)) continue;
    if (r.indent === 0) {
      if (!pending) break;
      mark(r);
      if (pending.kind === 'project' && p) p.budget = parseAmount(node(r).replace(/[,，]/g, ''), unit) ?? p.budget;
      if (pending.kind === 'indicator' && pending.ind) pending.ind.target = parseTarget(node(r));
      pending = null;
      continue;
    }
    mark(r);
    pending = null;
    const text = node(r);
    if (r.indent < d1 - 1) department ??= text;
    else if (r.indent === d1 - 1) {
      p = {
        ordinal: projects.length + 1, code: null, name: text, kind: 'project', category: null, budget: null, fiscal: null, other: null,
        purpose: null, goals: null, complete: true, span: { first: r.first, last: r.last }, schedule: [], scheduleAsAmounts: false,
        indicators: [], narrative: null, categoryBudget: null, columns: ['level1', 'level2', 'level3', 'target', 'budget'],
      };
      projects.push(p);
      l1 = l2 = null;
      pending = { kind: 'project' };
    } else if (r.indent === d1) {
      l1 = text;
      l2 = null;
    } else if (r.indent === d1 + 1) l2 = text;
    else if (p) {
      const ind: Indicator = {
        ordinal: p.indicators.length + 1, level1: l1, level2: l2, level3: text, description: null, target: parseTarget(null), basis: null,
        grades: null, line: r.first, level1Canonical: null, level2Canonical: null, location: null,
      };
      p.indicators.push(ind);
      pending = { kind: 'indicator', ind };
    }
    if (p) p.span.last = Math.max(p.span.last, r.last);
  }
  if (projects.length === 0) return null;
  return { projects, department, used, first };
}
