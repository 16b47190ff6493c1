/**
 * The engine's suggester, taken apart so the worker can say which pattern is running: terms
 * (dictionary and learned) in one pass, then each pattern on its own, announced first. A pattern
 * that backtracks forever hangs the worker inside that one call; the page sees which pattern was
 * announced last, stops the worker and skips that pattern from then on.
 *
 * The result equals `suggestSpans` with the same sources and no existing spans: one suggestion
 * per (start, end, label), credited dictionary before learned before pattern (the first source
 * to propose a range keeps it, and they are merged in that order), sorted.
 */
import { compareSpans, spanKey } from '../core/spans';
import { createSuggester } from '../suggest/suggest';
import type { DictionaryEntry, PatternRule, Suggestion } from '../suggest/types';

export interface DocumentSuggesterSources {
  readonly dictionary: readonly DictionaryEntry[];
  readonly learned: readonly DictionaryEntry[];
  readonly patterns: readonly PatternRule[];
}

export type DocumentSuggester = (text: string, onRule?: (rule: PatternRule | null) => void) => Suggestion[];

type Suggester = ReturnType<typeof createSuggester>;

/**
 * Prepared suggesters per source, keyed by the (immutable) entry list or rule they were built
 * from: a new gazetteer version rebuilds the learned automaton only, not a large dictionary's.
 */
const dictionarySuggesters = new WeakMap<readonly DictionaryEntry[], Suggester>();
const learnedSuggesters = new WeakMap<readonly DictionaryEntry[], Suggester>();
const ruleSuggesters = new WeakMap<PatternRule, Suggester>();

function cached<K extends object>(cache: WeakMap<K, Suggester>, key: K, build: () => Suggester): Suggester {
  let suggester = cache.get(key);
  if (suggester === undefined) {
    suggester = build();
    cache.set(key, suggester);
  }
  return suggester;
}

/** Builds (or reuses) the term automata, the costly part; call the result once per document. */
export function createDocumentSuggester(sources: DocumentSuggesterSources): DocumentSuggester {
  const { dictionary, learned } = sources;
  const parts: Suggester[] = [];
  if (dictionary.length > 0) parts.push(cached(dictionarySuggesters, dictionary, () => createSuggester({ dictionary, learned: [], patterns: [] })));
  if (learned.length > 0) parts.push(cached(learnedSuggesters, learned, () => createSuggester({ dictionary: [], learned, patterns: [] })));
  const patterns = [...sources.patterns];
  return (text, onRule) => {
    const found = new Map<string, Suggestion>();
    const add = (suggestions: readonly Suggestion[]) => {
      for (const suggestion of suggestions) {
        const key = spanKey(suggestion);
        if (!found.has(key)) found.set(key, suggestion);
      }
    };
    for (const part of parts) add(part(text, []));
    for (const rule of patterns) {
      onRule?.(rule);
      add(cached(ruleSuggesters, rule, () => createSuggester({ dictionary: [], learned: [], patterns: [rule] }))(text, []));
    }
    onRule?.(null);
    return [...found.values()].sort(compareSpans);
  };
}
