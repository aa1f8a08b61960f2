export { assess, assessCorpus, assessFiling, corpusPlaces, indicatorKey, type FilingQuality, type IndicatorScore, type QualityFinding } from './assess';
export { corpusRows, RULES, RULE_IDS, type CorpusRow, type Places, type Rule } from './rules';
export { band, DEFAULT_SETTINGS, type Band, type Settings } from './settings';
