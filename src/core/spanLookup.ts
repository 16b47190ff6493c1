import { isSorted, seekSpan, spanKey } from './spans';
import type { SpanDraft } from './types';

/**
 * "Is there a span with this range and label?" over `spans`. A layer's spans come sorted
 * (`sortSpans`), so each question is a bisection: asking about a handful of drafts on every edit
 * of a 5,000-span layer must not build 5,000 keys first. Unsorted spans get a key set instead.
 */
export function spanLookup(spans: readonly SpanDraft[]): (draft: SpanDraft) => boolean {
  if (!isSorted(spans)) {
    const keys = new Set(spans.map(spanKey));
    return (draft) => keys.has(spanKey(draft));
  }
  return (draft) => seekSpan(spans, draft).found;
}
