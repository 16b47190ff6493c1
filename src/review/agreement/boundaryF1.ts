/**
 * Boundary F1: exact span F1 ignoring labels. A layer may hold the same range under two labels;
 * ranges then count as a multiset (two `[0,2)` in A match at most two `[0,2)` in B), so |A| stays
 * the layer's span count as in exact F1.
 */
import type { SpanDraft } from '../../core/types';
import { f1, sumCounts, type MatchCounts } from './counts';
import type { Measure } from './measure';
import type { PairDocument } from './pairDocument';

export function boundaryCounts(a: readonly SpanDraft[], b: readonly SpanDraft[]): MatchCounts {
  const rangesA = rangeMultiset(a);
  const rangesB = rangeMultiset(b);
  let matches = 0;
  for (const [range, count] of rangesA) matches += Math.min(count, rangesB.get(range) ?? 0);
  return { matches, sizeA: total(rangesA), sizeB: total(rangesB) };
}

export function boundaryF1(documents: readonly PairDocument[]): Measure {
  return f1(sumCounts(documents.map((document) => boundaryCounts(document.a, document.b))));
}

/** Range → how many distinct labelled spans of the layer have it. */
function rangeMultiset(spans: readonly SpanDraft[]): Map<string, number> {
  const labelsByRange = new Map<string, Set<string>>();
  for (const span of spans) {
    const range = `${span.start}:${span.end}`;
    const labels = labelsByRange.get(range) ?? new Set<string>();
    labels.add(span.label);
    labelsByRange.set(range, labels);
  }
  return new Map([...labelsByRange].map(([range, labels]) => [range, labels.size]));
}

function total(multiset: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of multiset.values()) sum += count;
  return sum;
}
