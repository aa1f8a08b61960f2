import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Filing, readFiling } from '../../src/lib/parse';
import { pdfAssets } from '../../src/lib/parse/sources/pdf-node';
import { expectProjects, readGolden } from './golden-view';

/**
 * The five seeds as real office documents (tests/fixtures/formats, made by LibreOffice from tables with
 * merged cells): every format of every seed reads to the seed's own golden, field by field.
 */
const FORMATS = join(import.meta.dirname, '..', 'fixtures', 'formats');
const SEEDS = ['000', '001', '002', '003', '004'];
const EXTS = ['docx', 'doc', 'xlsx', 'xls', 'pdf', 'html', 'lo.html'];
const FORMAT: Record<string, string> = { docx: 'docx', doc: 'doc', xlsx: 'xlsx', xls: 'xls', pdf: 'pdf', html: 'html', 'lo.html': 'html' };

describe.each(SEEDS.flatMap((s) => EXTS.map((e) => [s, e])))('seed %s as .%s', (seed, ext) => {
  const g = readGolden(join(import.meta.dirname, '..', 'golden', `${seed}.json`));
  let f: Filing;
  it('is read, as what it is', async () => {
    const r = await readFiling(new Uint8Array(readFileSync(join(FORMATS, `${seed}.${ext}`))), `${seed}.${ext}`, { pdf: pdfAssets() });
    expect(r.ok ? null : r.rejection).toBeNull();
    if (!r.ok) return;
    f = r.filing;
    expect(f.format).toBe(FORMAT[ext]);
  });

  it('reads where, when and who', () => {
    expect({ county: f.county, countyCode: f.countyCode, city: f.city, year: f.year, unit: f.unit, departmentCode: f.departmentCode })
      .toEqual({ county: g.county, countyCode: g.countyCode, city: g.city, year: g.year, unit: g.unit, departmentCode: g.departmentCode });
  });

  it('every project, field by field, and every indicator row', () => {
    expectProjects(f, g);
  });

  it('says where each row came from in the document', () => {
    const rows = f.projects.flatMap((p) => p.indicators);
    for (const r of rows) expect(r.location, `row at line ${r.line}`).toMatch(/^(?:table \d+ row \d+|paragraph \d+|'?[^!]+'?![A-Z]+\d+|p\d+ x\d+ y\d+)/);
  });
});
