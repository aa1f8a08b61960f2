/**
 * The app's state: the route (mirrored in the URL), the database once it is ready, the filter choices and
 * the build-time summary that draws the first chart before it.
 */
import { choices as loadChoices, type Choices } from '../db/queries';
import { decodeSummary, type Summary } from '../db/summary';
import { FILTER_KEYS, type Filters } from '../db/scope';
import type { Run } from '../db/values';
import { dictionaries, translate, ruleName, type Key } from './i18n';
import { NO_COUNTY_COLOR, PALETTE } from '../charts/colors';
import { formatRoute, parseRoute, type Route } from './route';

class App {
  route = $state.raw<Route>(parseRoute(location.search));
  /** The parts most views depend on, apart: they change less often than the route. */
  lang = $derived(this.route.lang);
  filters = $derived(this.route.filters);
  run = $state.raw<Run | null>(null);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state('');
  summary = $state.raw<Summary | null>(null);
  liveChoices = $state.raw<Choices | null>(null);

  /** Filter choices: from the database when ready, from the summary before. */
  get choices(): Choices | null {
    return this.liveChoices ?? this.summary?.choices ?? null;
  }
}

export const app = new App();

/** Text in the current language. */
export const t = (key: Key, vars?: Record<string, string | number>) => translate(app.lang, key, vars);
export const rule = (id: string) => ruleName(app.lang, id);
export const countyName = (c: string | null) => c ?? t('noCounty');
export const kindName = (k: string) => (`kind_${k}` in dictionaries.zh ? t(`kind_${k}` as Key) : k);
const MONTH_EN: Record<number, string> = { 3: 'Mar', 6: 'Jun', 10: 'Oct', 12: 'Dec' };
/** 3 → 3月底 / end Mar. */
export const monthEnd = (m: number) => t('monthEnd', { m: app.lang === 'en' ? (MONTH_EN[m] ?? m) : m });
export const severityName = (s: string) => (`sev_${s}` in dictionaries.zh ? t(`sev_${s}` as Key) : s);

/** One colour per county, in the order of the county list (the unnamed filing in grey). */
export function countyColor(c: string | null): string {
  if (c == null) return NO_COUNTY_COLOR;
  const i = (app.choices?.county ?? []).filter((x) => x != null).indexOf(c);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
}

export function href(r: Route): string {
  return formatRoute(r) || location.pathname;
}

/** Go to a route: one history entry per change, so back and forward walk through the views and filters. */
export function navigate(next: Route, replace = false) {
  const url = href(next);
  if (url !== href(app.route) || replace) history[replace ? 'replaceState' : 'pushState'](null, '', url);
  arrive(next);
}

/** Takes a route, keeping the current filters object when they are equal, so filtered queries do not rerun. */
function arrive(next: Route) {
  const same = FILTER_KEYS.every((k) => next.filters[k] === app.route.filters[k]);
  app.route = same ? { ...next, filters: app.route.filters } : next;
}

export function setFilters(patch: Partial<Filters>) {
  navigate({ ...app.route, filters: { ...app.filters, ...patch }, page: 0 });
}

/** Follow an in-app link without reloading (a modified click still opens a new tab). */
export function follow(e: MouseEvent, r: Route) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(r);
  window.scrollTo({ top: 0 });
}

export function start() {
  addEventListener('popstate', () => arrive(parseRoute(location.search)));
  const data = new URL('data/', document.baseURI);
  fetch(new URL('summary.json', data))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`summary.json: HTTP ${r.status}`))))
    .then((text) => (app.summary = decodeSummary(text)))
    .catch(() => {}); // the summary only speeds up the first chart; the database has everything
  // The engine's code (duckdb-wasm, Arrow) is a chunk of its own: the first chart does not wait for it.
  import('../db/browser')
    .then(({ openDatabase }) => openDatabase(data))
    .then(async (run) => {
      app.liveChoices = await loadChoices(run);
      app.run = run;
      app.status = 'ready';
      performance.mark('db-ready');
    })
    .catch((e: unknown) => {
      app.status = 'error';
      app.error = e instanceof Error ? e.message : String(e);
      console.error(e);
    });
}
