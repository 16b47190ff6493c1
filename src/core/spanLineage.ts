import type { Span, SpanDraft } from './types';

/**
 * Which span list a span list was made from, and by what change. An edit of a 5,000-span layer
 * changes one span, but the editor, the suggestions and the word list are handed a whole new
 * list: knowing its parent and the spans added and removed lets each of them update what it
 * derived from the parent instead of starting over. Lists whose lineage is not known (a read from
 * storage, another tab's write) are simply derived again from scratch.
 */
export interface SpanLineage {
  readonly from: readonly Span[];
  readonly added: readonly Span[];
  readonly removed: readonly Span[];
}

const lineages = new WeakMap<readonly SpanDraft[], SpanLineage>();

/** Records that `spans` is `from` with `added` put in and `removed` taken out. */
export function noteLineage(spans: readonly Span[], lineage: SpanLineage): void {
  if (spans !== lineage.from) lineages.set(spans, lineage);
}

/** How `spans` was made from another list, when that is known. */
export function lineageOf(spans: readonly SpanDraft[]): SpanLineage | undefined {
  return lineages.get(spans);
}

/** The span with id `spanId` in `spans`: among the spans its edit added first (a span just added is usually the one asked for), then all. */
export function findSpan(spans: readonly Span[], spanId: string): Span | undefined {
  return lineageOf(spans)?.added.find((span) => span.id === spanId) ?? spans.find((span) => span.id === spanId);
}
