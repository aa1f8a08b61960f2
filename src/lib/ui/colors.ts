import type { Band } from '../quality/settings';

/** Colours: one per county (in the order of the county list), one per kind and per band. */
export const PALETTE = ['#2f6fb0', '#d9822b', '#3a9a6b', '#b8475a', '#7b5ea7', '#2a9aa8', '#a2783c', '#5b6b7f', '#c4609e', '#6c8f2e'];
export const NO_COUNTY_COLOR = '#8a8f98';
export const KIND_COLORS: Record<string, string> = {
  project: '#2f6fb0', personnel: '#7b5ea7', operating: '#2a9aa8', activity: '#d9822b',
};
/** As app.css's --good, --ok, --warn, --bad: white text reaches 4.5:1 on 优, 良 and 差; 中's badge has dark text. */
export const BAND_COLORS: Record<Band, string> = { 优: '#277a4c', 良: '#3a77ab', 中: '#d4a017', 差: '#c0392b' };
