/**
 * Overlap F1 (REVIEW.md): per document, a maximum one-to-one matching between A's and B's spans
 * of the same label that share at least one character; `2·matches / (|A| + |B|)`, pooled over
 * documents. Spans are put in canonical order first, so which maximum matching is found (it
 * matters to the boundary breakdown, not to the count) never depends on input order.
 */
import { compareSpans, spanKey } from '../../core/spans';
import type { SpanDraft } from '../../core/types';
import { overlaps } from '../candidates';
import { f1, sumCounts, type MatchCounts } from './counts';
import { maximumMatching } from './matching';
import type { Measure } from './measure';
import type { PairDocument } from './pairDocument';

export interface OverlapMatch {
  readonly a: SpanDraft;
  readonly b: SpanDraft;
}

/** The matched pairs of one document, in A's canonical order. */
export function overlapMatches(a: readonly SpanDraft[], b: readonly SpanDraft[]): OverlapMatch[] {
  return matchDistinctSorted(distinctSorted(a), distinctSorted(b));
}

/** The same on layers already distinct and in canonical order (the report prepares each layer once). */
export function matchDistinctSorted(left: readonly SpanDraft[], right: readonly SpanDraft[]): OverlapMatch[] {
  // Both sides are sorted by start: a leading B span that ends before this A span starts can meet
  // no later A span either, and the scan stops at the first B span starting after A's end.
  const edges: number[][] = [];
  let first = 0;
  for (const spanA of left) {
    const adjacent: number[] = [];
    while (first < right.length && (right[first]?.end ?? 0) <= spanA.start) first++;
    for (let index = first; index < right.length; index++) {
      const spanB = right[index];
      if (!spanB || spanB.start >= spanA.end) break;
      if (spanA.label === spanB.label && overlaps(spanA, spanB)) adjacent.push(index);
    }
    edges.push(adjacent);
  }
  const matchOf = maximumMatching(left.length, edges);
  const matches: OverlapMatch[] = [];
  left.forEach((spanA, index) => {
    const spanB = right[matchOf[index] ?? -1];
    if (spanB) matches.push({ a: spanA, b: spanB });
  });
  return matches;
}

export function overlapCounts(a: readonly SpanDraft[], b: readonly SpanDraft[]): MatchCounts {
  return { matches: overlapMatches(a, b).length, sizeA: distinctSorted(a).length, sizeB: distinctSorted(b).length };
}

export function overlapF1(documents: readonly PairDocument[]): Measure {
  return f1(sumCounts(documents.map((document) => overlapCounts(document.a, document.b))));
}

/** A layer is a set of `(start, end, label)`: duplicates count once, as in exact F1. */
export function distinctSorted(spans: readonly SpanDraft[]): SpanDraft[] {
  const byKey = new Map(spans.map((span) => [spanKey(span), { start: span.start, end: span.end, label: span.label }]));
  return [...byKey.values()].sort(compareSpans);
}
