import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cellAt, LIMITS, type Block, type Grid, type GridTable, type SourceResult } from '../grid';
import { readPdf } from './pdf';
import { pdfAssets } from './pdf-node';

// Fixtures are LibreOffice exports of the .html next to them (soffice --infilter="HTML (StarWriter)"
// --convert-to pdf:writer_pdf_Export); pdf-password.pdf is the same with the open password `secret`,
// pdf-scan.pdf a page image of pdf-indicators.pdf and nothing else.
const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../tests/fixtures/sources/${name}`, import.meta.url))));

const read = (bytes: Uint8Array, budgetMs?: number) => readPdf(bytes, { ...pdfAssets(), budgetMs });

function grid(r: SourceResult): Grid {
  if (!r.ok) throw new Error(`expected a grid, got ${JSON.stringify(r.error)}`);
  return r.grid;
}
const tables = (g: Grid) => g.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const texts = (g: Grid) => g.blocks.flatMap((b) => (b.kind === 'text' ? [b] : []));
/** [text, row, col, rowSpan, colSpan, at] per cell, in the table's order. */
const cellRows = (t: GridTable) => t.cells.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan, c.at]);

describe('readPdf: a ruled indicator table (LibreOffice)', async () => {
  const g = grid(await read(fixture('pdf-indicators.pdf')));

  it('is a pdf grid with no notes', () => {
    expect(g.format).toBe('pdf');
    expect(g.encoding).toBe('pdf');
    expect(g.notes).toEqual([]);
  });

  it('keeps the text around the table in order: title, unit, table, signature', () => {
    expect(g.blocks.map((b: Block) => b.kind)).toEqual(['text', 'text', 'table', 'text']);
    expect(texts(g)).toEqual([
      { kind: 'text', text: '2024年度项目支出绩效目标表', at: 'p1 x57 y28' },
      { kind: 'text', text: '单位：万元', at: 'p1 x57 y48' },
      // The full-width space between the two is a 1 em gap in the PDF: it stays a space.
      { kind: 'text', text: '填报人：张三 联系电话：0791-1234567', at: 'p1 x57 y254' },
    ]);
  });

  it('rebuilds every cell with its spans and top-left position', () => {
    const [t] = tables(g);
    expect([t.rows, t.cols, t.at]).toEqual([7, 5, 'p1 x57 y70']);
    expect(cellRows(t)).toEqual([
      ['项目名称', 0, 0, 1, 1, 'p1 x57 y70'],
      ['农村公路养护工程', 0, 1, 1, 4, 'p1 x112 y70'],
      ['一级指标', 1, 0, 1, 1, 'p1 x57 y88'],
      ['二级指标', 1, 1, 1, 1, 'p1 x112 y88'],
      ['三级指标', 1, 2, 1, 1, 'p1 x175 y88'],
      ['指标值', 1, 3, 1, 1, 'p1 x270 y88'],
      ['依据', 1, 4, 1, 1, 'p1 x330 y88'],
      ['产出指标', 2, 0, 3, 1, 'p1 x57 y106'],
      ['数量指标', 2, 1, 2, 1, 'p1 x112 y106'],
      // Wrapped at the column width in the PDF: the lines join with nothing between CJK.
      ['新建改建农村公路里程数', 2, 2, 1, 1, 'p1 x175 y106'],
      // `≥12` and `公里` are two runs with a small gap: no space next to CJK.
      ['≥12公里', 2, 3, 1, 1, 'p1 x270 y106'],
      ['县交通运输局2024年度农村公路建设计划及项目批复文件', 2, 4, 1, 1, 'p1 x330 y106'],
      ['维修桥梁数量', 3, 2, 1, 1, 'p1 x175 y147'],
      ['3座', 3, 3, 1, 1, 'p1 x270 y147'],
      ['项目实施方案', 3, 4, 1, 1, 'p1 x330 y147'],
      ['质量指标', 4, 1, 1, 1, 'p1 x112 y165'],
      ['工程验收合格率', 4, 2, 1, 1, 'p1 x175 y165'],
      ['100%', 4, 3, 1, 1, 'p1 x270 y165'],
      // The wrap inside item 1 joins; the break before item 2 stays.
      ['1.公路工程质量检验评定标准\n2.项目验收办法', 4, 4, 1, 1, 'p1 x330 y165'],
      ['效益指标', 5, 0, 1, 1, 'p1 x57 y206'],
      ['社会效益指标', 5, 1, 1, 1, 'p1 x112 y206'],
      ['群众出行便利程度', 5, 2, 1, 1, 'p1 x175 y206'],
      ['明显提升', 5, 3, 1, 2, 'p1 x270 y206'],
      ['备注', 6, 0, 1, 1, 'p1 x57 y236'],
      ['', 6, 1, 1, 4, 'p1 x112 y236'],
    ]);
  });

  it('resolves covered positions to the merged cell', () => {
    const [t] = tables(g);
    expect(cellAt(t, 4, 0)?.text).toBe('产出指标');
    expect(cellAt(t, 3, 1)?.text).toBe('数量指标');
    expect(cellAt(t, 0, 4)?.text).toBe('农村公路养护工程');
    expect(cellAt(t, 5, 4)?.text).toBe('明显提升');
    // Covered positions have no cell of their own: 35 positions, 25 cells.
    expect(t.cells.reduce((n, c) => n + c.rowSpan * c.colSpan, 0)).toBe(t.rows * t.cols);
  });

  it('leaves the caller’s bytes usable (pdf.js gets a copy)', async () => {
    const bytes = fixture('pdf-indicators.pdf');
    await read(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(grid(await read(bytes)).blocks).toHaveLength(4);
  });
});

describe('readPdf: text, and a table without lines (stream mode)', async () => {
  const g = grid(await read(fixture('pdf-stream.pdf')));

  it('joins a paragraph wrapped over lines and numbers the pages', () => {
    expect(texts(g)).toEqual([
      { kind: 'text', text: '一、项目概况', at: 'p1 x57 y28' },
      {
        kind: 'text',
        text: '本项目为县级财政预算安排的农村公路日常养护项目，主要用于全县乡道、村道的路面修补、边沟清理、标志标线维护以及桥梁日常巡查等工作，确保公路设施完好率达到省定标准。',
        at: 'p1 x57 y48',
      },
      { kind: 'text', text: '二、资金安排（单位：万元）', at: 'p2 x57 y28' },
    ]);
  });

  it('reads the borderless table from the alignment of its text', () => {
    expect(g.blocks.map((b) => b.kind)).toEqual(['text', 'text', 'text', 'table']);
    const [t] = tables(g);
    expect([t.rows, t.cols]).toEqual([4, 3]);
    expect(t.cells.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      ['支出项目', 0, 0, 1, 1], ['预算数', 0, 1, 1, 1], ['执行数', 0, 2, 1, 1],
      ['办公经费', 1, 0, 1, 1], ['12.50', 1, 1, 1, 1], ['11.00', 1, 2, 1, 1],
      ['差旅费', 2, 0, 1, 1], ['3.00', 2, 1, 1, 1], ['2.80', 2, 2, 1, 1],
      ['合计', 3, 0, 1, 1], ['15.50', 3, 1, 1, 1], ['13.80', 3, 2, 1, 1],
    ]);
    expect(t.cells.every((c) => c.at.startsWith('p2 '))).toBe(true);
  });
});

describe('readPdf: the seed filings LibreOffice printed (tests/fixtures/formats, tests/fixtures/templates)', async () => {
  const file = (dir: string, name: string) =>
    new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../tests/fixtures/${dir}/${name}`, import.meta.url))));
  const [g000, g001, g002, g003, g004, overall] = await Promise.all(
    [['formats', '000.pdf'], ['formats', '001.pdf'], ['formats', '002.pdf'], ['formats', '003.pdf'], ['formats', '004.pdf'], ['templates', 'department-overall.pdf']]
      .map(async ([dir, name]) => grid(await read(file(dir, name)))),
  );
  const table = (g: Grid, where: string) => tables(g).find((t) => t.at === where)!;
  const cell = (t: GridTable, row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col);

  it('puts the rest of a row split at a page break back into its cells, and drops the rest row', () => {
    // 效益指标 | 经济效益指标 | 确保正常运 / 行 | … | 根据年初工作计 / 划安排, across pages 3 and 4.
    const end = table(g000, 'p3 x57 y508');
    expect([end.rows, cell(end, 12, 2)?.text, cell(end, 12, 7)?.text]).toEqual([13, '确保正常运行', '根据年初工作计划安排']);
    const next = table(g000, 'p4 x57 y28');
    expect(next.cells.slice(0, 3).map((c) => [c.text, c.row, c.col, c.rowSpan])).toEqual([
      ['', 0, 0, 2], ['社会效益指标', 0, 1, 1], ['确保正常运行', 0, 2, 1],
    ]);
  });

  it('keeps a further paragraph of a split row’s cell as a line of its own', () => {
    expect(cell(table(g004, 'p2 x57 y28'), 3, 2)?.text).toBe(
      '办理来信来访，县人大日常活动，代表大会和常委会会议公报、人大工作年鉴；负责与外县市人民代表大会常务委员会联系。\n' +
      '办理来信来访，日常活动和县人大代表团出访事务，常委会新闻发布和对外宣传，人大系列工作的宣传报道；会议表决系统建设与维护；' +
      '代表大会和常委会会议公报、人大工作年鉴、大事记和组织史的编写及印刷；负责县内外人民代表大会常务委员会联系；重大课题调研。');
  });

  it('joins a merged cell the page break went through, and keeps the new row under it', () => {
    // 资金支出 / 计划（%） spans the months row (page 4) and the percentages row (page 5).
    expect(cell(table(g001, 'p4 x57 y686'), 4, 0)?.text).toBe('资金支出计划（%）');
    expect(table(g001, 'p5 x57 y28').cells.slice(0, 5).map((c) => [c.text, c.row, c.col])).toEqual([
      ['', 0, 0], ['', 0, 1], ['90.00%', 0, 3], ['100.00%', 0, 4], ['100.00%', 0, 5],
    ]);
  });

  it('does not merge cells across a border left out of the drawing (the sides of a merged cell are whole)', () => {
    // LibreOffice drew 产出指标 (4 rows) one row high and left the table's left border out below it.
    const t = table(g003, 'p6 x57 y28');
    expect(t.cells.filter((c) => c.col === 0 && c.row >= 6).map((c) => [c.text, c.row, c.rowSpan])).toEqual([
      ['产出指标', 6, 1], ['', 7, 3], ['效益指标', 10, 2], ['满意度指标', 12, 1],
    ]);
  });

  it('keeps a line break in a cell where the line ended short of the cell’s edge', () => {
    const goals = tables(overall).flatMap((t) => t.cells).find((c) => c.text.startsWith('目标1'));
    expect(goals?.text).toBe('目标1：保障全县义务教育学校正常运转，落实义务教育经费保障机制。\n目标2：完成8所农村薄弱学校校舍改造，改善办学条件。\n目标3：落实学生资助政策，确保应助尽助。');
  });

  it('spaces words as written: a word space kept, the ~0.2 em set between CJK and Latin not, no space before %', () => {
    const prose = texts(g002).map((b) => b.text).join('\n');
    expect(prose).toContain('年初预算安排5013844.46元，');
    expect(prose).toContain('指标值，正常运转 3、满意度指标');
    // `100.00` wrapped before its `%` in a narrow cell (p3): joined with nothing between.
    expect(cell(table(g001, 'p3 x57 y381'), 5, 6)?.text).toBe('100.00%');
  });
});

/** A PDF file from its objects (object n is `objs[n - 1]`), with a correct xref. ASCII only. */
function pdfOf(objs: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets = objs.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const HELVETICA = ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
/** A CJK font the PDF does not embed, its text in UCS-2 codes: pdf.js needs the UniGB-UCS2-H CMap. */
const ST_SONG = [
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R >>',
  '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
];

/**
 * A minimal PDF written by hand: font F1 (objects 3…), one content stream per page or one shared by
 * all. For what LibreOffice does not make: borders drawn as thin filled rectangles under a scaling
 * matrix, a non-embedded CJK font, more pages than the limit.
 */
function handPdf(contents: string[], pageCount = contents.length, font = HELVETICA, size = 200): Uint8Array {
  const first = 3 + font.length;
  const pages = Array.from({ length: pageCount }, (_, i) =>
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size} ${size}] /Resources << /Font << /F1 3 0 R >> >> ` +
    `/Contents ${first + Math.min(i, contents.length - 1)} 0 R >>`);
  const kids = pages.map((_, i) => `${first + contents.length + i} 0 R`);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pageCount} >>`,
    ...font,
    ...contents.map((c) => `<< /Length ${c.length} >>\nstream\n${c}\nendstream`),
    ...pages,
  ]);
}

const text = (x: number, y: number, s: string) => `BT /F1 10 Tf ${x} ${y} Td (${s}) Tj ET`;

describe('readPdf: ruling lines drawn as filled rectangles under a transform', () => {
  // Drawn at twice the size, then scaled by 0.5 with `cm`: rows at y 180/140/100/60, columns at
  // x 20/100/180, no line between the columns in the last row.
  const rect = (x: number, y: number, w: number, h: number) => `${x * 2} ${y * 2} ${w * 2} ${h * 2} re f`;
  const lines = [
    ...[180, 140, 100, 60].map((y) => rect(20, y - 0.25, 160, 0.5)),
    rect(20 - 0.25, 60, 0.5, 120), rect(180 - 0.25, 60, 0.5, 120), rect(100 - 0.25, 100, 0.5, 80),
  ];
  const page = [
    'q 0.5 0 0 0.5 0 0 cm 0 0 0 rg', ...lines, 'Q',
    text(20, 190, 'Budget table'),
    text(24, 165, 'Name'), text(104, 165, 'Value'),
    text(24, 125, 'Roads'), text(104, 125, '12.5'),
    // Two runs on one baseline a word-space apart: Latin words keep their space.
    text(24, 85, 'Total:'), text(54, 85, '1 item'),
  ].join('\n');

  it('finds the lattice and the merged last row', async () => {
    const g = grid(await read(handPdf([page])));
    expect(texts(g)).toEqual([{ kind: 'text', text: 'Budget table', at: 'p1 x20 y0' }]);
    const [t] = tables(g);
    expect([t.rows, t.cols, t.at]).toEqual([3, 2, 'p1 x20 y20']);
    expect(cellRows(t)).toEqual([
      ['Name', 0, 0, 1, 1, 'p1 x20 y20'],
      ['Value', 0, 1, 1, 1, 'p1 x100 y20'],
      ['Roads', 1, 0, 1, 1, 'p1 x20 y60'],
      ['12.5', 1, 1, 1, 1, 'p1 x100 y60'],
      ['Total: 1 item', 2, 0, 1, 2, 'p1 x20 y100'],
    ]);
  });
});

describe('readPdf: a CJK font that is not embedded', () => {
  const ucs2 = (s: string) => '<' + [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '>';
  const bytes = handPdf([`BT /F1 12 Tf 20 150 Td ${ucs2('项目名称：农村公路')} Tj ET`], 1, ST_SONG);

  it('reads it with the CMaps pdfAssets() points to', async () => {
    expect(grid(await read(bytes)).blocks).toEqual([{ kind: 'text', text: '项目名称：农村公路', at: 'p1 x20 y38' }]);
  });

  it('without them finds no text, and says the CMaps were missing', async () => {
    const r = await readPdf(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.found).toBe('1 page with no text (blank, or text drawn as shapes; no cMapUrl was given, without which CJK text in fonts with no ToUnicode map reads as nothing)');
  });
});

describe('readPdf: limits', () => {
  it(`reads at most ${LIMITS.pages} pages and says so`, async () => {
    const g = grid(await read(handPdf([text(20, 100, 'Same page')], LIMITS.pages + 5)));
    expect(g.blocks).toHaveLength(LIMITS.pages);
    expect(g.blocks.at(-1)).toEqual({ kind: 'text', text: 'Same page', at: `p${LIMITS.pages} x20 y90` });
    expect(g.notes).toEqual([`read the first ${LIMITS.pages} of ${LIMITS.pages + 5} pages (the limit is ${LIMITS.pages})`]);
  });

  it('stops at the time budget with a SourceError', async () => {
    const r = await read(fixture('pdf-indicators.pdf'), 0);
    expect(r).toEqual({
      ok: false,
      error: { where: 'page 1', expected: 'a PDF read within 0 ms', found: 'stopped after 0 pages' },
    });
  });

  it('leaves out a page of more than 100000 text runs, and still finishes (stream cancelled cleanly)', { timeout: 30_000 }, async () => {
    let runs = '';
    for (let i = 0; i < 100_010; i++) runs += `BT /F1 1 Tf ${10 + (i % 300) * 2} ${10 + Math.floor(i / 300) * 1.5} Td (x) Tj ET\n`;
    const g = grid(await read(handPdf([runs, text(20, 100, 'Next page')], 2, HELVETICA, 620)));
    expect(g.blocks).toEqual([{ kind: 'text', text: 'Next page', at: 'p2 x20 y510' }]);
    expect(g.notes).toEqual(['page 1: more than 100000 text runs, not read']);
  });

  it('notes a page without text among pages with text', async () => {
    const g = grid(await read(handPdf([text(20, 100, 'One'), '', text(20, 100, 'Three')])));
    expect(texts(g).map((b) => [b.text, b.at])).toEqual([['One', 'p1 x20 y90'], ['Three', 'p3 x20 y90']]);
    expect(g.notes).toEqual(['page 2: no text (images or blank), not read']);
  });
});

describe('readPdf: what it refuses', () => {
  const good = fixture('pdf-indicators.pdf');
  const enc = new TextEncoder();

  it('a scan: pages of images and no text', async () => {
    expect(await read(fixture('pdf-scan.pdf'))).toEqual({
      ok: false,
      error: {
        where: null,
        expected: 'a PDF with a text layer',
        found: '1 page of images and no text (a scan): OCR it or ask for the original document',
      },
    });
  });

  it('a blank PDF: no text and no images', async () => {
    const r = await read(handPdf(['', '']));
    expect(r).toEqual({
      ok: false,
      error: { where: null, expected: 'a PDF with a text layer', found: '2 pages with no text (blank, or text drawn as shapes)' },
    });
  });

  it('a password', async () => {
    expect(await read(fixture('pdf-password.pdf'))).toEqual({
      ok: false,
      error: { where: null, expected: 'a PDF without a password', found: 'a password-protected PDF' },
    });
  });

  it('empty bytes, and bytes that are not a PDF', async () => {
    expect(await read(new Uint8Array())).toEqual({ ok: false, error: { where: null, expected: 'a PDF', found: 'an empty file' } });
    expect(await read(enc.encode('PK\x03\x04 not a pdf'))).toEqual({
      ok: false,
      error: { where: 'byte 0', expected: 'a PDF (starting with %PDF-)', found: 'a file starting with "PK.. not a pdf"' },
    });
  });

  it('a file cut short', async () => {
    const half = good.slice(0, good.length >> 1);
    expect(await read(half)).toEqual({
      ok: false,
      error: {
        where: `byte ${half.length}`,
        expected: 'a complete PDF (ending with %%EOF)',
        found: `a PDF cut short after ${half.length} bytes (no %%EOF at its end)`,
      },
    });
  });

  // Each must come back as a SourceError carrying pdf.js's reason, quickly (the test's own timeout
  // catches a hang; the budget bounds the reader).
  const broken: [string, Uint8Array][] = [
    ['cut short with an %%EOF glued on', new Uint8Array([...good.slice(0, good.length >> 1), ...enc.encode('\n%%EOF\n')])],
    ['every byte of the body flipped', good.map((b, i) => (i > 20 && i < good.length - 10 ? b ^ 0x5a : b))],
    ['every 97th byte flipped', good.map((b, i) => (i > 1024 && i % 97 === 0 ? b ^ 0xff : b))],
    ['a header and an end and nothing else', enc.encode('%PDF-1.7\n%%EOF\n')],
  ];
  for (const [name, bytes] of broken) {
    it(`a broken file: ${name}`, { timeout: 10_000 }, async () => {
      const r = await read(bytes, 5_000);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.expected).toBe('a readable PDF');
        expect(r.error.found).toMatch(/^a broken PDF \(pdf\.js: .+\)$/);
      }
    });
  }
});
