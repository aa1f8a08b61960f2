/**
 * The 对比 view and the build-time layer behind it (#14):
 * - `corpusCost`: what the cross-filing rules cost the ingest — per rule, gathering its keys' marks over a
 *   province's rows (the read step, batch by batch), judging every row against them (the partitions'
 *   step), and the peers' spreads (peers.json) with their size. The rows are read once, untimed.
 * - `compareRedraws`: in headless Chromium, a comparison of counties whose sides change (a year, a county
 *   not loaded yet, back): the ms from the change to the table showing the new sides, by the page's clock.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch } from '../../tests/e2e/browser';
import { settled } from '../../tests/e2e/harness';
import { choose } from './browser';
import { listInputs } from '../ingest/inputs';
import { readTables } from '../../src/lib/tables/read';
import { corpusPlaces, RULES, type CorpusRow, type Places } from '../../src/lib/quality';
import { peerSpreads } from '../../src/lib/quality/rules/peer-target';
import { DEFAULT_SETTINGS } from '../../src/lib/quality/settings';
import type { CorpusRule } from '../../src/lib/quality/rule';

export interface RuleCost {
  rule: string;
  keys: number;
  marks: number;
  gather_ms: number;
  judge_ms: number;
  hits: number;
}

export interface CorpusCost {
  files: number;
  rows: number;
  rules: RuleCost[];
  peers_ms: number;
  peers_groups: number;
  peers_bytes: number;
}

export async function corpusCost(raw: string): Promise<CorpusCost> {
  const { files } = listInputs([raw]);
  const rows: CorpusRow[] = [];
  for (const f of files) {
    const r = await readTables(new Uint8Array(readFileSync(f)), f);
    if (r.ok) rows.push(...r.corpus);
  }
  const all: Places = new Map();
  const rules = RULES.filter((r): r is CorpusRule => r.level === 'corpus').map((rule): RuleCost => {
    const t0 = performance.now();
    const places = corpusPlaces(rows, new Map(), [rule]);
    const t1 = performance.now();
    const hits = rule.check(rows, (r) => places.get(`${rule.id}\u0000${rule.key(r)}`), DEFAULT_SETTINGS).length;
    const t2 = performance.now();
    for (const [k, v] of places) all.set(k, v);
    return { rule: rule.id, keys: places.size, marks: [...places.values()].reduce((n, s) => n + s.size, 0), gather_ms: t1 - t0, judge_ms: t2 - t1, hits };
  });
  const t0 = performance.now();
  const peers = peerSpreads(all);
  const peers_ms = performance.now() - t0;
  return { files: files.length, rows: rows.length, rules, peers_ms, peers_groups: Object.keys(peers).length, peers_bytes: Buffer.byteLength(JSON.stringify(peers)) };
}

export interface CompareRedraw {
  step: string;
  /** cold: a county whose partitions were not loaded; new: a side not asked before (its queries run); again: a side asked before (the view's answer kept). */
  kind: 'cold' | 'new' | 'again';
  ms: number;
}

/** Changes a side's select; resolves to the ms until the table shows `sides`. */
async function change(page: Page, select: string, value: string, sides: string): Promise<number> {
  const t0 = await choose(page, select, value);
  const done = await page.waitForFunction(
    (want) => (!document.querySelector('.pending') && document.querySelector<HTMLElement>('table[data-table="compare"]')?.dataset.sides === want ? performance.now() : 0),
    sides,
    { timeout: 60_000 },
  );
  return (await done.jsonValue()) - t0;
}

/**
 * `runs` rounds on one page of three sides (`counties[0..2]`): the first side to one of the `years` and
 * back, the third side to another county (cold while there are counties not loaded yet) and back.
 * `filters` (`&department_kind=…`): other filters of the comparison, which on a province make it ask the
 * sides' partitions instead of the build-time overview.
 */
export async function compareRedraws(base: string, counties: string[], years: number[], runs: number, filters = ''): Promise<CompareRedraw[]> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const [a, b, c] = counties;
    await page.goto(new URL(`?view=compare&sides=${a},${b},${c}${filters}`, base).href);
    await settled(page);
    await page.waitForSelector('table[data-table="compare"]', { timeout: 60_000 });
    const out: CompareRedraw[] = [];
    const loaded = new Set([a, b, c]);
    const asked = new Set([a, b, c]);
    const step = async (select: string, value: string, side: string, sides: string) => {
      const county = side.split(':')[0];
      const kind = !loaded.has(county) ? 'cold' : asked.has(side) ? 'again' : 'new';
      out.push({ step: `${select} → ${value || 'all'}`, kind, ms: await change(page, select, value, sides) });
      loaded.add(county);
      asked.add(side);
    };
    for (let k = 0; k < runs; k++) {
      const year = years[k % years.length];
      const other = counties[3 + (k % Math.max(1, counties.length - 3))] ?? c;
      await step('side-year-0', String(year), `${a}:${year}`, `${a}:${year},${b},${c}`);
      await step('side-year-0', '', a, `${a},${b},${c}`);
      await step('side-county-2', other, other, `${a},${b},${other}`);
      await step('side-county-2', c, c, `${a},${b},${c}`);
    }
    return out;
  } finally {
    await browser.close();
  }
}
