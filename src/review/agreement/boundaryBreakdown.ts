/**
 * How a pair's boundaries differ: over the overlap matching (same label, sharing a character),
 * each matched pair whose offsets differ is counted by where B's span starts and ends relative to
 * A's, and as `nested` when one lies inside the other. A pair can count in several columns
 * (B starting earlier and ending later is also nested).
 */
import { overlapMatches } from './overlapF1';
import type { PairDocument } from './pairDocument';

export interface BoundaryBreakdown {
  /** Matched pairs with different offsets. */
  readonly differing: number;
  readonly startsEarlier: number;
  readonly startsLater: number;
  readonly endsEarlier: number;
  readonly endsLater: number;
  readonly nested: number;
}

export function boundaryBreakdown(documents: readonly PairDocument[]): BoundaryBreakdown {
  let differing = 0;
  let startsEarlier = 0;
  let startsLater = 0;
  let endsEarlier = 0;
  let endsLater = 0;
  let nested = 0;
  for (const document of documents) {
    for (const { a, b } of overlapMatches(document.a, document.b)) {
      if (a.start === b.start && a.end === b.end) continue;
      differing++;
      if (b.start < a.start) startsEarlier++;
      if (b.start > a.start) startsLater++;
      if (b.end < a.end) endsEarlier++;
      if (b.end > a.end) endsLater++;
      if ((b.start >= a.start && b.end <= a.end) || (a.start >= b.start && a.end <= b.end)) nested++;
    }
  }
  return { differing, startsEarlier, startsLater, endsEarlier, endsLater, nested };
}
