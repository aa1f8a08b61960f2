/**
 * The build-time overview: what the province-wide views show, answered by their own queries once per
 * year × kind (the filters that need no county) when the site is built (scripts/site-summary.ts).
 * `summary.json` holds the filter choices, the data layout and the unfiltered answers — all the first
 * chart needs; `overview/<year>-<kind>.json` holds the others. The views run the very same functions on
 * the detail when a county is chosen, so the two cannot drift apart.
 */
import { FILTER_KEYS, type Filters } from './scope';
import {
  bandCounts, counties, medians, planCounts, plans, ruleShares, scoreSpread, sizeSpread, worstProjects,
  type BandCount, type Choices, type CountyName, type CountyRow, type MedianPoint, type PlanCount, type PlanPoint, type RankedProject,
  type RuleShare, type ScoreSpread, type SizeSpread,
} from './queries';
import type { FileDigest } from './integrity';
import type { Layout } from './layout';
import type { Settings } from '../quality/settings';
import type { Run } from './values';

/** How many flagged plans and worst projects a view lists. */
export const FLAGGED_SHOWN = 100;
export const WORST_SHOWN = 15;

export interface Overview {
  counties: CountyRow[];
  sizeSpread: SizeSpread[];
  medians: MedianPoint[];
  planCounts: PlanCount[];
  flagged: PlanPoint[];
  scoreSpread: ScoreSpread[];
  bandCounts: BandCount[];
  ruleShares: RuleShare[];
  worst: RankedProject[];
}

export async function overview(run: Run, f: Filters): Promise<Overview> {
  return {
    counties: await counties(run, f),
    sizeSpread: await sizeSpread(run, f),
    medians: await medians(run, f),
    planCounts: await planCounts(run, f),
    flagged: await plans(run, f, FLAGGED_SHOWN, true),
    scoreSpread: await scoreSpread(run, f),
    bandCounts: await bandCounts(run, f),
    ruleShares: await ruleShares(run, f),
    worst: await worstProjects(run, f, WORST_SHOWN),
  };
}

export const EMPTY_OVERVIEW: Overview = {
  counties: [], sizeSpread: [], medians: [], planCounts: [], flagged: [], scoreSpread: [], bandCounts: [], ruleShares: [], worst: [],
};

export interface Summary {
  /** When the data was built (ISO 8601): a workbook's notes say it. */
  built?: string;
  choices: Choices;
  /** Each county code's name and prefecture: the labels of the county list and of every county's rows. */
  countyNames: Record<string, CountyName>;
  layout: Layout;
  /** The digest of `files.json`: every other data file the site reads, with its size and hash (files.ts). */
  files: FileDigest;
  /** The unfiltered overview. */
  overview: Overview;
  /** The settings the ingest scored with (its manifest's): the site's bands, part maxima and formulas. */
  settings: Settings;
}

/** The overview answers filters with no county and nothing but a year and a kind. */
export const ALL = 'all-all';

/** The name of the overview that answers the filters (`<year>-<kind>`, `all` for either not set), or null. */
export function overviewKey(f: Filters): string | null {
  if (FILTER_KEYS.some((k) => k !== 'year' && k !== 'kind' && f[k] != null)) return null;
  return `${f.year ?? 'all'}-${f.kind ?? 'all'}`;
}

/** Every overview a build writes: each year (and all years) × each kind (and all kinds). */
export function overviewFilters(choices: Choices, base: Filters): Filters[] {
  return [null, ...choices.year].flatMap((year) => [null, ...choices.kind].map((kind) => ({ ...base, year, kind })));
}

/** JSON with exact money: bigint fen written as strings, read back as bigint (keys ending in `_fen`). */
export const encodeJson = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

export const decodeJson = <T>(text: string): T =>
  JSON.parse(text, (k, v: unknown) => (k.endsWith('_fen') && typeof v === 'string' ? BigInt(v) : v)) as T;
