export { assess, assessCorpus, assessFiling, corpusPlaces, evidencedByKind, indicatorKey, isPartialRubric, scoredParts, type FilingQuality, type FilingTerms, type IndicatorScore, type ProjectTerms, type QualityFinding } from './assess';
export { corpusRows, type CorpusRow, type Places, type Rule } from './rule';
export { RULES, RULE_IDS } from './rules';
export { band, BANDS, DEFAULT_SETTINGS, readSettings, type Band, type Settings } from './settings';
export { flagged, planFlags, PLAN_TOLERANCE, type PlanFlags } from './plan';
