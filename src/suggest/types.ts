/**
 * Vocabulary of the pre-annotation engine. Offsets are UTF-16 code units, half-open
 * `[start, end)`, exactly as for accepted spans (see `src/core/types.ts`).
 */
import type { SpanDraft } from '../core/types';

/** Where a suggestion came from; the UI may style or filter by it. */
export type SuggestionSource = 'dictionary' | 'pattern' | 'learned';

/** A span proposed to the annotator, who accepts (it becomes a Span) or rejects it. */
export interface Suggestion extends SpanDraft {
  readonly source: SuggestionSource;
  /** The PatternRule that produced it; only for `source: 'pattern'`. */
  readonly ruleId?: string;
}

export interface PatternRule {
  readonly id: string;
  readonly label: string;
  /** A JavaScript RegExp source, compiled in Unicode mode (`u`) with `g` always added. */
  readonly pattern: string;
  /** Extra flags such as `i`, `m`, `s`; `g` and `u` are added, `y` is refused. */
  readonly flags?: string;
  /** Shipped with the app (not user-written); the UI may lock it against editing. */
  readonly builtIn?: boolean;
}

export interface DictionaryEntry {
  readonly label: string;
  readonly term: string;
}

export interface SuggestRequest {
  readonly text: string;
  readonly dictionary: readonly DictionaryEntry[];
  readonly patterns: readonly PatternRule[];
  readonly learned: readonly DictionaryEntry[];
  /** The document's current spans: a suggestion identical to one of them is not offered. */
  readonly existing: readonly SpanDraft[];
}
