/**
 * Counties are keyed by GB/T 2260 code (a filter value, a chart series, a row); people read names. Names
 * are not unique (Hebei has two 新华区 and two 桥西区), so a name another county of the data also bears is
 * shown with its prefecture: 新华区（石家庄市）. Pure functions: the app binds them to the summary's names.
 */
import type { CountyName } from '../db/queries';
import { NO_COUNTY } from '../db/scope';

export type CountyNames = Record<string, CountyName>;

/** The names more than one county code of the data bears. */
export function sharedNames(names: CountyNames): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { county } of Object.values(names)) {
    if (county == null) continue;
    if (seen.has(county)) shared.add(county);
    seen.add(county);
  }
  return shared;
}

/**
 * A county code's label: its name; where the name is shared, with its prefecture, or with its code when
 * the prefecture is not known (two labels must never read the same); the code itself when it has no name.
 */
export function countyLabel(code: string, names: CountyNames, shared: Set<string>): string {
  const n = Object.hasOwn(names, code) ? names[code] : null;
  if (n?.county == null) return code;
  if (!shared.has(n.county)) return n.county;
  return `${n.county}（${n.city ?? code}）`;
}

/**
 * The county filter value a link gives: a code (or NO_COUNTY) as it is. Links written before counties were
 * keyed by code give a name: one county bears it → its code; none or several → the value as it is (it
 * then selects nothing, and the filter bar shows it).
 */
export function countyValue(value: string, names: CountyNames): string {
  if (value === NO_COUNTY || Object.hasOwn(names, value)) return value;
  const codes = Object.keys(names).filter((code) => names[code].county === value);
  return codes.length === 1 ? codes[0] : value;
}
