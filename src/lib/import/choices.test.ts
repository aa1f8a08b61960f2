import { describe, expect, it } from 'vitest';
import { mergeChoices, mergeNames } from './choices';
import type { Choices } from '../db/queries';

const none: Choices = { county: [], year: [], department: [], department_kind: [], kind: [], level1: [], level2: [], band: [], rule: [] };

describe('the filter choices with the imported filings', () => {
  it('adds what the imports bring, once each, in the build’s order (the filings without a county last)', () => {
    const built = { ...none, county: ['130225', '130229', null], year: [2022, 2024], rule: ['cost-over-budget'] };
    const more = { ...none, county: ['130229', '410225', null], year: [2021, 2024], rule: ['cross-filing-boilerplate'] };
    const m = mergeChoices(built, more);
    expect(m.county).toEqual(['130225', '130229', '410225', null]);
    expect(m.year).toEqual([2021, 2022, 2024]);
    expect(m.rule).toEqual(['cost-over-budget', 'cross-filing-boilerplate']);
  });

  it('never renames a bundled county', () => {
    const names = mergeNames({ '130229': { county: '玉田县', city: '唐山市' } }, { '130229': { county: '玉田', city: null }, '410225': { county: '兰考县', city: '开封市' } });
    expect(names).toEqual({ '130229': { county: '玉田县', city: '唐山市' }, '410225': { county: '兰考县', city: '开封市' } });
  });
});
