/**
 * Match counts behind every span F1: F1 = 2·M / (|A| + |B|). Counts, not F1 values, are what get
 * pooled (over documents, labels or pairs), so a pooled F1 is never a mean of means.
 */
import { ratio, type Measure } from './measure';

export interface MatchCounts {
  readonly matches: number;
  readonly sizeA: number;
  readonly sizeB: number;
}

export const NO_COUNTS: MatchCounts = { matches: 0, sizeA: 0, sizeB: 0 };

export const NO_SPANS_REASON = 'neither layer has a span to compare';

export function addCounts(a: MatchCounts, b: MatchCounts): MatchCounts {
  return { matches: a.matches + b.matches, sizeA: a.sizeA + b.sizeA, sizeB: a.sizeB + b.sizeB };
}

export function sumCounts(counts: Iterable<MatchCounts>): MatchCounts {
  let total = NO_COUNTS;
  for (const count of counts) total = addCounts(total, count);
  return total;
}

export function f1(counts: MatchCounts): Measure {
  return ratio(2 * counts.matches, counts.sizeA + counts.sizeB, NO_SPANS_REASON);
}
