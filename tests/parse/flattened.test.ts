import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Filing, readFiling } from '../../src/lib/parse';
import { expectProjects, readGolden } from './golden-view';

/**
 * Forms as text. tests/fixtures/flattened: the other provinces' forms flattened by real tools
 * (scripts/fixtures/flatten.sh: LibreOffice Writer's one-cell-a-paragraph export, Calc's tab-separated
 * export, Word cells), each read to the expectation of the document it came from. tests/fixtures/forms-text:
 * forms as web pages publish them (fields after colons, a 序号 column, weights in the level labels, pipe
 * tables that repeat a merged cell's text), each with its own hand-written expectation.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const CASES = [
  ...readdirSync(join(FIXTURES, 'flattened')).filter((f) => f.endsWith('.txt')).map((f) => [join(FIXTURES, 'flattened', f), join(FIXTURES, 'templates', `${f.split('.')[0]}.expected.json`)]),
  ...readdirSync(join(FIXTURES, 'forms-text')).filter((f) => f.endsWith('.txt')).map((f) => [join(FIXTURES, 'forms-text', f), join(FIXTURES, 'forms-text', f.replace(/\.txt$/, '.expected.json'))]),
].sort();

describe.each(CASES)('%s', (path, expected) => {
  const file = path.split('/').pop()!;
  const g = readGolden(expected);
  let f: Filing;
  it('is read', async () => {
    const r = await readFiling(new Uint8Array(readFileSync(path)), file);
    expect(r.ok ? null : r.rejection).toBeNull();
    if (r.ok) f = r.filing;
  });

  it('reads where, when and who, and every project field by field', () => {
    expect({ county: f.county, countyCode: f.countyCode, year: f.year, unit: f.unit, department: f.department })
      .toEqual({ county: g.county, countyCode: g.countyCode, year: g.year, unit: g.unit, department: g.department });
    expectProjects(f, g);
  });

  it('uses every line', () => {
    expect(f.findings.filter((x) => x.rule === 'parse/unused-line').map((x) => `${x.line}: ${x.evidence}`)).toEqual([]);
  });
});
