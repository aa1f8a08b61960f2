export { assess, indicatorKey, type FilingQuality, type IndicatorScore, type QualityFinding } from './assess';
export { RULES, RULE_IDS, type Rule } from './rules';
export { band, DEFAULT_SETTINGS, type Band, type Settings } from './settings';
