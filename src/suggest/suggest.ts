/**
 * Combining the three suggestion sources into the list the annotator sees for one document.
 */
import { compareSpans, spanKey } from '../core/spans';
import type { SpanDraft } from '../core/types';
import { isEditorRange } from './editorRange';
import { findPatternMatches } from './patterns';
import { TermMatcher } from './termMatcher';
import type { DictionaryEntry, PatternRule, SuggestRequest, Suggestion, SuggestionSource } from './types';

/** When two sources propose the same start, end and label, the suggestion keeps the most trusted. */
const SOURCE_RANK: Record<SuggestionSource, number> = { dictionary: 0, learned: 1, pattern: 2 };

export interface SuggesterConfig {
  readonly dictionary: readonly DictionaryEntry[];
  readonly patterns: readonly PatternRule[];
  readonly learned: readonly DictionaryEntry[];
}

/**
 * Prepares the sources once (the term automata are the costly part) for many documents: a worker
 * suggesting over a whole project builds one suggester and calls it per document.
 */
export function createSuggester(config: SuggesterConfig): (text: string, existing: readonly SpanDraft[]) => Suggestion[] {
  const dictionary = new TermMatcher(config.dictionary, 'dictionary');
  const learned = new TermMatcher(config.learned, 'learned');
  const patterns = [...config.patterns];
  return (text, existing) =>
    combine(text, existing, [...dictionary.findAll(text), ...learned.findAll(text), ...findPatternMatches(text, patterns)]);
}

/**
 * The suggestions for one document: dictionary, learned and pattern matches, one per
 * (start, end, label) — credited to dictionary before learned before pattern — without any that
 * duplicate an existing span, sorted with `compareSpans`. A match the editor itself could not
 * have produced as a span (one that starts or ends in whitespace, splits a grapheme cluster or
 * cuts an alphabetic word, as `\d+` would in `abc123`) is not offered: accepting it would create
 * a span that no selection can.
 */
export function suggestSpans(request: SuggestRequest): Suggestion[] {
  return createSuggester(request)(request.text, request.existing);
}

function combine(text: string, existing: readonly SpanDraft[], candidates: readonly Suggestion[]): Suggestion[] {
  const taken = new Set(existing.map(spanKey));
  const best = new Map<string, Suggestion>();
  for (const candidate of candidates) {
    const key = spanKey(candidate);
    if (taken.has(key)) continue;
    const current = best.get(key);
    if (current !== undefined && SOURCE_RANK[current.source] <= SOURCE_RANK[candidate.source]) continue;
    best.set(key, candidate);
  }
  return [...best.values()].filter(({ start, end }) => isEditorRange(text, start, end)).sort(compareSpans);
}
