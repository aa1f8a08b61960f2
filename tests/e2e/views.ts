/**
 * Every view of the site, as a link a user could paste: the one list the accessibility suite (and any
 * suite that must visit every view) walks. A view added later joins with one line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

const manifest = () =>
  JSON.parse(readFileSync(join(inject('dataDir'), 'manifest.json'), 'utf8')) as { filings: { filing_id: string; county: string | null; year: number | null }[] };
const summary = () => JSON.parse(readFileSync(join(inject('dataDir'), 'summary.json'), 'utf8')) as { overview: { worst: { project_id: string }[] }; choices: { county: (string | null)[] } };
/** 玉田县's seed filing and the project that scores worst: pages with the most to show. */
const filing = () => manifest().filings.find((f) => f.county === '玉田县' && f.year === 2024)!.filing_id;
const project = () => summary().overview.worst[0].project_id;
/** Three counties of the data for the 对比 view. */
const counties = () => summary().choices.county.filter((c): c is string => c != null).slice(0, 3);

export const VIEW_PAGES: { name: string; path: () => string }[] = [
  { name: 'overview', path: () => '' },
  { name: 'curves', path: () => '?view=curves' },
  { name: 'quality', path: () => '?view=quality' },
  { name: 'project', path: () => `?view=project&project=${encodeURIComponent(project())}` },
  { name: 'data', path: () => '?view=data' },
  { name: 'reading', path: () => '?view=reading' },
  { name: 'opinion', path: () => `?view=opinion&filing=${filing()}` },
  { name: 'rule', path: () => '?view=rule&rule=cost-over-budget' },
  { name: 'compare', path: () => `?view=compare&sides=${counties().join(',')}` },
];

/** A view's link in a language ('zh' is the default, so no parameter). */
export const inLang = (path: string, lang: 'zh' | 'en') => (lang === 'zh' ? path || '?' : `${path || '?'}${path ? '&' : ''}lang=en`);
