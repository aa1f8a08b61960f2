/**
 * The app's state: the route (mirrored in the URL), the build-time summary (filter choices, data layout,
 * the unfiltered overview) and the database once it is ready.
 *
 * Start-up: `summary.json` first — the first chart draws from it. A site loaded whole then starts the
 * engine at once and loads every partition; a partitioned one (a province) starts the engine once the
 * first chart is drawn, or sooner if a view needs detail, and loads a county's partitions when a view
 * first asks for them (live.svelte.ts).
 */
import { dataFiles, fetchBytes, parseJson, type DataFiles } from '../db/files';
import type { PeerSpread } from '../quality/peers';
import { LoadFailure } from '../db/failure';
import { ALL, decodeJson, EMPTY_OVERVIEW, overview, type Overview, type Summary } from '../db/summary';
import { FILTER_KEYS, type Filters } from '../db/scope';
import { facets } from '../db/facets';
import type { SiteDatabase as Database } from '../db/browser';
import { shardOf } from '../db/layout';
import { DEFAULT_SETTINGS, type Settings } from '../quality/settings';
import { codeLabel, dictionaries, translate, ruleName, type Key } from './i18n';
import { NO_COUNTY_COLOR, PALETTE } from './colors';
import { formatRoute, parseRoute, type Route } from './route';
import { countyLabel, countyValue, sharedNames } from './counties';
import { mergeChoices, mergeNames } from '../import/choices';
import type { Choices, CountyName } from '../db/queries';

class App {
  route = $state.raw<Route>(parseRoute(location.search));
  /** The parts most views depend on, apart: they change less often than the route. */
  lang = $derived(this.route.lang);
  filters = $derived(this.route.filters);
  db = $state.raw<Database | null>(null);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  /** Why the summary or the engine failed (a LoadFailure says which file; anything else is internal). */
  failure = $state.raw<unknown>(null);
  /** Counts the user's retries: every view's data is asked for again when it changes. */
  attempt = $state(0);
  summary = $state.raw<Summary | null>(null);
  /** A view's own name for the document, when the view's name is not enough (an opinion names its filing: the PDF's file name). */
  title = $state<string | null>(null);
  /** Counts changes to the data (an import added or removed): every view's data is asked for again. */
  revision = $state(0);
  /** The filter choices and county names of the imported filings (src/lib/import), beside the build's. */
  imported = $state.raw<{ choices: Choices; countyNames: Record<string, CountyName> } | null>(null);
  choices = $derived(this.summary && this.imported ? mergeChoices(this.summary.choices, this.imported.choices) : (this.summary?.choices ?? null));
  countyNames = $derived(this.summary && this.imported ? mergeNames(this.summary.countyNames, this.imported.countyNames) : (this.summary?.countyNames ?? {}));
  /** The county names more than one county bears: those are labelled with their prefecture. */
  sharedNames = $derived(sharedNames(this.countyNames));

  get partitioned() {
    return this.summary?.layout.partitioned ?? false;
  }
  /** The settings the ingest scored with (bands, part maxima, weights); the rubric's until the summary is read. */
  get scoring(): Settings {
    return this.summary?.settings ?? DEFAULT_SETTINGS;
  }
}

export const app = new App();

/** Text in the current language. */
export const t = (key: Key, vars?: Record<string, string | number>) => translate(app.lang, key, vars);
export const rule = (id: string) => ruleName(app.lang, id);
/** A finding's message in the interface's language (the Chinese where no English was written). */
export const message = (f: { message: string; message_en?: string | null }) => (app.lang === 'en' && f.message_en) || f.message;
/** A county code's label (新华区（石家庄市） where the name is shared); null: the filings without a code. */
export const countyName = (code: string | null) =>
  code == null ? t('noCounty') : countyLabel(code, app.countyNames, app.sharedNames);
export const kindName = (k: string) => (`kind_${k}` in dictionaries.zh ? t(`kind_${k}` as Key) : k);
const MONTH_EN: Record<number, string> = { 3: 'Mar', 6: 'Jun', 10: 'Oct', 12: 'Dec' };
/** 3 → 3月底 / end Mar. */
export const monthEnd = (m: number) => t('monthEnd', { m: app.lang === 'en' ? (MONTH_EN[m] ?? m) : m });
export const bandName = (b: string) => (`band_${b}` in dictionaries.zh ? t(`band_${b}` as Key) : b);
export const code = (kind: 'layout' | 'encoding' | 'format', c: string | null) => codeLabel(app.lang, kind, c);
export const severityName = (s: string) => (`sev_${s}` in dictionaries.zh ? t(`sev_${s}` as Key) : s);

/** One colour per county code, in the order of the county list (the unnamed filing in grey). */
export function countyColor(c: string | null): string {
  if (c == null) return NO_COUNTY_COLOR;
  const i = (app.choices?.county ?? []).filter((x) => x != null).indexOf(c);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
}

export function href(r: Route): string {
  return formatRoute(r) || location.pathname;
}

/** The route with a county named rather than coded (a link from before counties had codes) given its code. */
function withCountyCode(r: Route): Route {
  const county = r.filters.county;
  if (county == null || !app.summary) return r;
  const code = countyValue(county, app.countyNames);
  return code === county ? r : { ...r, filters: { ...r.filters, county: code } };
}

/** Go to a route: one history entry per change, so back and forward walk through the views and filters. */
export function navigate(to: Route, replace = false) {
  const next = withCountyCode(to);
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

const dataUrl = () => new URL('data/', document.baseURI);
/** Every data file but summary.json, checked against the build's list (set once the summary is read). */
let files: DataFiles | null = null;

/** summary.json, the first file: read as it is (it holds the digest that checks every other file). */
async function fetchSummary(): Promise<Summary> {
  const file = 'data/summary.json';
  const { bytes, res } = await fetchBytes(new URL('summary.json', dataUrl()), file);
  const s = parseJson(new TextDecoder().decode(bytes), file, res, decodeJson<Summary>);
  if (!Array.isArray(s?.layout?.partitions) || !s.files || !s.settings) throw new LoadFailure('json', file, 'the site summary', 'JSON without a layout, file list and scoring settings (from an older build?)');
  return s;
}

const overviews = new Map<string, Promise<Overview>>();

/** The build-time overview for a key of `overviewKey` (a year or kind the data does not have: nothing). */
export function overviewFor(key: string): Promise<Overview> {
  const s = app.summary!;
  if (key === ALL) return Promise.resolve(s.overview);
  const [year, kind] = key.split('-');
  if ((year !== 'all' && !s.choices.year.includes(Number(year))) || (kind !== 'all' && !s.choices.kind.includes(kind))) {
    return Promise.resolve(EMPTY_OVERVIEW);
  }
  let o = overviews.get(key);
  if (!o) {
    o = files!.json<Overview>(`overview/${key}.json`);
    overviews.set(key, o);
    o.catch(() => overviews.delete(key));
  }
  return o;
}

let peers: Promise<Record<string, PeerSpread>> | null = null;

/** The peers' spreads the ingest computed (`peers.json`; an older build without it: none), fetched once. */
export function peerSpreads(): Promise<Record<string, PeerSpread>> {
  peers ??= files!.json<Record<string, PeerSpread>>('peers.json').catch((e: unknown) => {
    peers = null;
    if (e instanceof LoadFailure && e.kind === 'unlisted') return {};
    throw e;
  });
  return peers;
}

const shards = new Map<string, Promise<Record<string, string>>>();

/** The partition a filing is in, from the filing index (`filings/<xx>.json`); null if unknown. */
export async function partitionOfFiling(id: string): Promise<string | null> {
  const shard = shardOf(id);
  let s = shards.get(shard);
  if (!s) {
    s = /^[0-9a-z]{2}$/.test(shard) ? files!.json<Record<string, string>>(`filings/${shard}.json`) : Promise.resolve({});
    shards.set(shard, s);
    s.catch(() => shards.delete(shard));
  }
  return (await s)[id] ?? null;
}

let engine: Promise<void> | null = null;

/**
 * Work that must be done in the engine before any view queries it (the kept imports going back into the
 * tables: src/lib/import), run once the bundled data is in. Each catches its own failures.
 */
export const beforeReady: ((db: Database) => Promise<void>)[] = [];

/** Starts the engine (once): the database opens with empty tables; a site loaded whole loads everything. */
export function startEngine(): Promise<void> {
  engine ??= import('../db/browser')
    .catch((e: unknown) => {
      throw new LoadFailure('network', 'assets/browser-*.js', '', e instanceof Error ? e.message : String(e));
    })
    .then(({ openDatabase }) => openDatabase(files!, app.summary!.layout.partitions.map((p) => p.path)))
    .then(async (db) => {
      const s = app.summary!;
      // A whole site draws nothing from SQL unless every partition is sound; a retry starts afresh.
      if (!s.layout.partitioned) await db.load().catch(async (e: unknown) => {
        await db.close();
        throw e;
      });
      for (const work of beforeReady) await work(db);
      app.db = db;
      app.status = 'ready';
      performance.mark('db-ready');
    })
    .catch(fail);
  return engine;
}

/** The start failed: the page says what and offers a retry; the console keeps the details. */
function fail(e: unknown) {
  app.status = 'error';
  app.failure = e;
  engine = null; // a retry starts it again
  console.error(e);
}

/** Tries again what failed: the summary, the engine, and every view's data. */
export function retry() {
  app.attempt++;
  if (app.status !== 'error') return;
  app.status = 'loading';
  app.failure = null;
  if (!app.summary) boot();
  else void startEngine();
}

/** Resolves when the first chart has been drawn (Chart.svelte marks it), or after `ms` on a page without one. */
const firstChart = (ms: number) =>
  new Promise<void>((done) => {
    if (performance.getEntriesByName('first-chart').length) return done();
    setTimeout(done, ms);
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-chart').length) {
        observer.disconnect();
        done();
      }
    }).observe({ type: 'mark' });
  });

export function start() {
  addEventListener('popstate', () => arrive(withCountyCode(parseRoute(location.search))));
  // The benchmark (scripts/bench) times the dashboard's own queries in this very engine: `?bench` lends them.
  if (new URLSearchParams(location.search).has('bench')) {
    Object.assign(window, { perflens: { engine: () => startEngine().then(() => app.db), overview, facets } });
  }
  boot();
}

function boot() {
  fetchSummary()
    .then((s) => {
      files = dataFiles(dataUrl(), s.files, decodeJson);
      app.summary = s;
      // An old link's county name becomes its code, in the URL too, before any view asks for data.
      const coded = withCountyCode(app.route);
      if (coded !== app.route) navigate(coded, true);
      // A province: the engine (34 MB of wasm) must not compete with the first chart for the network.
      if (s.layout.partitioned) return firstChart(2000).then(startEngine);
      return startEngine();
    })
    .catch(fail);
}
