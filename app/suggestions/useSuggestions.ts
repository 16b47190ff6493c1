import type { Span } from '../../src/core/types';
import type { Suggestion } from '../../src/suggest/types';

const NONE: readonly Suggestion[] = [];

/**
 * The open document's suggestions for the current annotator: dictionary, pattern and learned
 * matches, minus spans already accepted and suggestions already rejected.
 */
export function useSuggestions(_documentId: string, _text: string, _spans: readonly Span[]): readonly Suggestion[] {
  return NONE;
}
