/**
 * What the site must show, from the hand-read golden data (tests/golden), not from the site's own SQL.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Golden {
  county: string | null;
  countyCode: string | null;
  year: number | null;
  projects: { name: string; budget: string | null; indicators: { level1: string | null }[] }[];
}

const dir = join(import.meta.dirname, '..', 'golden');
export const GOLDEN: Golden[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Golden);

const fen = (yuan: string | null) => (yuan == null ? 0n : BigInt(yuan.replace('.', '')));

/** 万元 with two decimals and thousands separators, from fen, by integer arithmetic. */
export function wanText(f: bigint): string {
  const hundredths = (f + 5000n) / 10000n;
  const int = (hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${int}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

export const byCounty = GOLDEN.map((g) => ({
  county: g.county,
  /** The site's key for the county (its filter value), as the golden data reads it. */
  code: g.countyCode,
  year: g.year,
  projects: g.projects.length,
  indicators: g.projects.reduce((n, p) => n + p.indicators.length, 0),
  budget: wanText(g.projects.reduce((n, p) => n + fen(p.budget), 0n)),
}));

export const indicatorsOf = (county: string, level1: string) =>
  GOLDEN.filter((g) => g.county === county).flatMap((g) => g.projects.flatMap((p) => p.indicators.filter((i) => i.level1 === level1))).length;

/** A seed county's code, by its name. */
export function codeOf(county: string): string {
  const code = byCounty.find((g) => g.county === county)?.code;
  if (!code) throw new Error(`no seed county ${county}`);
  return code;
}
