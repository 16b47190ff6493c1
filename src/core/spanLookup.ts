import { compareSpans, spanKey } from './spans';
import type { SpanDraft } from './types';

function isSorted(spans: readonly SpanDraft[]): boolean {
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1];
    const span = spans[i];
    if (before && span && compareSpans(before, span) > 0) return false;
  }
  return true;
}

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
  return (draft) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const span = spans[mid];
      if (span && compareSpans(span, draft) < 0) lo = mid + 1;
      else hi = mid;
    }
    const found = spans[lo];
    return found !== undefined && compareSpans(found, draft) === 0;
  };
}
