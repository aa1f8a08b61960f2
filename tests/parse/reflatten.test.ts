import { describe, expect, it } from 'vitest';
import { parseText, type Filing } from '../../src/lib/parse';
import { seed, seedBytes } from '../seeds';

/**
 * The same filings, flattened by other tools: every Word-table row put on one line as tab-separated cells
 * or as a pipe table. The reading must not change: same projects, amounts, plans and indicator rows.
 */
type Style = 'tsv' | 'pipe';

function reflatten(text: string, style: Style): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let row: string[] = [];
  let rowHasContinuation = false;
  const flush = () => {
    if (row.length === 0) return;
    if (rowHasContinuation) out.push(...row.map((c) => `\t${c}`));
    else if (style === 'tsv') out.push(row.join('\t'));
    else out.push(`| ${row.join(' | ')} |`);
    row = [];
    rowHasContinuation = false;
  };
  for (const l of lines) {
    if (l.startsWith('\t')) row.push(l.slice(1).replace(/\s+$/, ''));
    else if (row.length > 0 && l.trim() !== '') {
      // A cell over several lines stays in Word form: one line cannot hold it.
      row[row.length - 1] += `\n${l}`;
      rowHasContinuation = true;
    } else {
      flush();
      out.push(l);
    }
  }
  flush();
  return out.join('\n');
}

const view = (f: Filing) =>
  f.projects.map((p) => ({
    name: p.name, code: p.code, budget: p.budget, fiscal: p.fiscal, other: p.other, purpose: p.purpose, goals: p.goals,
    plan: p.schedule.map((s) => s.pct),
    rows: p.indicators.map((i) => [i.level1, i.level2, i.level3, i.description, i.target.raw, i.basis]),
  }));

describe.each(['000', '001', '002'])('seed %s re-flattened', (n) => {
  const text = new TextDecoder().decode(seedBytes(n));
  it.each(['tsv', 'pipe'] as Style[])('as %s reads the same', (style) => {
    const r = parseText(reflatten(text, style), `${n}.${style}.txt`, { id: 'x', encoding: 'utf-8' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(view(r.filing)).toEqual(view(seed(n)));
    expect(r.filing.linesUsed).toBe(r.filing.linesTotal);
  });
});
