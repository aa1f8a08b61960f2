import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Filing, readFiling } from '../../src/lib/parse';
import { expectProjects, readGolden } from './golden-view';

/**
 * Real filings of other provinces, read field by field against hand-read goldens. The filings are
 * byte-identical copies of ../shared/corpus (tests/fixtures/corpus, with their README and source
 * addresses), so the tests stand on their own.
 */
const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const GOLDEN = join(import.meta.dirname, '..', 'golden', 'corpus');
const names = readdirSync(GOLDEN).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

describe.each(names)('%s, field by field', (name) => {
  const g = readGolden(join(GOLDEN, `${name}.json`));
  let f: Filing;
  it('is read', async () => {
    const r = await readFiling(new Uint8Array(readFileSync(join(CORPUS, `${name}.txt`))), `${name}.txt`);
    expect(r.ok ? null : r.rejection).toBeNull();
    if (r.ok) f = r.filing;
  });

  it('reads where, when and who', () => {
    expect({ county: f.county, countyCode: f.countyCode, city: f.city, year: f.year, unit: f.unit, department: f.department, departmentCode: f.departmentCode, format: f.format })
      .toEqual({ county: g.county, countyCode: g.countyCode, city: g.city, year: g.year, unit: g.unit, department: g.department, departmentCode: g.departmentCode, format: g.format });
  });

  it('every project, field by field, and every indicator row', () => expectProjects(f, g));

  it('accounts for every line: read, or reported with its text', () => {
    const unused = f.findings.filter((x) => x.rule === 'parse/unused-line');
    expect(f.linesUsed + unused.length).toBe(f.linesTotal);
    for (const u of unused) expect(u.evidence).toBe(f.lines[u.line! - 1].trim());
  });
});
