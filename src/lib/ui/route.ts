/**
 * Where the user is: view, filters, the open project, the data table's sort and page, the language. All of
 * it lives in the URL's query string, so a pasted link, back and forward restore the same view.
 */
import { FILTER_KEYS, NO_FILTERS, SOURCES, type Filters } from '../db/scope';
import { DATA_TABLES, type DataTable } from '../db/data-tables';
import { MAX_SIDES, parseSide, sideText, type Side } from '../db/compare';

export const VIEWS = ['overview', 'curves', 'quality', 'compare', 'project', 'data', 'reading', 'opinion', 'rule'] as const;
export type View = (typeof VIEWS)[number];
export type Lang = 'zh' | 'en';

export interface Route {
  view: View;
  filters: Filters;
  /** The project page's project. */
  project: string | null;
  /** The view a project or opinion page was opened from, for its way back. */
  from: View | null;
  /** The review opinion's filing (and, on a project page opened from it, the way back to it). */
  filing: string | null;
  table: DataTable;
  sort: string | null;
  desc: boolean;
  page: number;
  lang: Lang;
  /** The 对比 view's sides (`130225`, `130225:2023`), at most MAX_SIDES, each once. */
  sides: Side[];
}

export const HOME: Route = {
  view: 'overview', filters: NO_FILTERS, project: null, from: null, filing: null, table: 'indicators', sort: null, desc: false, page: 0, lang: 'zh', sides: [],
};

/**
 * The highest page a link may ask for: any table ends long before it, and its offset stays an exact
 * integer in SQL (page=99999999999999999999 would overflow DuckDB's BIGINT).
 */
export const MAX_PAGE = 1e9;

/** The page to show of `total` rows, `size` a page: the one asked for, or the last if it is past the end. */
export function pageWithin(page: number, total: number, size: number): { at: number; missing: boolean } {
  const last = Math.max(0, Math.ceil(total / size) - 1);
  return { at: Math.min(page, last), missing: page > last };
}

const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

export function parseRoute(search: string): Route {
  const p = new URLSearchParams(search);
  const text = (k: string) => {
    const v = p.get(k)?.trim();
    return v ? v : null;
  };
  const filters = { ...NO_FILTERS };
  for (const k of FILTER_KEYS) {
    const v = text(k);
    if (k === 'year') filters.year = v != null && /^\d{4}$/.test(v) ? Number(v) : null;
    else if (k === 'source') filters.source = SOURCES.find((x) => x === v) ?? null;
    else filters[k] = v;
  }
  const view = oneOf(VIEWS, p.get('view'), 'overview');
  const project = text('project');
  const filing = text('filing');
  const page = Number(p.get('page'));
  return {
    // A rule's page (规则说明) is the rule filter's rule: `?view=rule&rule=<id>`.
    view: (view === 'project' && !project) || (view === 'opinion' && !filing) || (view === 'rule' && !filters.rule) ? 'overview' : view,
    filters,
    project,
    from: p.has('from') ? oneOf(VIEWS, p.get('from'), 'overview') : null,
    filing,
    table: oneOf(DATA_TABLES, p.get('table'), HOME.table),
    sort: text('sort'),
    desc: p.get('desc') === '1',
    page: Number.isInteger(page) && page > 0 ? Math.min(page, MAX_PAGE) : 0,
    lang: oneOf(['zh', 'en'] as const, p.get('lang'), 'zh'),
    sides: parseSides(p.get('sides')),
  };
}

/** The query string of a route (`?view=…`), leaving out what equals the default; '' for the home view. */
export function formatRoute(r: Route): string {
  const p = new URLSearchParams();
  if (r.view !== 'overview') p.set('view', r.view);
  if (r.view === 'project' && r.project) {
    p.set('project', r.project);
    if (r.from) p.set('from', r.from);
    if (r.from === 'opinion' && r.filing) p.set('filing', r.filing);
  }
  if (r.view === 'opinion' && r.filing) {
    p.set('filing', r.filing);
    if (r.from) p.set('from', r.from);
    if (r.from === 'project' && r.project) p.set('project', r.project);
  }
  if (r.view === 'rule' && r.from) {
    p.set('from', r.from);
    if (r.from === 'project' && r.project) p.set('project', r.project);
  }
  for (const k of FILTER_KEYS) {
    const v = r.filters[k];
    if (v != null && v !== '') p.set(k, String(v));
  }
  if (r.view === 'data') {
    if (r.table !== HOME.table) p.set('table', r.table);
    if (r.sort) p.set('sort', r.sort);
    if (r.sort && r.desc) p.set('desc', '1');
  }
  if ((r.view === 'data' || r.view === 'reading') && r.page > 0) p.set('page', String(r.page));
  if (r.view === 'compare' && r.sides.length > 0) p.set('sides', r.sides.map(sideText).join(','));
  if (r.lang !== 'zh') p.set('lang', r.lang);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The sides a link names: the readable ones, each once, at most MAX_SIDES (the rest left out). */
function parseSides(text: string | null): Side[] {
  const out: Side[] = [];
  for (const part of (text ?? '').split(',')) {
    const s = parseSide(part);
    if (s && !out.some((o) => sideText(o) === sideText(s)) && out.length < MAX_SIDES) out.push(s);
  }
  return out;
}
