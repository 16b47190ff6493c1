/**
 * Everything the report says about one pair, accumulated document by document from prepared
 * layers: exact counts (overall and per label), boundary and overlap counts, Cohen's κ tallies,
 * label confusion and the boundary breakdown. Counts are summed, never F1 values, so every pooled
 * number is REVIEW.md's `2·ΣM / Σ(|A| + |B|)`.
 */
import { compareStrings } from '../order';
import type { BoundaryBreakdown } from './boundaryBreakdown';
import { NO_COUNTS, type MatchCounts } from './counts';
import type { LabelConfusion } from './labelConfusion';
import { measured, ratio, undefinedBecause, type Measure } from './measure';
import { matchDistinctSorted } from './overlapF1';
import type { PreparedLayer } from './preparedLayer';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class PairTally {
  documents = 0;
  readonly exact: Mutable<MatchCounts> = { ...NO_COUNTS };
  readonly exactByLabel = new Map<string, Mutable<MatchCounts>>();
  readonly boundary: Mutable<MatchCounts> = { ...NO_COUNTS };
  readonly overlap: Mutable<MatchCounts> = { ...NO_COUNTS };
  readonly breakdown: Mutable<BoundaryBreakdown> = { differing: 0, startsEarlier: 0, startsLater: 0, endsEarlier: 0, endsLater: 0, nested: 0 };
  characters = 0;
  agreedCharacters = 0;
  private readonly categoriesA: number[] = [];
  private readonly categoriesB: number[] = [];
  private readonly confusion = new Map<string, { labelA: string; labelB: string; count: number }>();

  /** Adds one document where both annotators have a layer; returns its exact counts. */
  add(a: PreparedLayer, b: PreparedLayer): MatchCounts {
    this.documents++;
    const exact = this.addExact(a, b);
    this.addBoundary(a, b);
    this.addOverlap(a, b);
    this.addConfusion(a, b);
    this.addCharacters(a.categories(), b.categories());
    return exact;
  }

  private label(label: string): Mutable<MatchCounts> {
    let counts = this.exactByLabel.get(label);
    if (!counts) this.exactByLabel.set(label, (counts = { ...NO_COUNTS }));
    return counts;
  }

  private addExact(a: PreparedLayer, b: PreparedLayer): MatchCounts {
    let matches = 0;
    for (const span of a.spans) {
      const counts = this.label(span.label);
      counts.sizeA++;
      if (b.keys.has(`${span.start}:${span.end}:${span.label}`)) {
        matches++;
        counts.matches++;
      }
    }
    for (const span of b.spans) this.label(span.label).sizeB++;
    this.exact.matches += matches;
    this.exact.sizeA += a.spans.length;
    this.exact.sizeB += b.spans.length;
    return { matches, sizeA: a.spans.length, sizeB: b.spans.length };
  }

  /** Ranges as a multiset: a range under two labels counts twice (boundaryF1.ts). */
  private addBoundary(a: PreparedLayer, b: PreparedLayer): void {
    for (const [range, labels] of a.labelsByRange) this.boundary.matches += Math.min(labels.size, b.labelsByRange.get(range)?.size ?? 0);
    this.boundary.sizeA += a.spans.length;
    this.boundary.sizeB += b.spans.length;
  }

  private addOverlap(a: PreparedLayer, b: PreparedLayer): void {
    const matches = a.spans.length === 0 || b.spans.length === 0 ? [] : matchDistinctSorted(a.spans, b.spans);
    this.overlap.matches += matches.length;
    this.overlap.sizeA += a.spans.length;
    this.overlap.sizeB += b.spans.length;
    const counts = this.breakdown;
    for (const { a: x, b: y } of matches) {
      if (x.start === y.start && x.end === y.end) continue;
      counts.differing++;
      if (y.start < x.start) counts.startsEarlier++;
      if (y.start > x.start) counts.startsLater++;
      if (y.end < x.end) counts.endsEarlier++;
      if (y.end > x.end) counts.endsLater++;
      if ((y.start >= x.start && y.end <= x.end) || (x.start >= y.start && x.end <= y.end)) counts.nested++;
    }
  }

  /** Same range, different labels (labelConfusion.ts). */
  private addConfusion(a: PreparedLayer, b: PreparedLayer): void {
    for (const [range, inA] of a.labelsByRange) {
      const inB = b.labelsByRange.get(range);
      if (!inB) continue;
      for (const labelA of inA) {
        if (inB.has(labelA)) continue;
        for (const labelB of inB) {
          if (inA.has(labelB)) continue;
          const key = `${labelA}\u0000${labelB}`;
          const entry = this.confusion.get(key);
          if (entry) entry.count++;
          else this.confusion.set(key, { labelA, labelB, count: 1 });
        }
      }
    }
  }

  private addCharacters(a: Int32Array, b: Int32Array): void {
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const x = a[i] ?? 0;
      const y = b[i] ?? 0;
      if (x === y) this.agreedCharacters++;
      this.categoriesA[x] = (this.categoriesA[x] ?? 0) + 1;
      this.categoriesB[y] = (this.categoriesB[y] ?? 0) + 1;
    }
    this.characters += length;
  }

  /** Cohen's κ in integer counts: `(N·agreed − Σ n_a,k·n_b,k) / (N² − Σ n_a,k·n_b,k)` (cohenKappa.ts). */
  kappa(): Measure {
    const n = this.characters;
    if (n === 0) return undefinedBecause('no characters to compare');
    let expected = 0;
    this.categoriesA.forEach((countA, category) => (expected += countA * (this.categoriesB[category] ?? 0)));
    const denominator = n * n - expected;
    if (denominator === 0) return undefinedBecause('chance agreement is 1: both layers give every character the same single category');
    return measured((n * this.agreedCharacters - expected) / denominator);
  }

  /** `O` assignments in both layers (category 0). */
  untaggedCount(): number {
    return (this.categoriesA[0] ?? 0) + (this.categoriesB[0] ?? 0);
  }

  /** Share of the 2·N category assignments that are `O` (category 0). */
  untaggedShare(): Measure {
    return ratio(this.untaggedCount(), 2 * this.characters, 'no characters to compare');
  }

  labelConfusion(): LabelConfusion[] {
    return [...this.confusion.values()].sort((x, y) => compareStrings(x.labelA, y.labelA) || compareStrings(x.labelB, y.labelB));
  }
}
