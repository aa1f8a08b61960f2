/**
 * The Word reader on real documents. Fixtures in tests/fixtures/sources were made with LibreOffice 7.4:
 *   soffice --headless --convert-to docx indicators.html      (a filing table with rowspans and colspans)
 *   soffice --headless --convert-to docx word-margins.fodt    (header, footer, footnote, nested table)
 *   soffice --headless --convert-to html indicators.docx      (→ indicators.lo.html, for the HTML reader)
 * Word markup LibreOffice never writes (gridBefore, tracked changes, content controls, fields) is checked
 * on a package zipped here from Word's own XML.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellAt, rowsOf, type Grid, type GridTable, type SourceError, type SourceResult } from '../grid';
import { readDocx } from './docx';
import { readHtml } from './html';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../tests/fixtures/sources/${name}`, import.meta.url)));

function grid(r: SourceResult): Grid {
  if (!r.ok) throw new Error(`expected a grid, got ${JSON.stringify(r.error)}`);
  return r.grid;
}
function error(r: SourceResult): SourceError {
  if (r.ok) throw new Error('expected a SourceError, got a grid');
  return r.error;
}
const tables = (g: Grid): GridTable[] => g.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const texts = (g: Grid) => g.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
const shape = (t: GridTable) => t.cells.map(({ text, row, col, rowSpan, colSpan }) => ({ text, row, col, rowSpan, colSpan }));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
/** A minimal package: the parts Word needs to open it, and the given body. */
function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  });
}
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const tc = (t: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(t)}</w:tc>`;

describe('readDocx on a LibreOffice-made filing', () => {
  const g = grid(readDocx(fixture('indicators.docx')));

  it('reads the table with its merges: one cell per merged range, nothing at covered positions', () => {
    expect(g.format).toBe('docx');
    expect(g.encoding).toBe('ooxml');
    const [t] = tables(g);
    expect(tables(g)).toHaveLength(1);
    expect([t.rows, t.cols, t.at]).toEqual([9, 5, 'table 1']);
    const byText = (s: string) => t.cells.find((c) => c.text === s)!;
    expect(byText('农村义务教育营养改善计划')).toMatchObject({ row: 0, col: 1, rowSpan: 1, colSpan: 4 });
    expect(byText('项目资金（万元）')).toMatchObject({ row: 2, col: 0, rowSpan: 2, colSpan: 1 });
    expect(byText('产出指标')).toMatchObject({ row: 5, col: 0, rowSpan: 3, colSpan: 1, at: 'table 1 row 6 col 1' });
    expect(byText('数量指标')).toMatchObject({ row: 5, col: 1, rowSpan: 2, colSpan: 1 });
    expect(byText('供餐天数')).toMatchObject({ row: 6, col: 2 });
    expect(byText('质量指标')).toMatchObject({ row: 7, col: 1, rowSpan: 1 });
    expect(byText('学生营养状况\n持续改善')).toMatchObject({ row: 8, col: 2 });
    expect(t.cells.filter((c) => (c.row === 6 || c.row === 7) && c.col === 0)).toEqual([]);
    expect(cellAt(t, 7, 0)?.text).toBe('产出指标');
    expect(cellAt(t, 6, 1)?.text).toBe('数量指标');
    expect(rowsOf(t).map((r) => r.length)).toEqual([2, 4, 3, 2, 5, 5, 3, 4, 5]);
    // Every grid position is covered by exactly one cell.
    for (let r = 0; r < t.rows; r++) for (let c = 0; c < t.cols; c++) expect(t.cells.filter((x) => cellAt({ ...t, cells: [x] }, r, c)).length).toBe(1);
  });

  it('reads the paragraphs around it in order, full-width spaces kept', () => {
    expect(g.blocks.map((b) => (b.kind === 'text' ? b.at : b.table.at))).toEqual(['paragraph 1', 'paragraph 2', 'paragraph 3', 'table 1', 'paragraph 4']);
    expect(texts(g)).toEqual(['项目支出绩效目标申报表', '（2024年度）', '填报单位（盖章）：某县教育局　　　单位：万元', '填报人：张三　　联系电话：0311-1234567']);
  });

  it('gives the same cells as the HTML it was made from, field by field', () => {
    const fromHtml = grid(readHtml(fixture('indicators.html')));
    const [a] = tables(g);
    const [b] = tables(fromHtml);
    expect([b.rows, b.cols]).toEqual([a.rows, a.cols]);
    expect(shape(b)).toEqual(shape(a));
    expect(b.cells.map((c) => c.at)).toEqual(a.cells.map((c) => c.at));
    // The HTML adds only its <title>.
    expect(texts(fromHtml)).toEqual(['项目支出绩效目标申报表', ...texts(g)]);
  });
});

describe('readDocx: headers, footers, notes and nested tables', () => {
  const g = grid(readDocx(fixture('word-margins.docx')));

  it('puts header text first and footer text last, and says so', () => {
    expect(g.blocks[0]).toEqual({ kind: 'text', text: '某县财政局　预算绩效目标表', at: 'header 1' });
    expect(g.blocks.at(-1)).toEqual({ kind: 'text', text: '第1页', at: 'footer 1' });
    expect(g.notes).toContain('1 header(s) and 1 footer(s) read: header text put first, footer text last');
    expect(g.notes).toContain('1 footnote(s) or endnote(s) left out');
  });

  it('keeps tabs and line breaks inside a paragraph', () => {
    expect(g.blocks[1]).toEqual({ kind: 'text', text: '项目名称：\t道路维修\n资金单位：万元', at: 'paragraph 1' });
  });

  it('flattens a nested table into its cell, rows by line and cells by tab', () => {
    const [t] = tables(g);
    expect(tables(g)).toHaveLength(1);
    expect(shape(t)).toEqual([
      { text: '年度目标', row: 0, col: 0, rowSpan: 1, colSpan: 1 },
      { text: '完成道路维修\n指标\t目标值\n维修里程\t≥12公里', row: 0, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '备注', row: 1, col: 0, rowSpan: 1, colSpan: 1 },
      { text: '第一段\n第二段', row: 1, col: 1, rowSpan: 1, colSpan: 1 },
    ]);
    // The empty paragraph after the table still counts, so locations match the document's paragraphs.
    expect(g.blocks.at(-2)).toEqual({ kind: 'text', text: '以上内容属实。', at: 'paragraph 3' });
  });
});

describe('readDocx on Word markup', () => {
  it('skips deleted text and field codes, keeps insertions, links, content controls, smart tags and simple fields', () => {
    const body = `<w:p>
        <w:r><w:t xml:space="preserve">预算 </w:t></w:r>
        <w:del w:id="1" w:author="a"><w:r><w:delText>100</w:delText></w:r></w:del>
        <w:ins w:id="2" w:author="a"><w:r><w:t>120</w:t></w:r></w:ins>
        <w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>万元</w:t></w:r></w:hyperlink>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>（见表</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
        <w:fldSimple w:instr=" SEQ 表 "><w:r><w:t>1</w:t></w:r></w:fldSimple>
        <w:smartTag w:uri="u" w:element="e"><w:r><w:t>）</w:t></w:r></w:smartTag>
      </w:p>
      <w:sdt><w:sdtPr><w:alias w:val="单位"/></w:sdtPr><w:sdtContent>${p('某县&amp;水利局')}</w:sdtContent></w:sdt>
      <w:p><w:r><w:t>文本框外</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p('框内')}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p('框内')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const g = grid(readDocx(docx(body)));
    expect(g.blocks).toEqual([
      { kind: 'text', text: '预算 120万元（见表1）', at: 'paragraph 1' },
      { kind: 'text', text: '某县&水利局', at: 'paragraph 2' },
      { kind: 'text', text: '文本框外\n框内', at: 'paragraph 3' },
    ]);
  });

  it('shifts rows by gridBefore, pads by gridAfter, merges down on a bare vMerge and drops deleted rows', () => {
    const body = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr>${tc('一级指标', '<w:vMerge w:val="restart"/>')}${tc('二级指标', '<w:gridSpan w:val="2"/>')}${tc('指标值')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('数量')}${tc('质量')}${tc('100%')}</w:tr>
      <w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>${tc('删掉的行')}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="2"/></w:trPr>${tc('右移')}</w:tr>
      <w:sdt><w:sdtContent><w:tr>${tc('控件中的行', '<w:gridSpan w:val="4"/>')}</w:tr></w:sdtContent></w:sdt>
    </w:tbl>`;
    const [t] = tables(grid(readDocx(docx(body))));
    expect([t.rows, t.cols]).toEqual([4, 4]);
    expect(shape(t)).toEqual([
      { text: '一级指标', row: 0, col: 0, rowSpan: 2, colSpan: 1 },
      { text: '二级指标', row: 0, col: 1, rowSpan: 1, colSpan: 2 },
      { text: '指标值', row: 0, col: 3, rowSpan: 1, colSpan: 1 },
      { text: '数量', row: 1, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '质量', row: 1, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '100%', row: 1, col: 3, rowSpan: 1, colSpan: 1 },
      { text: '右移', row: 2, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '控件中的行', row: 3, col: 0, rowSpan: 1, colSpan: 4 },
    ]);
    expect(t.cells[6].at).toBe('table 1 row 3 col 2');
  });

  it('reads through a one-cell frame round the real table instead of flattening the table away', () => {
    const inner = `<w:tbl><w:tr>${tc('指标')}${tc('指标值')}</w:tr><w:tr>${tc('里程')}${tc('12公里')}</w:tr></w:tbl>`;
    const g = grid(readDocx(docx(`<w:tbl><w:tr><w:tc>${p('绩效目标表')}${inner}${p('')}</w:tc></w:tr></w:tbl>`)));
    expect(g.blocks.map((b) => b.kind)).toEqual(['text', 'table']);
    expect(shape(tables(g)[0]).map((c) => c.text)).toEqual(['指标', '指标值', '里程', '12公里']);
  });

  it('finds the main part through the package relationships and reads a default-namespace document', () => {
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/doc/main.xml"/></Relationships>';
    const zip = zipSync({
      '_rels/.rels': strToU8(rels),
      'doc/main.xml': strToU8('<document xmlns="http://purl.oclc.org/ooxml/wordprocessingml/main"><body><p><r><t>严格格式</t></r></p></body></document>'),
    });
    expect(grid(readDocx(zip)).blocks).toEqual([{ kind: 'text', text: '严格格式', at: 'paragraph 1' }]);
  });
});

describe('readDocx refuses what it cannot read, precisely and fast', () => {
  const good = fixture('indicators.docx');

  it('an empty file', () => {
    expect(error(readDocx(new Uint8Array()))).toEqual({ where: null, expected: 'a Word document (word/document.xml in the zip)', found: 'an empty file' });
  });

  it('a truncated zip', () => {
    const e = error(readDocx(good.subarray(0, Math.floor(good.length / 2))));
    expect(e.found).toMatch(/^a damaged or truncated zip/);
  });

  it('a zip whose compressed data is garbled', () => {
    const bad = good.slice();
    for (let i = 200; i < bad.length - 1200; i += 7) bad[i] ^= 0x5a;
    expect(error(readDocx(bad))).toMatchObject({ where: '_rels/.rels', found: expect.stringMatching(/^a damaged or truncated zip/) });
    // One flipped bit that still inflates is caught by the checksum.
    const entry = zipSync({ 'word/document.xml': [strToU8(`<w:document ${W}><w:body>${p('一级指标')}</w:body></w:document>`), { level: 0 }] });
    const at = entry.findIndex((_, i) => entry[i] === 0xe4 && entry[i + 1] === 0xb8); // 一
    entry[at + 2] ^= 1;
    expect(error(readDocx(entry))).toEqual({ where: 'word/document.xml', expected: 'a Word document (word/document.xml in the zip)', found: 'a damaged or truncated zip (its checksum does not match)' });
  });

  it('any truncation or corruption of a real document: a result, never a throw', () => {
    fc.assert(
      fc.property(fc.nat({ max: good.length }), fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 })), { maxLength: 20 }), (cut, flips) => {
        const bad = good.slice(0, Math.max(cut, 1));
        for (const [at, x] of flips) if (at < bad.length) bad[at] ^= x;
        const r = readDocx(bad);
        if (!r.ok) expect(r.error.found).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });

  it('a zip that is a workbook, or holds something else', () => {
    expect(error(readDocx(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })))).toEqual({
      where: 'word/document.xml',
      expected: 'a Word document (word/document.xml in the zip)',
      found: 'a zip with no word/document.xml: an Excel workbook (xl/workbook.xml)',
    });
    expect(error(readDocx(zipSync({ 'a.txt': strToU8('x') }))).found).toBe('a zip with no word/document.xml (1 entries: a.txt)');
  });

  it('an encrypted Word file (a CFB container) or other bytes', () => {
    expect(error(readDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).found).toMatch(/OLE2 \(CFB\) container/);
    expect(error(readDocx(strToU8('<html>not a zip</html>'))).found).toBe('bytes 3c 68 74 6d, not a zip (which starts 50 4b 03 04)');
  });

  it('a document.xml that is not a Word document', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><root/>') });
    expect(error(readDocx(zip))).toMatchObject({ where: 'word/document.xml', found: 'XML whose root is <root> without a body' });
  });

  it('a zip bomb, without inflating it: 300 MB of zeros', () => {
    const bomb = zipSync({ 'word/document.xml': [new Uint8Array(300 * 1024 * 1024), { level: 1 }] });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const t0 = performance.now();
    const e = error(readDocx(bomb));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(e.where).toBe('word/document.xml');
    expect(e.found).toMatch(/^300\.0 MB unpacked: a zip bomb$/);
  });

  it('a zip bomb under the size limit, by its ratio', () => {
    const bomb = zipSync({ 'word/document.xml': [new Uint8Array(50 * 1024 * 1024), { level: 9 }] });
    const e = error(readDocx(bomb));
    expect(e.found).toMatch(/^50\.0 MB from 0\.\d MB \(\d+:1\): a zip bomb$/);
  });

  it('a bomb that lies about its size is stopped as soon as it inflates past what it declares', () => {
    const bomb = zipSync({ 'word/document.xml': [new Uint8Array(150 * 1024 * 1024), { level: 9 }] });
    // Rewrite the central directory's uncompressed size (offset 24 in its entry) to 4 KB.
    const cd = bomb.length - 22 - (46 + 'word/document.xml'.length);
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(cd + 24, 4096, true);
    const t0 = performance.now();
    const e = error(readDocx(bomb));
    expect(performance.now() - t0).toBeLessThan(300);
    expect(e).toEqual({ where: 'word/document.xml', expected: 'a zip entry no bigger than it declares (4096 bytes)', found: 'more data than that: a zip bomb' });
  });
});
