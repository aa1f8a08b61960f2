/**
 * The 对比 view's questions: 2–4 sides (a county, or a county in one year) under the same other filters,
 * each answered by the views' own queries (counties, ruleShares, medians) so a number here is the number
 * there; which differences are marked; what changed from one year of a county to the next; and the
 * ranking of one kind of body across counties. Pure but for the SQL; filter values are bound parameters.
 */
import { bandCounts, counties, fen, medians, ruleShares, type BandCount, type CountyRow, type MedianPoint, type RuleShare } from './queries';
import { decode, type RowOf } from './decode';
import { scoped, type Filters } from './scope';
import { overviewKey, type Overview } from './summary';
import type { Run } from './values';

/** One column of the comparison: a county (GB/T 2260 code), in one year or all. */
export interface Side {
  county: string;
  year: number | null;
}

export const MAX_SIDES = 4;

/** `130225` or `130225:2023`, as the URL's `sides` writes them. */
export const sideText = (s: Side) => (s.year == null ? s.county : `${s.county}:${s.year}`);

export function parseSide(text: string): Side | null {
  const m = /^(\d{6})(?::(\d{4}))?$/.exec(text.trim());
  return m ? { county: m[1], year: m[2] ? Number(m[2]) : null } : null;
}

/** A side's filters: the view's, with its county and (when it has one) its year. */
export const sideFilters = (f: Filters, s: Side): Filters => ({ ...f, county: s.county, year: s.year ?? f.year });

export interface SideData {
  side: Side;
  /** Budget by kind, counts, mean project score, filing score: as the 县区对比 view has them. */
  totals: CountyRow | null;
  /** Indicators per band, rule shares, plan medians: as the 指标质量 and 支出进度 views have them. */
  bands: BandCount[];
  shares: RuleShare[];
  medians: MedianPoint[];
}

async function sideData(run: Run, f: Filters, side: Side): Promise<SideData> {
  const sf = sideFilters(f, side);
  const [totals, bands, shares, plan] = await Promise.all([counties(run, sf), bandCounts(run, sf), ruleShares(run, sf), medians(run, sf)]);
  return { side, totals: totals[0] ?? null, bands, shares, medians: plan };
}

/**
 * The build-time overview that answers a side (`<year>-<kind>`), or null when the other filters need the
 * detail: then the side is asked of its partitions.
 */
export const sideOverviewKey = (f: Filters, side: Side): string | null => overviewKey({ ...sideFilters(f, side), county: null });

/** A side's figures from its build-time overview: the very rows the same queries gave for every county. */
export function sideFromOverview(o: Overview, side: Side): SideData {
  const mine = <T extends { county_code: string | null }>(rows: T[]) => rows.filter((r) => r.county_code === side.county);
  return { side, totals: mine(o.counties)[0] ?? null, bands: mine(o.bandCounts), shares: mine(o.ruleShares), medians: mine(o.medians) };
}

/**
 * Every side's figures, in the sides' order. `cache` (the view's, emptied when the data changes) keeps
 * each side's answer by its filters, so changing one side queries that side alone.
 */
export function compareSides(run: Run, f: Filters, sides: readonly Side[], cache = new Map<string, Promise<SideData>>()): Promise<SideData[]> {
  return Promise.all(
    sides.map((side) => {
      const key = JSON.stringify(sideFilters(f, side));
      let answer = cache.get(key);
      if (!answer) {
        answer = sideData(run, f, side);
        cache.set(key, answer);
        answer.catch(() => cache.delete(key)); // a failure is asked again
      }
      return answer.then((d) => ({ ...d, side }));
    }),
  );
}

/**
 * The differences that matter, as data: a share (percent) at least `shareRatio` × the others' median and
 * `shareFloor` points above it (3 % against 1 % is noise), a score at least `scoreGap` points from the
 * others' median.
 */
export const MARKS = { shareRatio: 2, shareFloor: 5, scoreGap: 20 } as const;

const medianOf = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Which of the sides' values stand out from the others' (null: no value, never marked). */
export function marked(values: readonly (number | null)[], how: 'share' | 'score'): boolean[] {
  return values.map((v, k) => {
    const others = values.filter((x, j): x is number => j !== k && x != null);
    if (v == null || others.length === 0) return false;
    const m = medianOf(others);
    if (how === 'score') return Math.abs(v - m) >= MARKS.scoreGap;
    return v - m >= MARKS.shareFloor && v >= MARKS.shareRatio * m;
  });
}

/** What changed from one year of a county to a later one (two sides of the same county). */
export interface Change {
  county: string;
  from: number;
  to: number;
  /** Budget change in fen (null: a side without budget). */
  budget_fen: bigint | null;
  score: number | null;
  /** Rules found in the later year and not the earlier, and the other way round. */
  appeared: string[];
  gone: string[];
  /** Rows the later year repeats word for word from the earlier (the repeated-yearly rule). */
  repeated: number;
}

export const REPEATED_RULE = 'repeated-yearly';

/** For each county compared in several years, each year against the one before it among the sides. */
export function changes(data: readonly SideData[]): Change[] {
  const byCounty = new Map<string, SideData[]>();
  for (const d of data) if (d.side.year != null) byCounty.set(d.side.county, [...(byCounty.get(d.side.county) ?? []), d]);
  const out: Change[] = [];
  for (const [county, list] of byCounty) {
    const years = [...list].sort((a, b) => a.side.year! - b.side.year!);
    for (let k = 1; k < years.length; k++) {
      const [a, b] = [years[k - 1], years[k]];
      if (a.side.year === b.side.year) continue;
      const rules = (d: SideData) => new Set(d.shares.map((s) => s.rule_id));
      const [ra, rb] = [rules(a), rules(b)];
      const ba = a.totals?.budget_fen ?? null;
      const bb = b.totals?.budget_fen ?? null;
      const sa = a.totals?.filing_score ?? null;
      const sb = b.totals?.filing_score ?? null;
      out.push({
        county, from: a.side.year!, to: b.side.year!,
        budget_fen: ba != null && bb != null ? BigInt(bb) - BigInt(ba) : null,
        score: sa != null && sb != null ? sb - sa : null,
        appeared: [...rb].filter((r) => !ra.has(r)).sort(),
        gone: [...ra].filter((r) => !rb.has(r)).sort(),
        repeated: b.shares.find((s) => s.rule_id === REPEATED_RULE)?.hits ?? 0,
      });
    }
  }
  return out;
}

/** A filing of one kind of body, ranked among the same kind's in other counties. */
const KIND_RANK = {
  filing_id: 'text', county_code: 'text?', year: 'int?', department: 'text', budget_fen: 'fen?', projects: 'int', indicators: 'int',
  score: 'double?', band: 'text?', critical: 'int', major: 'int',
} as const;
export type KindRank = RowOf<typeof KIND_RANK>;

/** The filings of `f.department_kind` (and the other filings filters) across the loaded counties, best score first. */
export async function kindRanking(run: Run, f: Filters, limit = 50): Promise<KindRank[]> {
  const q = scoped({ ...f, county: null }, `
SELECT f.filing_id, f.county_code, f.year, f.department, ${fen('f.budget_yuan', 'budget')}, f.projects, f.indicators, f.score, f.band,
  f.findings_critical AS critical, f.findings_major AS major
FROM filings f
WHERE f.filing_id IN (SELECT filing_id FROM sel_filings) AND f.department_kind IS NOT NULL
ORDER BY f.score DESC NULLS LAST, f.county_code, f.year, f.filing_id
LIMIT ?::INTEGER`, limit);
  return decode(KIND_RANK, await run(q.text, q.params));
}
