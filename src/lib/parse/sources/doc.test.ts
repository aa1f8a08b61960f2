import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { error, fixture, grid, layout, tablesOf } from './fixtures';
import { readDoc } from './doc';

// Fixtures: doc-indicator.html and doc-latin.html saved by LibreOffice 7.4 Writer as "MS Word 97"
// (.doc); doc-encrypted.doc is doc-indicator saved with a password.

const tables = tablesOf;

/** The streams of an OLE file, to look inside a fixture or to damage it on purpose. */
const open = (bytes: Uint8Array) => CFB.read(bytes, { type: 'array' });
const stream = (c: CFB.CFB$Container, name: string) => {
  const e = CFB.find(c, name)!;
  e.content = Uint8Array.from(e.content);
  return e.content as Uint8Array;
};
const save = (c: CFB.CFB$Container) => new Uint8Array(CFB.write(c, { type: 'array' }) as number[]);

describe('readDoc on a LibreOffice .doc', () => {
  const bytes = fixture('doc-indicator.doc');
  const g = grid(readDoc(bytes));

  it('reports format and encoding', () => {
    expect(g.format).toBe('doc');
    expect(g.encoding).toBe('word97');
    expect(g.notes).toEqual([]);
  });

  it('gives the paragraphs and tables in order, field codes left out', () => {
    // The fixture really holds a HYPERLINK field (\x13 code \x14 result \x15).
    const text = new TextDecoder('utf-16le').decode(stream(open(bytes), 'WordDocument'));
    expect(text).toContain('\x13 HYPERLINK "http://example.gov.cn/kpi"\x01\x14绩效管理办法\x15');
    expect(g.blocks.map((b) => (b.kind === 'text' ? `${b.at}: ${b.text}` : `${b.table.at} ${b.table.rows}x${b.table.cols}`))).toEqual([
      'paragraph 1: 1.智慧人大系统运行维护经费绩效目标表',
      'paragraph 2: 单位：万元\n填报日期：2024年1月', // a <br> is a line break (\x0b) in the paragraph
      'table 1 7x4',
      'paragraph 3: 详见绩效管理办法第三条。',
      'table 2 1x2',
      'paragraph 4: 说明：以上指标按年度考核。',
    ]);
  });

  it('reads cells with their vertical and horizontal merges', () => {
    expect(layout(tables(g.blocks)[0])).toEqual([
      '项目名称@0,0 1x1 table 1 row 1 col 1',
      '智慧人大系统运行维护@0,1 1x3 table 1 row 1 col 2',
      '资金总额@1,0 1x1 table 1 row 2 col 1',
      '12,345.60@1,1 1x1 table 1 row 2 col 2',
      '其中：财政拨款@1,2 1x1 table 1 row 2 col 3',
      '3.00@1,3 1x1 table 1 row 2 col 4',
      '一级指标@2,0 1x1 table 1 row 3 col 1',
      '二级指标@2,1 1x1 table 1 row 3 col 2',
      '三级指标@2,2 1x1 table 1 row 3 col 3',
      '指标值@2,3 1x1 table 1 row 3 col 4',
      '产出指标@3,0 3x1 table 1 row 4 col 1',
      '数量指标@3,1 2x1 table 1 row 4 col 2',
      '维护系统数量@3,2 1x1 table 1 row 4 col 3',
      '≥3套@3,3 1x1 table 1 row 4 col 4',
      '服务次数@4,2 1x1 table 1 row 5 col 3',
      '12次@4,3 1x1 table 1 row 5 col 4',
      '质量指标@5,1 1x1 table 1 row 6 col 2',
      '系统正常运行率@5,2 1x1 table 1 row 6 col 3',
      '25%@5,3 1x1 table 1 row 6 col 4',
      '效益指标@6,0 1x1 table 1 row 7 col 1',
      '社会效益@6,1 1x1 table 1 row 7 col 2',
      '服务对象满意度\n（问卷）@6,2 1x1 table 1 row 7 col 3',
      '≥90%@6,3 1x1 table 1 row 7 col 4',
    ]);
  });

  it('flattens a nested table into its cell', () => {
    expect(layout(tables(g.blocks)[1])).toEqual(['备注@0,0 1x1 table 2 row 1 col 1', '内容\n甲\n乙@0,1 1x1 table 2 row 1 col 2']);
  });
});

describe('readDoc on a .doc with a header, a footer, a footnote and a nested table', () => {
  // doc-notes.fodt saved by LibreOffice as "MS Word 97".
  const g = grid(readDoc(fixture('doc-notes.doc')));

  it('reads the body only and says what it left out', () => {
    expect(g.notes).toEqual([
      "The document's footnotes (12 characters) were left out.",
      "The document's headers and footers (25 characters) were left out.",
    ]);
    const all = JSON.stringify(g.blocks);
    for (const other of ['注：含上年结转', '预算绩效目标表', '第1页']) expect(all).not.toContain(other);
  });

  it('keeps tabs and line breaks, drops the footnote mark, flattens the nested table', () => {
    expect(g.blocks[0]).toEqual({ kind: 'text', text: '项目名称：\t道路维修\n资金单位：万元', at: 'paragraph 1' });
    expect(layout(tables(g.blocks)[0])).toEqual([
      '年度目标@0,0 1x1 table 1 row 1 col 1',
      '完成道路维修\n指标\n目标值\n维修里程\n≥12公里@0,1 1x1 table 1 row 1 col 2',
      '备注@1,0 1x1 table 1 row 2 col 1',
      '第一段\n第二段@1,1 1x1 table 1 row 2 col 2',
    ]);
    expect(g.blocks[2]).toEqual({ kind: 'text', text: '以上内容属实。', at: 'paragraph 2' });
  });
});

/**
 * The same document with its one piece stored compressed (8-bit cp1252, fc/2) instead of UTF-16, as
 * Word does for Western text: the text is rewritten in place and the paragraph runs' FCs follow it.
 */
function compressed(bytes: Uint8Array): Uint8Array {
  const c = open(bytes);
  const word = stream(c, 'WordDocument');
  const w = new DataView(word.buffer);
  const table = stream(c, w.getUint16(0x0a, true) & 0x0200 ? '1Table' : '0Table');
  const t = new DataView(table.buffer);
  const clx = w.getUint32(0x1a2, true);
  expect(table[clx]).toBe(0x02); // no Prc: the Pcdt comes first
  expect(t.getUint32(clx + 1, true)).toBe(16); // one piece
  const n = t.getUint32(clx + 9, true);
  const fc = t.getUint32(clx + 15, true);
  const text = new TextDecoder('utf-16le').decode(word.subarray(fc, fc + 2 * n));
  const cp1252: Record<string, number> = { '€': 0x80 };
  for (let i = 0; i < n; i++) word[fc + i] = cp1252[text[i]] ?? text.charCodeAt(i);
  t.setUint32(clx + 15, (fc * 2) | 0x40000000, true);
  const plc = w.getUint32(0x102, true);
  const pages = (w.getUint32(0x106, true) - 4) / 8;
  for (let i = 0; i < pages; i++) {
    const page = t.getUint32(plc + (pages + 1) * 4 + i * 4, true) * 512;
    for (let k = 0; k <= word[page + 511]; k++) {
      const f = w.getUint32(page + k * 4, true);
      if (f >= fc && f <= fc + 2 * n) w.setUint32(page + k * 4, fc + (f - fc) / 2, true);
    }
  }
  return save(c);
}

describe('readDoc text storage', () => {
  const unicode = grid(readDoc(fixture('doc-latin.doc')));

  it('reads UTF-16 pieces', () => {
    expect(unicode.blocks[0]).toEqual({ kind: 'text', text: 'Budget 2024: 12 €, café', at: 'paragraph 1' });
    expect(layout(tables(unicode.blocks)[0])).toEqual([
      'Output@0,0 2x1 table 1 row 1 col 1',
      'Servers@0,1 1x1 table 1 row 1 col 2',
      '3@0,2 1x1 table 1 row 1 col 3',
      'Uptime@1,1 1x1 table 1 row 2 col 2',
      '99%@1,2 1x1 table 1 row 2 col 3',
    ]);
  });

  it('reads compressed pieces (cp1252 at fc/2) the same, tables included', () => {
    expect(grid(readDoc(compressed(fixture('doc-latin.doc'))))).toEqual(unicode);
  });
});

describe('readDoc bad input', () => {
  const bytes = fixture('doc-indicator.doc');

  it('refuses a password-protected document', () => {
    expect(error(readDoc(fixture('doc-encrypted.doc')))).toEqual({
      where: null,
      expected: 'an unencrypted Word document',
      found: 'a password-protected Word document',
    });
  });

  it('refuses other files with what they are', () => {
    expect(error(readDoc(new Uint8Array(0))).found).toBe('an empty file');
    expect(error(readDoc(fixture('sheet-indicator.xls'))).found).toBe('an Excel workbook (.xls)');
    expect(error(readDoc(fixture('sheet-indicator.xlsx'))).found).toMatch(/^a zip archive/);
    expect(error(readDoc(new TextEncoder().encode('{\\rtf1\\ansi 项目}'))).found).toBe('an RTF document');
    expect(error(readDoc(new TextEncoder().encode('项目名称\t金额'))).found).toBe('plain text');
  });

  it('refuses truncated documents', () => {
    for (const n of [8, 600, 4000, bytes.length - 600]) {
      expect(readDoc(bytes.subarray(0, n)).ok, `${n} bytes`).toBe(false);
    }
  });

  it('names the piece table when it is damaged', () => {
    const c = open(bytes);
    const word = stream(c, 'WordDocument');
    const table = stream(c, '1Table');
    const clx = new DataView(word.buffer).getUint32(0x1a2, true);
    table[clx] = 0x07; // neither a Prc nor a Pcdt
    expect(error(readDoc(save(c)))).toMatchObject({ where: `piece table (byte ${clx} of 1Table)`, expected: 'a Pcdt (0x02) in the CLX' });
    table[clx] = 0x02;
    new DataView(table.buffer).setUint32(clx + 5 + 4, 0x7fffff, true); // the piece runs past the stream
    expect(error(readDoc(save(c))).expected).toBe('a piece inside the WordDocument stream');
  });

  it('refuses a wrong FIB identifier', () => {
    const c = open(bytes);
    stream(c, 'WordDocument')[0] = 0;
    expect(error(readDoc(save(c)))).toMatchObject({ where: 'byte 0' });
  });

  it('never throws or hangs on damaged bytes', () => {
    let seed = 3;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 150; i++) {
      const damaged = bytes.slice();
      for (let k = 0; k < 1 + (i % 10); k++) damaged[Math.floor(random() * damaged.length)] ^= 1 + Math.floor(random() * 255);
      const started = performance.now();
      const r = readDoc(damaged);
      expect(performance.now() - started).toBeLessThan(1000);
      if (!r.ok) expect(r.error.expected).toBeTruthy();
    }
  });
});
