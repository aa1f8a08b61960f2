import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRoute, HOME, MAX_PAGE, pageWithin, parseRoute, VIEWS, type Route } from './route';
import { DATA_TABLES } from '../db/data-tables';
import { NO_COUNTY } from '../db/scope';

describe('route ⇄ URL', () => {
  it('the home view is an empty query string', () => {
    expect(formatRoute(HOME)).toBe('');
    expect(parseRoute('')).toEqual(HOME);
  });

  it('keeps every filter, including the filing without a county and hostile text', () => {
    const r: Route = {
      ...HOME,
      view: 'data',
      table: 'findings',
      sort: 'score',
      desc: true,
      page: 2,
      lang: 'en',
      filters: { ...HOME.filters, county: NO_COUNTY, year: 2022, q: '<img src=x onerror=alert(1)> & =1+1', rule: 'cost-over-budget' },
    };
    expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it('keeps the source filter (内置 / 导入); an unknown source is no filter', () => {
    for (const source of ['bundled', 'imported']) {
      const r: Route = { ...HOME, view: 'reading', filters: { ...HOME.filters, source } };
      expect(parseRoute(formatRoute(r))).toEqual(r);
    }
    expect(parseRoute('?source=elsewhere').filters.source).toBeNull();
  });

  it('round-trips any route it writes', () => {
    const text = fc.option(fc.string({ minLength: 1 }).filter((s) => s.trim() === s), { nil: null });
    const route = fc.record({
      view: fc.constantFrom(...VIEWS.filter((v) => v !== 'project' && v !== 'opinion' && v !== 'rule')),
      table: fc.constantFrom(...DATA_TABLES),
      county: text,
      q: text,
      year: fc.option(fc.integer({ min: 1990, max: 2099 }), { nil: null }),
    });
    fc.assert(
      fc.property(route, ({ view, table, county, q, year }) => {
        const r: Route = { ...HOME, view, table: view === 'data' ? table : HOME.table, filters: { ...HOME.filters, county, q, year } };
        expect(parseRoute(formatRoute(r))).toEqual(r);
      }),
    );
  });

  it('a rule page is the rule filter’s rule, and keeps the page it was opened from; without a rule, the overview', () => {
    expect(parseRoute('?view=rule').view).toBe('overview');
    const r = parseRoute('?view=rule&rule=basis-generic&from=project&project=abc-1&lang=en');
    expect(r).toMatchObject({ view: 'rule', from: 'project', project: 'abc-1', lang: 'en' });
    expect(r.filters.rule).toBe('basis-generic');
    expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it('ignores what it does not know rather than failing', () => {
    const r = parseRoute('?view=nope&year=twenty&page=-3&table=x&lang=fr');
    expect(r.view).toBe('overview');
    expect(r.filters.year).toBeNull();
    expect(r.page).toBe(0);
    expect(r.table).toBe(HOME.table);
    expect(r.lang).toBe('zh');
  });

  it('keeps a page number an exact integer SQL can take, and shows the last page past the end', () => {
    expect(parseRoute('?view=data&page=99999999999999999999').page).toBe(MAX_PAGE);
    expect(parseRoute('?view=data&page=1e400').page).toBe(0); // Infinity
    expect(Number.isSafeInteger(MAX_PAGE * 50)).toBe(true); // its offset, 50 rows a page
    expect(pageWithin(MAX_PAGE, 120, 50)).toEqual({ at: 2, missing: true });
    expect(pageWithin(2, 120, 50)).toEqual({ at: 2, missing: false });
    expect(pageWithin(3, 0, 50)).toEqual({ at: 0, missing: true });
  });

  it('a project page without a project falls back to the overview', () => {
    expect(parseRoute('?view=project').view).toBe('overview');
    expect(parseRoute('?view=project&project=abc-1&from=quality')).toMatchObject({ view: 'project', project: 'abc-1', from: 'quality' });
  });

  it('a review opinion names its filing, and the project page it was opened from; without a filing, the overview', () => {
    expect(parseRoute('?view=opinion').view).toBe('overview');
    const fromReading: Route = { ...HOME, view: 'opinion', filing: '5bb4891800bb16aa', from: 'reading' };
    expect(formatRoute(fromReading)).toBe('?view=opinion&filing=5bb4891800bb16aa&from=reading');
    expect(parseRoute(formatRoute(fromReading))).toEqual(fromReading);
    const fromProject: Route = { ...HOME, view: 'opinion', filing: '5bb4891800bb16aa', from: 'project', project: '5bb4891800bb16aa-9' };
    expect(parseRoute(formatRoute(fromProject))).toEqual(fromProject);
    // a project opened from an opinion keeps the way back to it
    const back: Route = { ...HOME, view: 'project', project: '5bb4891800bb16aa-9', from: 'opinion', filing: '5bb4891800bb16aa' };
    expect(parseRoute(formatRoute(back))).toEqual(back);
  });

  it('keeps the 对比 view’s sides in the URL: counties or county-years, each once, at most four', () => {
    const r: Route = { ...HOME, view: 'compare', sides: [{ county: '130225', year: null }, { county: '130225', year: 2023 }, { county: '130229', year: 2022 }], filters: { ...HOME.filters, department_kind: '人大常委会' } };
    expect(formatRoute(r)).toBe('?view=compare&department_kind=%E4%BA%BA%E5%A4%A7%E5%B8%B8%E5%A7%94%E4%BC%9A&sides=130225%2C130225%3A2023%2C130229%3A2022');
    expect(parseRoute(formatRoute(r))).toEqual(r);
    const messy = parseRoute('?view=compare&sides=130225,130225,x,130229:20,130229:2022,130230,130231,130232');
    expect(messy.sides.map((s) => `${s.county}:${s.year}`)).toEqual(['130225:null', '130229:2022', '130230:null', '130231:null']);
    // another view does not carry them in its link
    expect(formatRoute({ ...r, view: 'overview' })).not.toContain('sides');
  });
});
