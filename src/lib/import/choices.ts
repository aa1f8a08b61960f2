/**
 * The filter choices and county names with the imported filings' added: the build's lists come from the
 * bundled data only, and an imported county must be offered, named and coloured like any other.
 */
import type { Choices, CountyName } from '../db/queries';

const union = <T>(a: readonly T[], b: readonly T[]): T[] => {
  const all = [...new Set([...a, ...b])];
  // As the build sorts them (ORDER BY v NULLS LAST): nulls (未注明县区) last.
  return all.sort((x, y) => (x == null ? 1 : y == null ? -1 : x < y ? -1 : x > y ? 1 : 0));
};

export function mergeChoices(built: Choices, more: Choices): Choices {
  return {
    county: union(built.county, more.county), year: union(built.year, more.year), department: union(built.department, more.department),
    department_kind: union(built.department_kind, more.department_kind),
    kind: union(built.kind, more.kind), level1: union(built.level1, more.level1), level2: union(built.level2, more.level2),
    band: union(built.band, more.band), rule: union(built.rule, more.rule),
  };
}

/** The build's names first: an import never renames a bundled county. */
export const mergeNames = (built: Record<string, CountyName>, more: Record<string, CountyName>) => ({ ...more, ...built });
