import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Filing, readFiling } from '../../src/lib/parse';
import { pdfAssets } from '../../src/lib/parse/sources/pdf-node';
import { expectProjects, readGolden } from './golden-view';

/**
 * Other provinces' forms (tests/fixtures/templates: 申报表 labels, the 2021 template with operator and unit
 * columns, a department's overall targets, three projects in one document with 长期 + 年度 columns), each as
 * a real .docx, .xlsx, .pdf and .html, read field by field against its expectation.
 */
const DIR = join(import.meta.dirname, '..', 'fixtures', 'templates');
const NAMES = readdirSync(DIR).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace('.expected.json', ''));
const EXTS = ['docx', 'xlsx', 'pdf', 'html'];

describe.each(NAMES.flatMap((n) => EXTS.map((e) => [n, e])))('%s as .%s', (name, ext) => {
  const g = readGolden(join(DIR, `${name}.expected.json`));
  let f: Filing;
  it('is read', async () => {
    const r = await readFiling(new Uint8Array(readFileSync(join(DIR, `${name}.${ext}`))), `${name}.${ext}`, { pdf: pdfAssets() });
    expect(r.ok ? null : r.rejection).toBeNull();
    if (r.ok) f = r.filing;
  });

  it('reads where, when and who', () => {
    expect({ county: f.county, countyCode: f.countyCode, city: f.city, year: f.year, unit: f.unit, department: f.department, departmentCode: f.departmentCode })
      .toEqual({ county: g.county, countyCode: g.countyCode, city: g.city, year: g.year, unit: g.unit, department: g.department, departmentCode: g.departmentCode });
  });

  it('every project, field by field, and every indicator row', () => {
    expectProjects(f, g);
  });

  it('leaves no cell unread', () => {
    expect(f.findings.filter((x) => x.rule === 'parse/unused-cell').map((x) => x.evidence)).toEqual([]);
  });
});
