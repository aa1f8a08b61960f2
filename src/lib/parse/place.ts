import { byCode, byName, countyMentions, type Division } from './divisions';
import type { FilingMeta } from './model';

/** Where and when a filing is from, with how each was known. */
export interface Place {
  county: string | null;
  countyCode: string | null;
  city: string | null;
  year: number | null;
  /** A county name the text uses that several divisions bear (长安区: 石家庄 and 西安), when none was chosen. */
  ambiguous: { name: string; cities: string[] } | null;
}

/**
 * Project codes carry the division and the year (`13030321…` = 130303 in 2021): the strongest evidence.
 * Then a county name in the reporting body's name, then the county named most often in the text.
 */
export function inferPlace(projectCodes: string[], department: string | null, text: string): Place {
  const fromCodes = new Map<string, number>();
  const years = new Map<number, number>();
  for (const code of projectCodes) {
    const m = /^(\d{6})(\d{2})/.exec(code);
    if (!m || !byCode.has(m[1])) continue;
    fromCodes.set(m[1], (fromCodes.get(m[1]) ?? 0) + 1);
    const y = 2000 + Number(m[2]);
    if (y >= 2010 && y <= 2040) years.set(y, (years.get(y) ?? 0) + 1);
  }
  const mentions = countyMentions(text);
  const deptNames = department ? [...countyMentions(department).keys()] : [];
  let division: Division | null = null;
  const coded = mostFrequent(fromCodes);
  if (coded) division = byCode.get(coded) ?? null;
  if (!division) division = resolve(deptNames[0] ?? null, text);
  if (!division) {
    const named = [...mentions.entries()].sort((a, b) => b[1] - a[1])[0];
    // Named twice, or the only county the text names at all, once with its prefecture (广元市昭化区)
    // or bearing a name no other division has.
    const alone = mentions.size === 1 && named && ((byName.get(named[0])?.length ?? 0) === 1 || (byName.get(named[0]) ?? []).some((d) => text.includes(`${d.city}${named[0]}`)));
    if (named && (named[1] >= 2 || alone)) division = resolve(named[0], text);
  }
  const named = deptNames[0] ?? [...mentions.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const options = named ? byName.get(named) ?? [] : [];
  return {
    ambiguous: !division && options.length > 1 ? { name: named!, cities: options.map((d) => d.city) } : null,
    county: division?.name ?? null,
    countyCode: division?.code ?? null,
    city: division?.city || null,
    year: mostFrequent(years) ?? yearInText(text),
  };
}

/** A name to one division: unique, or the one whose prefecture the text names. */
function resolve(name: string | null, text: string): Division | null {
  if (!name) return null;
  const options = byName.get(name) ?? [];
  if (options.length === 1) return options[0];
  const inCity = options.filter((d) => d.city && text.includes(d.city));
  return inCity.length === 1 ? inCity[0] : null;
}

function mostFrequent<K>(m: Map<K, number>): K | null {
  let best: K | null = null;
  let n = 0;
  // Ties go to the later key: a filing names its own year and looks back at earlier ones.
  for (const [k, c] of m) if (c > n || (c === n && best != null && k > (best as K))) [best, n] = [k, c];
  return best;
}

/** `2022年部门预算`, `2022年是…`, else the year the text names most often. */
function yearInText(text: string): number | null {
  const budget = /(20[1-4]\d)\s*年度?(?:部门预算|部门绩效|预算项目|是)/.exec(text);
  if (budget) return Number(budget[1]);
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(20[1-4]\d)\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return mostFrequent(counts);
}

/**
 * What a sidecar (X.meta.json) says wins over what the text suggests, and completes itself from the
 * division table: a code gives its name and city; a name gives its code only when one division bears it
 * (or one in the sidecar's city) — never the code the text happened to suggest for another county.
 */
export function withMeta(inferred: Place, meta: FilingMeta): Place {
  const year = meta.year ?? inferred.year;
  if (meta.county_code != null) {
    const d = byCode.get(meta.county_code);
    return { county: meta.county ?? d?.name ?? null, countyCode: meta.county_code, city: meta.city ?? d?.city ?? null, year, ambiguous: null };
  }
  if (meta.county != null) {
    const options = (byName.get(meta.county) ?? []).filter((d) => meta.city == null || d.city === meta.city);
    const d = options.length === 1 ? options[0] : null;
    const ambiguous = options.length > 1 ? { name: meta.county, cities: options.map((o) => o.city) } : null;
    return { county: meta.county, countyCode: d?.code ?? null, city: meta.city ?? d?.city ?? null, year, ambiguous };
  }
  return { ...inferred, city: meta.city ?? inferred.city, year };
}
