import { describe, expect, it } from 'vitest';
import { band, DEFAULT_SETTINGS, readSettings } from './settings';

describe('settings', () => {
  it('bands a score by the settings’ thresholds (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 by default)', () => {
    expect([95, 90, 89.9, 80, 60, 59.9].map((x) => band(x))).toEqual(['优', '优', '良', '良', '中', '差']);
    expect(band(null)).toBeNull();
    expect(band(92, { ...DEFAULT_SETTINGS, bands: { 优: 95, 良: 85, 中: 60 } })).toBe('良');
  });
  it('reads a province’s part of the settings over the defaults', () => {
    expect(readSettings({ satisfactionThreshold: 90, bands: { 优: 95 } })).toEqual({ ...DEFAULT_SETTINGS, satisfactionThreshold: 90, bands: { ...DEFAULT_SETTINGS.bands, 优: 95 } });
    expect(readSettings({})).toEqual(DEFAULT_SETTINGS);
  });
  it('says what is wrong with settings it cannot use, naming the key', () => {
    expect(readSettings({ bands: { 优: '90' } })).toBe('bands.优 takes a number of 0 or more, not "90"');
    expect(readSettings({ satisfaction: 90 })).toMatch(/^unknown setting satisfaction \(known: satisfactionThreshold, /);
    expect(readSettings({ indicator: { measurable: 50 } })).toBe('indicator parts sum to 110, not 100');
    expect(readSettings({ bands: { 良: 95 } })).toMatch(/^bands must fall/);
    expect(readSettings([])).toMatch(/^the settings must be an object/);
  });
});
