import { spanKey } from '../../src/core/spans';
import type { SpanDraft } from '../../src/core/types';
import type { Suggestion } from '../../src/suggest/types';

/**
 * What the annotator is offered: the worker's suggestions minus those that are spans already
 * (accepted, or tagged by hand) and those this annotator rejected. Done here rather than in the
 * worker so that accepting or rejecting shows at once.
 */
export function visibleSuggestions(all: readonly Suggestion[], spans: readonly SpanDraft[], rejected: readonly string[]): readonly Suggestion[] {
  if (all.length === 0) return all;
  const hidden = new Set(rejected);
  for (const span of spans) hidden.add(spanKey(span));
  return all.filter((suggestion) => !hidden.has(spanKey(suggestion)));
}
