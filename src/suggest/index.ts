/** Pre-annotation: dictionaries, patterns and the learned gazetteer propose spans to the annotator. */
export type { DictionaryEntry, PatternRule, SuggestRequest, Suggestion, SuggestionSource } from './types';
export { BUILT_IN_METRIC_PATTERN, METRIC_UNITS, compilePattern, findPatternMatches } from './patterns';
export { TermMatcher, parseDictionary } from './dictionary';
export type { DictionaryProblem, ParsedDictionary } from './dictionary';
export { learnGazetteer } from './learned';
export { createSuggester, suggestSpans } from './suggest';
export type { SuggesterConfig } from './suggest';
