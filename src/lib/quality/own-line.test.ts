import { describe, expect, it } from 'vitest';
import { assess, RULES } from '.';
import { toRows } from '../tables/rows';
import { seed } from '../../../tests/seeds';
import { squash } from './classify';

const SEEDS = ['000', '001', '002', '003', '004'].map(seed);
const Q = assess(SEEDS);
const CELL = new Map(RULES.map((r) => [r.id, r.cell]));

describe('a finding points at its own line', () => {
  it('never at a blank line (乐亭’s rows start on a blank merged 一级指标 cell)', () => {
    for (const f of SEEDS) {
      for (const x of toRows(f, Q.get(f.id)!).findings) {
        if (x.line == null) continue;
        expect(squash(f.lines[(x.line as number) - 1]), `${f.sourceFile} ${x.rule_id} line ${x.line}`).not.toBe('');
      }
    }
  });
  it('at the cell its rule judges: the target, the basis, the description', () => {
    const f = seed('000');
    const rows = toRows(f, Q.get(f.id)!);
    const first = (rule: string) => rows.findings.find((x) => x.rule_id === rule && x.indicator_id === `${f.id}-1-2`)!;
    const i = f.projects[0].indicators[1];
    expect(CELL.get('target-not-quantified')).toBe('target');
    expect(f.lines[(first('target-not-quantified').line as number) - 1].trim()).toBe(i.target.raw);
    expect(f.lines[(first('basis-generic').line as number) - 1].trim()).toBe(i.basis);
    // The description repeats the name: found on the line after the name's, not on the name's.
    const desc = first('description-adds-nothing').line as number;
    expect(f.lines[desc - 1].trim()).toBe(i.description);
    expect(f.lines[desc - 2].trim()).toBe(i.level3);
    expect(new Set([first('target-not-quantified').line, first('basis-generic').line, desc]).size).toBe(3);
  });
});
