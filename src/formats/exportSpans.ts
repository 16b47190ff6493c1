/**
 * What every exporter does first: drop spans that cannot be written (an empty or out-of-range
 * range would be a bug upstream, but a file must never carry it) and put the rest in file order.
 */
import { sortSpans } from '../core/spans';
import type { Span } from '../core/types';

export function exportableSpans(text: string, spans: readonly Span[]): { spans: Span[]; dropped: number } {
  const valid = spans.filter((span) => span.start >= 0 && span.start < span.end && span.end <= text.length);
  return { spans: sortSpans(valid), dropped: spans.length - valid.length };
}
