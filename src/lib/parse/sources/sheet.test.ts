import * as CFB from 'cfb';
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { error, fixture, grid, layout, tablesOf } from './fixtures';
import { cellAt, LIMITS } from '../grid';
import { cellRef, readSheet } from './sheet';

// Fixtures: sheet-indicator.fods (hand-written, with number formats, merges and a hidden sheet) saved
// by LibreOffice 7.4 as .xlsx and .xls; sheet-encrypted.xls is the same book saved with a password.

const tables = tablesOf;

describe.each([
  ['sheet-indicator.xlsx', 'xlsx', 'xlsx'],
  ['sheet-indicator.xls', 'xls', 'biff'],
] as const)('readSheet %s', (file, format, encoding) => {
  const g = grid(readSheet(fixture(file), format));

  it('reports format, encoding and the hidden sheet left out', () => {
    expect(g.format).toBe(format);
    expect(g.encoding).toBe(encoding);
    expect(g.notes).toEqual(['Sheet 隐藏 is hidden and was left out.']);
    expect(JSON.stringify(g.blocks)).not.toContain('不应读取');
  });

  it('cuts the sheets into text and table blocks in order', () => {
    expect(g.blocks.map((b) => (b.kind === 'text' ? `text ${b.at} ${b.text}` : `table ${b.table.at} ${b.table.rows}x${b.table.cols}`))).toEqual([
      'text 绩效目标!A1 1.智慧人大系统运行维护经费绩效目标表', // merged over A1:D1
      'text 绩效目标!D2 单位：万元', // alone in the last column, under the title
      'table 绩效目标!A3 8x4',
      'text 绩效目标!A12 说明：以上指标按年度考核。', // after a blank row
      "table 'My Sheet'!A1 1x2",
      "text 'My Sheet'!A3 一、项目概况：为保障系统稳定运行，\n安排运行维护经费。", // merged over A3:D5
      "table 'My Sheet'!A6 2x2",
    ]);
  });

  it('keeps formatted text, merges as one cell with spans, and blanks as empty cells', () => {
    const [t] = tables(g.blocks);
    expect(layout(t)).toEqual([
      '项目名称@0,0 1x1 绩效目标!A3',
      '智慧人大系统运行维护@0,1 1x3 绩效目标!B3',
      '资金总额@1,0 1x1 绩效目标!A4',
      '12,345.60@1,1 1x1 绩效目标!B4',
      '其中：财政拨款@1,2 1x1 绩效目标!C4',
      '3.00@1,3 1x1 绩效目标!D4',
      '一级指标@2,0 1x1 绩效目标!A5',
      '二级指标@2,1 1x1 绩效目标!B5',
      '三级指标@2,2 1x1 绩效目标!C5',
      '指标值@2,3 1x1 绩效目标!D5',
      '产出指标@3,0 3x1 绩效目标!A6',
      '数量指标@3,1 2x1 绩效目标!B6',
      '维护系统数量@3,2 1x1 绩效目标!C6',
      '≥3套@3,3 1x1 绩效目标!D6',
      '服务次数@4,2 1x1 绩效目标!C7',
      '12次@4,3 1x1 绩效目标!D7',
      '质量指标@5,1 1x1 绩效目标!B8',
      '系统正常运行率@5,2 1x1 绩效目标!C8',
      '25%@5,3 1x1 绩效目标!D8',
      '效益指标@6,0 2x1 绩效目标!A9',
      '社会效益@6,1 1x1 绩效目标!B9',
      '服务对象满意度\n（问卷）@6,2 1x1 绩效目标!C9',
      '≥90%@6,3 1x1 绩效目标!D9',
      // The row under 效益指标 is blank but its merge reaches it, so it stays in the table, full width.
      '@7,1 1x1 绩效目标!B10',
      '@7,2 1x1 绩效目标!C10',
      '@7,3 1x1 绩效目标!D10',
    ]);
  });

  it('covers every position of every table exactly once', () => {
    for (const t of tables(g.blocks)) {
      for (let r = 0; r < t.rows; r++) {
        for (let c = 0; c < t.cols; c++) {
          const owners = t.cells.filter((x) => r >= x.row && r < x.row + x.rowSpan && c >= x.col && c < x.col + x.colSpan);
          expect(owners, `${t.at} ${r},${c}`).toHaveLength(1);
        }
      }
    }
    const [t] = tables(g.blocks);
    expect(cellAt(t, 5, 0)?.text).toBe('产出指标');
    expect(cellAt(t, 7, 0)?.text).toBe('效益指标');
  });

  it('quotes sheet names with spaces and renumbers each table from 0', () => {
    const t = tables(g.blocks)[2];
    expect(layout(t)).toEqual([
      "序号@0,0 1x1 'My Sheet'!A6",
      "名称@0,1 1x1 'My Sheet'!B6",
      "1@1,0 1x1 'My Sheet'!A7",
      "服务器@1,1 1x1 'My Sheet'!B7",
    ]);
  });
});

describe('cellRef', () => {
  it('quotes sheet names the way Excel does', () => {
    expect(cellRef('Sheet1', 11, 1)).toBe('Sheet1!B12');
    expect(cellRef('绩效目标', 0, 0)).toBe('绩效目标!A1');
    expect(cellRef('My Sheet', 0, 27)).toBe("'My Sheet'!AB1");
    expect(cellRef("Bob's", 0, 0)).toBe("'Bob''s'!A1");
    expect(cellRef('2024', 0, 0)).toBe("'2024'!A1");
    expect(cellRef('A1', 0, 0)).toBe("'A1'!A1");
  });
});

/** A workbook SheetJS writes, for the limits (LibreOffice would take far longer to make these). */
function book(sheets: Record<string, unknown[][]>, type: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: type }));
}

describe('readSheet limits', () => {
  it('reads at most LIMITS.sheets sheets and says so', () => {
    const sheets = Object.fromEntries(Array.from({ length: LIMITS.sheets + 3 }, (_, i) => [`表${i + 1}`, [[`第${i + 1}页`, i]]]));
    const g = grid(readSheet(book(sheets), 'xlsx'));
    expect(tables(g.blocks)).toHaveLength(LIMITS.sheets);
    expect(tables(g.blocks).at(-1)!.at).toBe(`表${LIMITS.sheets}!A1`);
    expect(g.notes).toEqual([`Only the first ${LIMITS.sheets} of ${LIMITS.sheets + 3} sheets were read.`]);
  });

  it('reads at most LIMITS.cells cells of a sheet and says so', () => {
    const cols = 500;
    const rows = Array.from({ length: LIMITS.cells / cols + 5 }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c));
    const g = grid(readSheet(book({ Big: rows }), 'xlsx'));
    const [t] = tables(g.blocks);
    expect(t.rows * t.cols).toBeLessThanOrEqual(LIMITS.cells);
    expect(t.rows).toBe(LIMITS.cells / cols);
    expect(t.cells.at(-1)!.text).toBe(String(LIMITS.cells - 1));
    expect(g.notes[0]).toMatch(/^Sheet Big: only the first 400 rows/);
  });

  it('shows a General number whole instead of in E notation', () => {
    const g = grid(readSheet(book({ N: [['金额', 12345678901234]] }, 'biff8'), 'xls'));
    expect(tables(g.blocks)[0].cells[1].text).toBe('12345678901234');
  });
});

describe('readSheet bad input', () => {
  const xlsx = fixture('sheet-indicator.xlsx');
  const xls = fixture('sheet-indicator.xls');

  it('refuses a password-protected .xls', () => {
    expect(error(readSheet(fixture('sheet-encrypted.xls'), 'xls'))).toEqual({
      where: null,
      expected: 'an unprotected workbook',
      found: 'a password-protected (encrypted) workbook',
    });
  });

  it('refuses an encrypted .xlsx (an OLE container with EncryptionInfo and EncryptedPackage)', () => {
    // How Office stores a password-protected .xlsx; the package itself is left unencrypted here.
    const c = CFB.utils.cfb_new();
    CFB.utils.cfb_add(c, '/EncryptionInfo', Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(c, '/EncryptedPackage', xlsx);
    const bytes = new Uint8Array(CFB.write(c, { type: 'array' }) as number[]);
    expect(error(readSheet(bytes, 'xlsx')).expected).toBe('an unprotected workbook');
  });

  it('refuses empty, text, PDF and Word input with what it found', () => {
    expect(error(readSheet(new Uint8Array(0), 'xlsx')).found).toBe('an empty file');
    expect(error(readSheet(new TextEncoder().encode('项目名称,金额\n运维,12'), 'xls')).found).toBe('plain text');
    expect(error(readSheet(new TextEncoder().encode('%PDF-1.7\n'), 'xls')).found).toBe('a PDF file');
    expect(error(readSheet(fixture('doc-indicator.doc'), 'xls')).found).toMatch(/no Workbook stream/);
  });

  it('refuses truncated workbooks', () => {
    expect(error(readSheet(xlsx.subarray(0, xlsx.length - 100), 'xlsx')).found).toMatch(/no central directory/);
    expect(error(readSheet(xlsx.subarray(0, 3000), 'xlsx'))).toMatchObject({ expected: 'an intact .xlsx zip' });
    expect(readSheet(xls.subarray(0, 1500), 'xls').ok).toBe(false);
  });

  it('refuses a zip bomb before unpacking it', () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': [new Uint8Array(8 << 20), { level: 9 }] });
    expect(error(readSheet(bomb, 'xlsx'))).toMatchObject({ where: 'xl/worksheets/sheet1.xml' });
  });

  it('never throws or hangs on damaged bytes', () => {
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const [bytes, format] of [
      [xlsx, 'xlsx'],
      [xls, 'xls'],
    ] as const) {
      for (let i = 0; i < 60; i++) {
        const damaged = bytes.slice();
        for (let k = 0; k < 1 + i % 8; k++) damaged[Math.floor(random() * damaged.length)] ^= 1 + Math.floor(random() * 255);
        const started = performance.now();
        const r = readSheet(damaged, format);
        expect(performance.now() - started).toBeLessThan(2000);
        if (!r.ok) expect(r.error.expected).toBeTruthy();
      }
    }
  });
});
