import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Filing, readFiling } from '../../src/lib/parse';
import { projectView, readGolden, strip } from './golden-view';

/**
 * The other provinces' forms as text, flattened by real tools (tests/fixtures/flattened, made by
 * scripts/fixtures/flatten.sh): LibreOffice Writer's one-cell-a-paragraph export and Calc's tab-separated
 * export. Each reads to the same expectation as the document it came from, field by field.
 */
const DIR = join(import.meta.dirname, '..', 'fixtures', 'flattened');
const TEMPLATES = join(import.meta.dirname, '..', 'fixtures', 'templates');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

describe.each(FILES)('%s', (file) => {
  const g = readGolden(join(TEMPLATES, `${file.split('.')[0]}.expected.json`));
  let f: Filing;
  it('is read', async () => {
    const r = await readFiling(new Uint8Array(readFileSync(join(DIR, file))), file);
    expect(r.ok ? null : r.rejection).toBeNull();
    if (r.ok) f = r.filing;
  });

  it('reads where, when and who, and every project field by field', () => {
    expect({ county: f.county, countyCode: f.countyCode, year: f.year, unit: f.unit, department: f.department })
      .toEqual({ county: g.county, countyCode: g.countyCode, year: g.year, unit: g.unit, department: g.department });
    expect(f.projects.map((p) => p.name)).toEqual(g.projects.map((p) => p.name));
    g.projects.forEach((gp, i) => {
      const got = projectView(f.projects[i], gp);
      const want = strip(gp);
      expect({ project: i + 1, ...got, indicators: undefined }).toEqual({ project: i + 1, ...want, indicators: undefined });
      want.indicators.forEach((wi, k) => expect({ project: i + 1, row: k + 1, ...got.indicators[k] }).toEqual({ project: i + 1, row: k + 1, ...wi }));
      expect(got.indicators.length).toBe(want.indicators.length);
    });
  });

  it('uses every line', () => {
    expect(f.findings.filter((x) => x.rule === 'parse/unused-line').map((x) => `${x.line}: ${x.evidence}`)).toEqual([]);
  });
});
