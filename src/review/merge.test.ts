import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMerge, mergeDocument, mergeDocuments, type MergeOptions } from './merge';
import { MAJORITY_OF_THREE, type MergeStrategy } from './strategies';
import { arbitraryLayers, shuffledLayers, span, WORKED_LAYERS } from './testing';
import type { Decision, ReviewLayer } from './types';

const S = ['A', 'B', 'C'];
const options = (strategy: MergeStrategy, more: Partial<MergeOptions> = {}): MergeOptions => ({
  strategy,
  annotators: S,
  reviewer: 'R',
  at: 7,
  ...more,
});
const outcome = (decisions: readonly Decision[]) => decisions.map((decision) => `${decision.state} ${decision.candidateKey}`);
const worked = { documentId: 'd1', layers: WORKED_LAYERS, decisions: [] };

const strategies: fc.Arbitrary<MergeStrategy> = fc.oneof(
  fc.constant<MergeStrategy>({ kind: 'unanimous' }),
  fc.constant<MergeStrategy>({ kind: 'agreement-among-present' }),
  fc.record({ kind: fc.constant('threshold' as const), minVotes: fc.integer({ min: 1, max: 3 }), minShare: fc.constantFrom(0, 0.5, 2 / 3, 1) }),
);

describe('auto-merge on the worked example', () => {
  it('majority of three accepts person, place and the long policy, rejects the others, leaves metric open', () => {
    const merge = mergeDocument(worked, options(MAJORITY_OF_THREE));
    expect(outcome(merge.added)).toEqual([
      'accepted 0:2:person',
      'rejected 3:5:person',
      'accepted 3:5:place',
      'rejected 7:9:policy',
      'accepted 7:11:policy',
    ]);
    expect(merge.added.find((decision) => decision.candidateKey === '7:11:policy')).toEqual({
      candidateKey: '7:11:policy',
      state: 'accepted',
      sources: ['A', 'C'],
      reviewer: 'R',
      at: 7,
    });
  });

  it('without "Reject the others" only accepts', () => {
    expect(outcome(mergeDocument(worked, options(MAJORITY_OF_THREE, { rejectOthers: false })).added)).toEqual([
      'accepted 0:2:person',
      'accepted 3:5:place',
      'accepted 7:11:policy',
    ]);
  });

  it('unanimous accepts only what all three proposed', () => {
    expect(outcome(mergeDocument(worked, options({ kind: 'unanimous' })).added)).toEqual(['accepted 0:2:person']);
  });

  it('agreement among those present accepts what everyone tagging there proposed', () => {
    const layers: ReviewLayer[] = [
      { annotator: 'A', spans: [span('a', 0, 2, 'x'), span('a2', 5, 7, 'y')] },
      { annotator: 'B', spans: [span('b', 0, 2, 'x'), span('b2', 5, 7, 'y'), span('b3', 9, 10, 'z')] },
      { annotator: 'C', spans: [span('c', 5, 7, 'y'), span('c2', 5, 6, 'x')] },
    ];
    const doc = { documentId: 'd', layers, decisions: [] };
    // Unanimous needs C at [0,2); agreement needs only A and B, the two who tagged there; [9,10) has one voter.
    expect(outcome(mergeDocument(doc, options({ kind: 'agreement-among-present' })).added)).toEqual([
      'accepted 0:2:x',
      'rejected 5:6:x',
      'accepted 5:7:y',
    ]);
    expect(outcome(mergeDocument(doc, options({ kind: 'unanimous' })).added)).toEqual(['rejected 5:6:x', 'accepted 5:7:y']);
  });

  it('unanimous needs two annotators: one lone layer accepts nothing', () => {
    const doc = { documentId: 'd', layers: [{ annotator: 'A', spans: [span('a', 0, 2, 'x')] }], decisions: [] };
    expect(mergeDocument(doc, options({ kind: 'unanimous' })).added).toEqual([]);
    expect(outcome(mergeDocument(doc, options({ kind: 'threshold', minVotes: 1, minShare: 1 })).added)).toEqual(['accepted 0:2:x']);
  });

  it('never changes a decided candidate, unless told to discard earlier decisions', () => {
    const earlier: Decision = { candidateKey: '3:5:person', state: 'accepted', sources: ['C'], reviewer: 'R', at: 1 };
    const merge = mergeDocument({ ...worked, decisions: [earlier] }, options(MAJORITY_OF_THREE));
    expect(outcome(merge.added)).not.toContain('rejected 3:5:person');
    expect(outcome(applyMerge([earlier], merge))).toContain('accepted 3:5:person');
    const fresh = mergeDocument({ ...worked, decisions: [earlier] }, options(MAJORITY_OF_THREE, { discardDecisions: true }));
    expect(fresh.discarded).toEqual([earlier]);
    expect(outcome(applyMerge([earlier], fresh))).toContain('rejected 3:5:person');
  });

  it('previews the spans it would accept and the documents it would change', () => {
    const other = { documentId: 'd2', layers: [{ annotator: 'A', spans: [span('a', 0, 2, 'x')] }], decisions: [] };
    expect(mergeDocuments([worked, other], options(MAJORITY_OF_THREE))).toMatchObject({
      preview: { spansAccepted: 3, spansRejected: 2, decisionsDiscarded: 0, documents: 1 },
      documents: [{ documentId: 'd1' }],
    });
  });
});

describe('auto-merge properties', () => {
  const docs = fc.record({ documentId: fc.constant('d'), layers: arbitraryLayers(), decisions: fc.constant<Decision[]>([]) });

  it('running a merge twice equals running it once', () => {
    fc.assert(
      fc.property(docs, strategies, fc.boolean(), (doc, strategy, rejectOthers) => {
        const once = applyMerge([], mergeDocument(doc, options(strategy, { rejectOthers })));
        const second = mergeDocument({ ...doc, decisions: once }, options(strategy, { rejectOthers }));
        expect(second.added).toEqual([]);
        expect(applyMerge(once, second)).toEqual(once);
      }),
    );
  });

  it('decisions already taken survive a re-merge with any strategy', () => {
    fc.assert(
      fc.property(docs, strategies, strategies, fc.boolean(), (doc, first, then, flip) => {
        const taken = applyMerge([], mergeDocument(doc, options(first))).map(
          (decision): Decision => (flip ? { ...decision, state: decision.state === 'accepted' ? 'rejected' : 'accepted' } : decision),
        );
        const after = applyMerge(taken, mergeDocument({ ...doc, decisions: taken }, options(then)));
        for (const decision of taken) expect(after).toContainEqual(decision);
      }),
    );
  });

  it('rejects only what overlaps an accepted candidate, and accepts by the strategy alone', () => {
    fc.assert(
      fc.property(docs, strategies, (doc, strategy) => {
        const added = mergeDocument(doc, options(strategy)).added;
        const accepted = added.filter((decision) => decision.state === 'accepted');
        expect(outcome(mergeDocument(doc, options(strategy, { rejectOthers: false })).added)).toEqual(outcome(accepted));
      }),
    );
  });

  it('does not depend on span order or annotator order', () => {
    fc.assert(
      fc.property(
        arbitraryLayers().chain((layers) => fc.tuple(fc.constant(layers), shuffledLayers(layers), fc.shuffledSubarray(S, { minLength: 3 }))),
        strategies,
        ([layers, shuffled, compared], strategy) => {
          const a = mergeDocument({ documentId: 'd', layers, decisions: [] }, options(strategy));
          const b = mergeDocument({ documentId: 'd', layers: shuffled, decisions: [] }, { ...options(strategy), annotators: compared });
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
