/**
 * The 对比 view's journeys in headless Chromium: on the site under test (the seeds), counties side by side
 * with the hand-read totals and every number a link to its rows; on a synthetic province of three years
 * (scripts/synth.ts, ingested and built by the real steps, served beside it), a county's years with what
 * changed, the same kind of body ranked across counties, and a project's targets among their peers.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve } from '../../scripts/serve';
import { synthesize } from '../../scripts/synth';
import { counties } from '../../scripts/synth/model';
import { byCounty, codeOf } from './expected';
import { journeys, settled, type Watched } from './harness';
import { ROOT } from './setup';

const { open } = journeys();
const partitioned = inject('partitioned');
const [LETING, YUTIAN] = [codeOf('乐亭县'), codeOf('玉田县')];

const cell = (w: Watched, row: string, side: number) => w.page.locator(`table[data-table="compare"] tr[data-row="${row}"] td`).nth(side);

describe('compare: the seeds side by side', () => {
  it('starts with a chooser, then lines up two counties with the hand-read totals, each linked to its rows', async () => {
    const w = await open('?view=compare');
    await settled(w.page);
    await w.page.waitForSelector('[data-compare-chooser]');
    expect(await w.page.locator('.empty').first().innerText()).toContain('请选择至少两个对比对象');
    await w.page.click('[data-compare-add]');
    await w.page.click('[data-compare-add]');
    await w.page.selectOption('select[name="side-county-0"]', LETING);
    await w.page.selectOption('select[name="side-county-1"]', YUTIAN);
    await w.page.waitForSelector('table[data-table="compare"]');
    await settled(w.page);
    expect(new URL(w.page.url()).searchParams.get('sides')).toBe(`${LETING},${YUTIAN}`);
    for (const [k, code] of [LETING, YUTIAN].entries()) {
      const g = byCounty.find((c) => c.code === code)!;
      expect(await cell(w, 'budget', k).innerText(), `${g.county} budget`).toBe(g.budget);
      expect(await cell(w, 'projects', k).innerText()).toBe(String(g.projects));
      expect(await cell(w, 'indicators', k).innerText()).toBe(String(g.indicators));
    }
    // a rule's share opens the findings of that rule in that county
    const ruleRow = w.page.locator('table[data-table="compare"] tr[data-row^="rule-"]').first();
    const ruleId = (await ruleRow.getAttribute('data-row'))!.slice('rule-'.length);
    await ruleRow.locator('td').nth(1).locator('a').click();
    await w.page.waitForSelector('[data-current-view="data"]');
    const to = new URL(w.page.url()).searchParams;
    expect([to.get('view'), to.get('table'), to.get('county'), to.get('rule')]).toEqual(['data', 'findings', YUTIAN, ruleId]);
    // back returns to the comparison as it was
    await w.page.goBack();
    await w.page.waitForSelector('table[data-table="compare"]');
    expect(await cell(w, 'budget', 0).innerText()).toBe(byCounty.find((c) => c.code === LETING)!.budget);
  });

  it('ranks the same kind of body across counties (all five seeds are 人大), names as filed', async () => {
    const w = await open(`?view=compare&sides=${LETING},${YUTIAN}&department_kind=${encodeURIComponent('人大常委会')}`);
    await settled(w.page);
    const rows = w.page.locator('table[data-table="kind-ranking"] tbody tr');
    await rows.first().waitFor();
    if (!partitioned) expect(await rows.count()).toBeGreaterThanOrEqual(4);
    const scores = (await w.page.locator('table[data-table="kind-ranking"] tbody tr td:nth-child(7)').allInnerTexts()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // the filter bar offers the kind too
    expect(await w.page.locator('select[name="department_kind"]').inputValue()).toBe('人大常委会');
  });
});

describe('compare: a synthetic province of three years', () => {
  let base = '';
  let close = () => {};
  const [first, second, third] = counties('13', 4).map((c) => c.code);
  beforeAll(async () => {
    // the built site with a province of its own: 4 counties × 3 bodies × 3 years (the peer rule wants 3 other counties), by the real ingest and build step
    const site = mkdtempSync(join(tmpdir(), 'perflens-compare-'));
    cpSync(join(ROOT, 'dist'), site, { recursive: true });
    rmSync(join(site, 'data'), { recursive: true, force: true });
    synthesize({ out: join(site, 'raw'), counties: 4, departments: 3, years: 3, province: '13', seed: 14 });
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    execFileSync(tsx, ['scripts/ingest.ts', '--out', join(site, 'data'), join(site, 'raw')], { cwd: ROOT, stdio: 'ignore' });
    execFileSync(tsx, ['scripts/site-summary.ts', join(site, 'data')], { cwd: ROOT, stdio: 'ignore' });
    const server = await serve(site, 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => {
      server.close();
      rmSync(site, { recursive: true, force: true });
    };
  }, 180_000);
  afterAll(() => close());

  it('shows what changed from year to year: budget, score, rules, indicators repeated from the year before', async () => {
    const w = await open(`?view=compare&sides=${first}:2022,${first}:2023,${first}:2024,${second}:2024`, undefined, base);
    await settled(w.page);
    await w.page.waitForSelector('table[data-table="compare"]');
    expect(await w.page.locator('table[data-table="compare"] thead th').count()).toBe(5);
    const changes = w.page.locator('table[data-table="compare-changes"] tbody tr');
    expect(await changes.count()).toBe(2); // 2022 → 2023, 2023 → 2024 of the first county; the second county has one year
    expect(await changes.nth(0).locator('td').nth(1).innerText()).toBe('2022 → 2023');
    // the repeated rows link to the repeated-yearly findings of the later year
    const repeated = changes.nth(0).locator('td').nth(6).locator('a');
    const n = Number(await repeated.innerText());
    expect(n).toBeGreaterThan(0);
    await repeated.click();
    await w.page.waitForSelector('[data-current-view="data"]');
    const to = new URL(w.page.url()).searchParams;
    expect([to.get('table'), to.get('county'), to.get('year'), to.get('rule')]).toEqual(['findings', first, '2023', 'repeated-yearly']);
  });

  it('marks the differences that matter and links every side to its own rows', async () => {
    const w = await open(`?view=compare&sides=${first},${second},${third}`, undefined, base);
    await settled(w.page);
    await w.page.waitForSelector('table[data-table="compare"]');
    const links = await w.page.locator('table[data-table="compare"] tr[data-row="projects"] td a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('county')));
    expect(links).toEqual([first, second, third]);
    expect(await w.page.locator('table[data-table="compare"] td.mark').count(), 'a difference marked').toBeGreaterThan(0);
    await w.page.screenshot({ path: join(tmpdir(), 'perflens-compare-years.png'), fullPage: true });
  });

  it('shows on a project page where each target sits among its peers, as the peer rule judged it', async () => {
    const w = await open(`?view=data&table=findings&county=${first}&rule=peer-target`, undefined, base);
    await settled(w.page);
    const link = w.page.locator('[data-project]').first();
    await link.waitFor();
    await link.click();
    await w.page.waitForSelector('table[data-table="project-indicators"]');
    await w.page.locator('[data-peer]').first().waitFor();
    const flagged = await w.page.locator('[data-peer="low"], [data-peer="high"]').count();
    expect(flagged).toBeGreaterThan(0);
    expect(await w.page.locator('[data-peer]').first().getAttribute('title')).toMatch(/^\d+ 个县区的同类指标：中位数/);
  });
});
