import { describe, expect, it } from 'vitest';
import { countyLabel, countyValue, sharedNames, type CountyNames } from './counties';
import { NO_COUNTY } from '../db/scope';

// Hebei's two 新华区, 乐亭县, and a code whose filings never gave a name or a prefecture.
const names: CountyNames = {
  '130105': { county: '新华区', city: '石家庄市' },
  '130902': { county: '新华区', city: '沧州市' },
  '130225': { county: '乐亭县', city: '唐山市' },
  '130104': { county: '桥西区', city: '石家庄市' },
  '130703': { county: '桥西区', city: null },
  '130999': { county: null, city: null },
};
const label = (code: string) => countyLabel(code, names, sharedNames(names));

describe('county labels', () => {
  it('name a county; a name two counties share comes with the prefecture', () => {
    expect(label('130225')).toBe('乐亭县');
    expect(label('130105')).toBe('新华区（石家庄市）');
    expect(label('130902')).toBe('新华区（沧州市）');
  });

  it('never read the same for two codes, even without a prefecture or a name', () => {
    expect(label('130703')).toBe('桥西区（130703）');
    expect(label('130999')).toBe('130999');
    expect(label('139999')).toBe('139999'); // not in the data at all
    const labels = Object.keys(names).map(label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('county filter values from links', () => {
  it('keeps codes and the no-county value', () => {
    expect(countyValue('130902', names)).toBe('130902');
    expect(countyValue(NO_COUNTY, names)).toBe(NO_COUNTY);
  });

  it('turns a name one county bears (an old link) into its code; leaves a shared or unknown name alone', () => {
    expect(countyValue('乐亭县', names)).toBe('130225');
    expect(countyValue('新华区', names)).toBe('新华区');
    expect(countyValue('攸县', names)).toBe('攸县');
  });
});
