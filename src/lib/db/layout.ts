/**
 * Where the site's detail lives: the ingest's county × year partitions (`data/parts/<code>/<year>/`,
 * five Arrow tables each), and which of them a view needs. A few counties' worth is loaded whole at start;
 * a province is `partitioned`: the overview comes from build-time answers and a county's partitions are
 * fetched when a view first needs them.
 */
import { NO_COUNTY } from './scope';

export interface Partition {
  /** `<county code>/<year>`, `_` where unknown. */
  path: string;
  county_code: string | null;
  year: number | null;
  /** The five Arrow files' size, uncompressed. */
  bytes: number;
}

export interface Layout {
  partitioned: boolean;
  partitions: Partition[];
}

/** Above this much Arrow the detail is fetched per county, not at start (1/10 of a province is ~105 MB). */
export const WHOLE_MAX_BYTES = 32e6;

/**
 * The partitions holding the filings of a county filter's value (a code; `NO_COUNTY`: those without one)
 * and year. A partition is one county's year, so a project's page needs its own partition only.
 */
export function partitionsOf(layout: Layout, county: string | null, year: number | null): Partition[] {
  return layout.partitions.filter(
    (p) =>
      (county == null || (county === NO_COUNTY ? p.county_code == null : p.county_code === county)) &&
      (year == null || p.year === year),
  );
}

/** The county with the most data (its partitions' Arrow bytes): where the biggest download is. */
export function largestCounty(layout: Layout): string | null {
  const bytes = new Map<string, number>();
  for (const p of layout.partitions) if (p.county_code) bytes.set(p.county_code, (bytes.get(p.county_code) ?? 0) + p.bytes);
  return [...bytes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** What stands for an unknown county code or year in a partition path. */
export const UNKNOWN_PART = '_';

/** A row's partition: `<county code>/<year>`, `_` where unknown (the ingest writes `parts/<path>/`). */
export const partitionPath = (r: { county_code?: unknown; year?: unknown }) => `${r.county_code ?? UNKNOWN_PART}/${r.year ?? UNKNOWN_PART}`;

/** The same path in SQL, for a row of any table. */
export const PARTITION_PATH = `coalesce(county_code, '${UNKNOWN_PART}') || '/' || coalesce(year::VARCHAR, '${UNKNOWN_PART}')`;

/** The shard of the filing index (`data/filings/<shard>.json`: filing id → partition path) a filing is in. */
export const shardOf = (filingId: string) => filingId.slice(0, 2);

/** The filing a project or indicator id belongs to (`<filing>-<ordinal>[-<ordinal>]`). */
export const filingOf = (id: string) => id.split('-')[0];
