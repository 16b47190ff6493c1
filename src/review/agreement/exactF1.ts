/**
 * Exact span F1 (REVIEW.md): a match is the same `(start, end, label)` in both layers. A layer is
 * a set (duplicates cannot exist), so spans are counted once per distinct triple.
 */
import { spanKey } from '../../core/spans';
import type { SpanDraft } from '../../core/types';
import { compareStrings } from '../order';
import { f1, sumCounts, type MatchCounts } from './counts';
import type { Measure } from './measure';
import type { PairDocument } from './pairDocument';

/** Counts on one document, optionally restricted to one label. */
export function exactCounts(a: readonly SpanDraft[], b: readonly SpanDraft[], label?: string): MatchCounts {
  const keep = (span: SpanDraft) => label === undefined || span.label === label;
  const keysA = new Set(a.filter(keep).map(spanKey));
  const keysB = new Set(b.filter(keep).map(spanKey));
  let matches = 0;
  for (const key of keysA) if (keysB.has(key)) matches++;
  return { matches, sizeA: keysA.size, sizeB: keysB.size };
}

/** Pooled over the pair's documents. */
export function exactF1(documents: readonly PairDocument[], label?: string): Measure {
  return f1(exactPairCounts(documents, label));
}

export function exactPairCounts(documents: readonly PairDocument[], label?: string): MatchCounts {
  return sumCounts(documents.map((document) => exactCounts(document.a, document.b, label)));
}

/** Per label, pooled over the pair's documents; labels in sorted order, each with its counts. */
export function exactCountsByLabel(documents: readonly PairDocument[]): Map<string, MatchCounts> {
  const labels = [...new Set(documents.flatMap((document) => [...document.a, ...document.b].map((span) => span.label)))].sort(compareStrings);
  return new Map(labels.map((label) => [label, exactPairCounts(documents, label)]));
}
