import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanKey } from '../../core/spans';
import type { SpanDraft } from '../../core/types';
import { arbitrarySpans, span, WORKED_LAYERS, WORKED_TEXT } from '../testing';
import { boundaryBreakdown } from './boundaryBreakdown';
import { boundaryF1 } from './boundaryF1';
import { cohenKappa } from './cohenKappa';
import { exactF1 } from './exactF1';
import { labelConfusion } from './labelConfusion';
import { maximumMatching, matchingSize } from './matching';
import { overlapCounts, overlapF1 } from './overlapF1';
import type { PairDocument } from './pairDocument';
import { pairDocuments } from './scope';

const worked = [{ id: 'd', text: WORKED_TEXT, layers: WORKED_LAYERS }];
const pairDocs = fc.array(
  fc.record({ text: fc.constantFrom('abcdefghijkl', '𠮷𠮷ab刘艳霞cdefg'), a: arbitrarySpans(), b: arbitrarySpans() }),
  { maxLength: 4 },
);
const shuffled = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe('overlap matching', () => {
  it('finds the maximum matching where a greedy one stops short', () => {
    // Greedy in text order gives [0,5) the span [1,3), leaving [1,2) unmatched; the maximum is 2.
    const a = [span('a1', 0, 5, 'x'), span('a2', 1, 2, 'x')];
    const b = [span('b1', 1, 3, 'x'), span('b2', 4, 5, 'x')];
    expect(overlapCounts(a, b)).toEqual({ matches: 2, sizeA: 2, sizeB: 2 });
  });

  it('matches only spans of the same label that share a character', () => {
    expect(overlapCounts([span('a', 0, 2, 'x'), span('a2', 4, 6, 'x')], [span('b', 0, 2, 'y'), span('b2', 6, 8, 'x')]).matches).toBe(0);
  });

  it('equals a brute-force maximum on small graphs (property)', () => {
    const graphs = fc.integer({ min: 0, max: 5 }).chain((left) =>
      fc.tuple(fc.constant(left), fc.integer({ min: 0, max: 5 })).chain(([l, r]) =>
        fc.tuple(fc.constant(l), fc.constant(r), fc.array(fc.uniqueArray(fc.nat(Math.max(0, r - 1)), { maxLength: r }), { minLength: l, maxLength: l })),
      ),
    );
    fc.assert(
      fc.property(graphs, ([left, right, edges]) => {
        const matchOf = maximumMatching(left, right === 0 ? edges.map(() => []) : edges);
        const used = matchOf.filter((r) => r !== -1);
        expect(new Set(used).size).toBe(used.length);
        matchOf.forEach((r, l) => r === -1 || expect(edges[l]).toContain(r));
        expect(matchingSize(matchOf)).toBe(bruteForce(right === 0 ? edges.map(() => []) : edges, 0, new Set()));
      }),
    );
  });
});

function bruteForce(edges: readonly (readonly number[])[], left: number, used: Set<number>): number {
  if (left >= edges.length) return 0;
  let best = bruteForce(edges, left + 1, used);
  for (const right of edges[left] ?? []) {
    if (used.has(right)) continue;
    used.add(right);
    best = Math.max(best, 1 + bruteForce(edges, left + 1, used));
    used.delete(right);
  }
  return best;
}

describe('label confusion and boundary breakdown of the worked example', () => {
  it('finds place (A) against person (C) on [3,5)', () => {
    expect(labelConfusion(pairDocuments(worked, 'A', 'C'))).toEqual([{ labelA: 'place', labelB: 'person', count: 1 }]);
    expect(labelConfusion(pairDocuments(worked, 'A', 'B'))).toEqual([]);
  });

  it('finds B ending earlier on policy and starting later on metric, both nested', () => {
    expect(boundaryBreakdown(pairDocuments(worked, 'A', 'B'))).toEqual({
      differing: 2,
      startsEarlier: 0,
      startsLater: 1,
      endsEarlier: 1,
      endsLater: 0,
      nested: 2,
    });
  });
});

describe('pair metric properties', () => {
  it('pooled exact F1 equals a naive sum over documents', () => {
    fc.assert(
      fc.property(pairDocs, (documents) => {
        let matches = 0;
        let total = 0;
        for (const document of documents) {
          const a = distinct(document.a);
          const b = distinct(document.b);
          for (const x of a) for (const y of b) if (x.start === y.start && x.end === y.end && x.label === y.label) matches++;
          total += a.length + b.length;
        }
        const measure = exactF1(documents);
        if (total === 0) expect(measure.value).toBeNull();
        else expect(measure.value).toBeCloseTo((2 * matches) / total, 12);
      }),
    );
  });

  it('no pair metric depends on span order, document order, or which annotator is a', () => {
    fc.assert(
      fc.property(
        pairDocs.chain((documents) =>
          fc.tuple(
            fc.constant(documents),
            fc.tuple(...documents.map((d) => fc.tuple(shuffled(d.a), shuffled(d.b)).map(([a, b]): PairDocument => ({ text: d.text, a, b })))).chain(shuffled),
          ),
        ),
        ([documents, permuted]) => {
          const swapped = permuted.map((d) => ({ text: d.text, a: d.b, b: d.a }));
          for (const metric of [exactF1, boundaryF1, overlapF1, (docs: readonly PairDocument[]) => cohenKappa(docs).kappa]) {
            const expected = metric(documents);
            for (const other of [metric(permuted), metric(swapped)]) {
              if (expected.value === null) expect(other).toEqual(expected);
              else expect(other.value).toBeCloseTo(expected.value, 12);
            }
          }
        },
      ),
    );
  });

  it('keeps every F1 within [0, 1], and exact ≤ boundary, exact ≤ overlap', () => {
    fc.assert(
      fc.property(pairDocs, (documents) => {
        const exact = exactF1(documents).value;
        if (exact === null) return;
        expect(exact).toBeGreaterThanOrEqual(0);
        expect(boundaryF1(documents).value ?? -1).toBeGreaterThanOrEqual(exact - 1e-12);
        expect(overlapF1(documents).value ?? -1).toBeGreaterThanOrEqual(exact - 1e-12);
        expect(overlapF1(documents).value ?? 2).toBeLessThanOrEqual(1);
      }),
    );
  });
});

function distinct(spans: readonly SpanDraft[]): SpanDraft[] {
  return [...new Map(spans.map((s) => [spanKey(s), s])).values()];
}
