/**
 * Screenshots of every view at 1440×900 and on a 390-wide phone, from a built site and its data, into
 * tests/e2e/screenshots/ (the README shows them), or --out DIR. A partitioned site (a province) also gets
 * the views with a county chosen, where its detail is loaded.
 * Last, the import panel after a batch of files (a document, a PDF, a real text filing, a scan it refuses).
 * Usage: tsx scripts/screenshots.ts [DIST=dist] [--out DIR] [--only NAME,…] (e.g. --only import)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/e2e/browser';
import { settled } from '../tests/e2e/harness';
import { serve } from './serve';

const args = process.argv.slice(2);
const o = args.indexOf('--out');
const out = o >= 0 ? args.splice(o, 2)[1] : join('tests', 'e2e', 'screenshots');
const n = args.indexOf('--only');
const only = n >= 0 ? new Set(args.splice(n, 2)[1].split(',')) : null;
const wanted = (name: string) => !only || only.has(name);
const dist = args[0] ?? 'dist';
mkdirSync(out, { recursive: true });
const { layout } = JSON.parse(readFileSync(join(dist, 'data', 'summary.json'), 'utf8')) as { layout: { partitioned: boolean } };

const server = await serve(dist, 0);
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const browser = await launch();
// Counties by their codes (the site's filter values): 玉田县, 乐亭县, 临西县, and 正定县 in a province.
const [YUTIAN, LETING, LINXI, ZHENGDING] = ['130229', '130225', '130535', '130123'];

/** The project page shown: 玉田's training project (its cost-over-budget finding), found through the site. */
async function projectLink(): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`${base}?view=data&table=projects&county=${YUTIAN}&q=${encodeURIComponent('履职培训')}`);
  await settled(page);
  const href = (await page.locator('[data-project]', { hasText: '市县人大代表人大干部履职培训经费' }).getAttribute('href')) ?? '';
  await page.close();
  return href;
}

const project = await projectLink();
/** The review opinion of that project's filing (a project id is its filing's id and its ordinal). */
const opinion = `?view=opinion&filing=${new URLSearchParams(project).get('project')?.split('-')[0]}`;
const views: [string, string][] = [
  ['overview', ''],
  ['curves', '?view=curves'],
  ['quality', '?view=quality'],
  ['compare', `?view=compare&sides=${LETING},${YUTIAN},${LINXI}&department_kind=${encodeURIComponent('人大常委会')}`],
  ['project', project],
  ['opinion', opinion],
  ['data', `?view=data&table=indicators&county=${LETING}`],
  ['reading', layout.partitioned ? `?view=reading&county=${YUTIAN}` : '?view=reading'],
  // a rule's page (规则说明), and the pages that explain a score, in English too
  ['rule', `?view=rule&rule=basis-generic${layout.partitioned ? `&county=${YUTIAN}` : ''}`],
  ['project-en', `${project}&lang=en`],
  ['rule-en', `?view=rule&rule=basis-generic&lang=en${layout.partitioned ? `&county=${YUTIAN}` : ''}`],
  ['quality-en', '?view=quality&lang=en'],
];
if (layout.partitioned) {
  views.push(
    ['overview-county', `?county=${ZHENGDING}`], ['curves-county', `?view=curves&county=${ZHENGDING}`],
    ['quality-county', `?view=quality&county=${ZHENGDING}`], ['data-province', '?view=data'],
  );
}
const sizes = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

for (const [size, viewport] of Object.entries(sizes)) {
  for (const [name, path] of views) {
    if (!wanted(name)) continue;
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(new URL(path, base).href);
    await settled(page);
    const file = join(out, `${name}-${size}.png`);
    // (a phone's whole page, but the opinion's: a filing's opinion runs to dozens of screens)
    await page.screenshot({ path: file, fullPage: size === 'phone' && name !== 'opinion' });
    console.log(file);
    await page.close();
  }
}
// The opinion's first printed page, as print media lays it out on an A4 sheet (794 × 1123 CSS pixels).
if (wanted('opinion-print')) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.goto(new URL(opinion, base).href);
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  await page.addStyleTag({ content: 'body { padding: 16mm 14mm; }' }); // the @page margins, which a screenshot has not
  await page.screenshot({ path: join(out, 'opinion-print.png') });
  console.log(join(out, 'opinion-print.png'));
}
// The import: files chosen, read, listed (one refused), their reading report opened below the panel.
if (wanted('import') && !layout.partitioned) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 1200 });
  await page.goto(base);
  await settled(page);
  await page.click('[data-import-toggle]');
  const files = ['tests/fixtures/templates/project-form.docx', 'tests/fixtures/templates/mof-2021.pdf', 'tests/fixtures/corpus/zhaohua_wsj_tkzfz_2021.txt', 'tests/fixtures/sources/pdf-scan.pdf'];
  await page.locator('[data-import-input]').setInputFiles(files);
  await page.waitForSelector('[data-import-outcome]');
  await settled(page);
  await page.screenshot({ path: join(out, 'import-desktop.png') });
  console.log(join(out, 'import-desktop.png'));
  await page.close();
}
await browser.close();
server.close();
