/**
 * The HTML reader on the filing fixture (hand-written, then round-tripped through LibreOffice: see
 * docx.test.ts), on a government page's chrome, and on GBK pages made with iconv-lite.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cellAt, type Grid, type GridTable, type SourceResult } from '../grid';
import { readHtml } from './html';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../tests/fixtures/sources/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

function grid(r: SourceResult): Grid {
  if (!r.ok) throw new Error(`expected a grid, got ${JSON.stringify(r.error)}`);
  return r.grid;
}
const tables = (g: Grid): GridTable[] => g.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const texts = (g: Grid) => g.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
const shape = (t: GridTable) => t.cells.map(({ text, row, col, rowSpan, colSpan }) => ({ text, row, col, rowSpan, colSpan }));
const table = (html: string) => tables(grid(readHtml(utf8(html))))[0];

describe('readHtml on the filing fixture', () => {
  const g = grid(readHtml(fixture('indicators.html')));

  it('reads title, headings and paragraphs as text blocks in order', () => {
    expect(g).toMatchObject({ format: 'html', encoding: 'utf-8', notes: [] });
    expect(g.blocks.map((b) => (b.kind === 'text' ? b.at : b.table.at))).toEqual(['paragraph 1', 'paragraph 2', 'paragraph 3', 'paragraph 4', 'table 1', 'paragraph 5']);
    expect(texts(g)).toEqual(['项目支出绩效目标申报表', '项目支出绩效目标申报表', '（2024年度）', '填报单位（盖章）：某县教育局　　　单位：万元', '填报人：张三　　联系电话：0311-1234567']);
  });

  it('places rowspans from above and colspans', () => {
    const [t] = tables(g);
    expect([t.rows, t.cols]).toEqual([9, 5]);
    const row = (r: number) => shape(t).filter((c) => c.row === r);
    expect(row(5)).toEqual([
      { text: '产出指标', row: 5, col: 0, rowSpan: 3, colSpan: 1 },
      { text: '数量指标', row: 5, col: 1, rowSpan: 2, colSpan: 1 },
      { text: '受益学生人数', row: 5, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '≥1200人', row: 5, col: 3, rowSpan: 1, colSpan: 1 },
      { text: '上年实际', row: 5, col: 4, rowSpan: 1, colSpan: 1 },
    ]);
    expect(row(6).map((c) => [c.text, c.col])).toEqual([['供餐天数', 2], ['200天', 3], ['', 4]]);
    expect(row(7).map((c) => [c.text, c.col])).toEqual([['质量指标', 1], ['食品安全达标率', 2], ['100%', 3], ['国家标准', 4]]);
    expect(row(8)[2]).toEqual({ text: '学生营养状况\n持续改善', row: 8, col: 2, rowSpan: 1, colSpan: 1 });
    expect(t.cells.find((c) => c.text === '产出指标')!.at).toBe('table 1 row 6 col 1');
    expect(cellAt(t, 7, 0)?.text).toBe('产出指标');
  });

  it("gives the same blocks from LibreOffice's own HTML export of the Word file made from it", () => {
    const lo = grid(readHtml(fixture('indicators.lo.html')));
    expect(lo.encoding).toBe('utf-8');
    expect(lo.blocks).toEqual(g.blocks);
  });
});

describe('readHtml on a government page', () => {
  const page = `<!DOCTYPE html><html><head>
    <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
    <title>某县2024年项目支出绩效目标公开_某县人民政府</title>
    <style>.nav { color: red }</style><script>var x = "<td>不是表格</td>";</script>
    </head><body>
    <div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/xxgk">信息公开</a></li></ul></div>
    <table width="1000" class="layout"><tr><td>
      <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a>财政预决算</a></div>
      <h2>某县水利局2024年项目绩效目标表</h2>
      <div class="info">发布时间：2024-03-01&nbsp;&nbsp;&nbsp;来源：县财政局</div>
      <table border="1" class="MsoNormalTable">
        <thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr></thead>
        <tbody>
        <tr><td rowspan="3">产出指标</td><td>数量指标</td><td>新建渠道</td><td>12<br/>公里</td></tr>
        <tr><td rowspan="2">质量指标</td><td>验收合格率</td><td>100%</td></tr>
        <tr><td>工程质量</td><td>
          <table><tr><td>标准</td><td>合格</td></tr><tr><td>抽检</td><td>≥95%</td></tr></table>
        </td></tr>
        <tr><td>效益指标</td><td colspan="2">受益群众满意度</td><td><p>≥90%</p><p>　（问卷）</p></td></tr>
        </tbody>
      </table>
      <div class="tools"><a href="javascript:print()">【打印】</a> <a>【关闭】</a></div>
      <div>扫一扫在手机打开当前页<br>相关链接</div>
      <noscript>请启用脚本</noscript>
    </td></tr></table>
    <div class="foot">主办：某县人民政府办公室</div>
    </body></html>`;
  const g = grid(readHtml(utf8(page)));

  it('keeps the chrome as text blocks, one per block element or br-separated line', () => {
    expect(texts(g)).toEqual([
      '某县2024年项目支出绩效目标公开_某县人民政府',
      '首页',
      '信息公开',
      '当前位置：首页 > 财政预决算',
      '某县水利局2024年项目绩效目标表',
      '发布时间：2024-03-01 来源：县财政局',
      '【打印】 【关闭】',
      '扫一扫在手机打开当前页',
      '相关链接',
      '主办：某县人民政府办公室',
    ]);
    expect(g.blocks.filter((b) => b.kind === 'text').map((b) => b.at)).toEqual(Array.from({ length: 10 }, (_, i) => `paragraph ${i + 1}`));
  });

  it('reads through the layout table round the page and finds the filing table in place', () => {
    expect(g.blocks.map((b) => b.kind)).toEqual(['text', 'text', 'text', 'text', 'text', 'text', 'table', 'text', 'text', 'text', 'text']);
    const [t] = tables(g);
    expect(t.at).toBe('table 1');
    expect([t.rows, t.cols]).toEqual([5, 4]);
    expect(shape(t)).toEqual([
      { text: '一级指标', row: 0, col: 0, rowSpan: 1, colSpan: 1 },
      { text: '二级指标', row: 0, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '三级指标', row: 0, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '指标值', row: 0, col: 3, rowSpan: 1, colSpan: 1 },
      { text: '产出指标', row: 1, col: 0, rowSpan: 3, colSpan: 1 },
      { text: '数量指标', row: 1, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '新建渠道', row: 1, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '12\n公里', row: 1, col: 3, rowSpan: 1, colSpan: 1 },
      { text: '质量指标', row: 2, col: 1, rowSpan: 2, colSpan: 1 },
      { text: '验收合格率', row: 2, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '100%', row: 2, col: 3, rowSpan: 1, colSpan: 1 },
      { text: '工程质量', row: 3, col: 2, rowSpan: 1, colSpan: 1 },
      // A table nested in a cell is flattened into it: rows on lines, cells by tabs.
      { text: '标准\t合格\n抽检\t≥95%', row: 3, col: 3, rowSpan: 1, colSpan: 1 },
      { text: '效益指标', row: 4, col: 0, rowSpan: 1, colSpan: 1 },
      { text: '受益群众满意度', row: 4, col: 1, rowSpan: 1, colSpan: 2 },
      // Block children make lines; the full-width space that indents the second is kept.
      { text: '≥90%\n　（问卷）', row: 4, col: 3, rowSpan: 1, colSpan: 1 },
    ]);
    expect(t.cells.at(-1)!.at).toBe('table 1 row 5 col 4');
  });
});

describe('readHtml table placement', () => {
  it('fills around rowspans from several rows above, with unclosed td and tr tags', () => {
    const t = table('<table><tr><td rowspan=3>A<td>B<td rowspan=2>C<tr><td>D<tr><td>E<td>F</table>');
    expect(shape(t).map((c) => [c.text, c.row, c.col, c.rowSpan])).toEqual([
      ['A', 0, 0, 3], ['B', 0, 1, 1], ['C', 0, 2, 2], ['D', 1, 1, 1], ['E', 2, 1, 1], ['F', 2, 2, 1],
    ]);
    expect([t.rows, t.cols]).toEqual([3, 3]);
  });

  it('caps absurd spans, clamps rowspans at the last row, and runs rowspan=0 to the end', () => {
    const t = table('<table><tr><td colspan="99999">宽</td><td rowspan="50">高</td></tr><tr><td rowspan="0">零</td></tr><tr><td>x</td></tr></table>');
    expect(shape(t)).toEqual([
      { text: '宽', row: 0, col: 0, rowSpan: 1, colSpan: 1000 },
      { text: '高', row: 0, col: 1000, rowSpan: 3, colSpan: 1 },
      { text: '零', row: 1, col: 0, rowSpan: 2, colSpan: 1 },
      { text: 'x', row: 2, col: 1, rowSpan: 1, colSpan: 1 },
    ]);
    expect(t.cols).toBe(1001);
  });

  it('flattens a small table nested in a data table, but reads a page grid round a bigger one as flow', () => {
    const inner = '<table><tr><td>指标</td><td>值</td></tr><tr><td>里程</td><td>12</td></tr></table>';
    expect(shape(table(`<table><tr><td>年度目标</td><td>完成${inner}</td></tr><tr><td>备注</td><td>无</td></tr></table>`))[1].text).toBe('完成\n指标\t值\n里程\t12');
    const bigger = inner.replace('</table>', '<tr><td>满意度</td><td>90%</td></tr></table>');
    const g = grid(readHtml(utf8(`<table><tr><td>菜单</td><td>正文</td></tr><tr><td>链接</td><td>${bigger}</td></tr></table>`)));
    expect(g.blocks.map((b) => (b.kind === 'text' ? b.text : b.table.at))).toEqual(['菜单', '正文', '链接', 'table 1']);
    expect(tables(g)[0].cells.map((c) => c.text)).toEqual(['指标', '值', '里程', '12', '满意度', '90%']);
  });

  it('puts thead first and tfoot last, and shows caption and stray text before the table', () => {
    const g = grid(readHtml(utf8('<table><caption>表1 绩效指标</caption><tfoot><tr><td>合计</td></tr></tfoot><tbody><tr><td>体</td></tr></tbody><thead><tr><td>头</td></tr></thead>单位：万元</table>')));
    expect(g.blocks[0]).toEqual({ kind: 'text', text: '单位：万元', at: 'paragraph 1' });
    expect(g.blocks[1]).toEqual({ kind: 'text', text: '表1 绩效指标', at: 'paragraph 2' });
    expect(tables(g)[0].cells.map((c) => c.text)).toEqual(['头', '体', '合计']);
  });

  it('stops at the cell limit and says so', () => {
    const rows = '<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>'.repeat(50_001);
    const g = grid(readHtml(utf8(`<table>${rows}</table>`)));
    expect(tables(g)[0].cells).toHaveLength(200_000);
    expect(g.notes).toEqual(['table 1: only the first 200000 cells read']);
  });
});

describe('readHtml decoding', () => {
  const body = '<p>项目名称：农村公路养护</p><table><tr><td>一级指标</td><td>产出指标</td></tr></table>';
  const read = (b: Uint8Array) => grid(readHtml(b));

  it('reads a GBK page that says so in <meta charset>', () => {
    const g = read(new Uint8Array(iconv.encode(`<html><head><meta charset="gbk"><title>绩效目标</title></head><body>${body}</body></html>`, 'gbk')));
    expect(g.encoding).toBe('gb18030');
    expect(texts(g)).toEqual(['绩效目标', '项目名称：农村公路养护']);
    expect(tables(g)[0].cells.map((c) => c.text)).toEqual(['一级指标', '产出指标']);
  });

  it("reads a GB2312 page that says so in http-equiv, and one that says nothing", () => {
    const meta = `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">${body}`;
    expect(texts(read(new Uint8Array(iconv.encode(meta, 'gb2312'))))).toEqual(['项目名称：农村公路养护']);
    const bare = read(new Uint8Array(iconv.encode(body, 'gb18030')));
    expect([bare.encoding, texts(bare)]).toEqual(['gb18030', ['项目名称：农村公路养护']]);
  });

  it('trusts valid UTF-8 over a copied GBK meta, and honours a BOM', () => {
    expect(read(utf8(`<meta charset="gbk">${body}`)).encoding).toBe('utf-8');
    expect(texts(read(utf8(`<meta charset="gbk">${body}`)))).toEqual(['项目名称：农村公路养护']);
    const le = new Uint8Array(iconv.encode(`\ufeff${body}`, 'utf-16le'));
    expect([read(le).encoding, texts(read(le))]).toEqual(['utf-16le', ['项目名称：农村公路养护']]);
  });
});

describe('readHtml refuses', () => {
  it('an empty file, binary data, and text with no HTML in it', () => {
    expect(readHtml(new Uint8Array())).toEqual({ ok: false, error: { where: null, expected: 'an HTML page', found: 'an empty file' } });
    expect(readHtml(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]))).toMatchObject({ ok: false, error: { found: 'binary data (a NUL character)' } });
    expect(readHtml(utf8('只是一行字'))).toMatchObject({ ok: false, error: { found: 'text with no HTML elements' } });
  });

  it('any bytes, or any cut of a real page: a result, never a throw', () => {
    const page = fixture('indicators.lo.html');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (b) => void readHtml(b)), { numRuns: 300 });
    fc.assert(fc.property(fc.nat({ max: page.length }), (cut) => void readHtml(page.subarray(0, cut))), { numRuns: 100 });
  });

  it('a page nested past any sane depth, without crashing', () => {
    const deep = `${'<div>'.repeat(30_000)}深${'</div>'.repeat(30_000)}`;
    expect(readHtml(utf8(deep))).toMatchObject({ ok: false, error: { found: expect.stringMatching(/^elements nested too deeply/) } });
  });
});
