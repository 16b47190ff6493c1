import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addGoldSpan, applyDecision, applyDecisions, editGoldSpan, goldSpansFromDecisions, undoDecision, undoDecisions } from './gold';
import { applyMerge, mergeDocument } from './merge';
import { MAJORITY_OF_THREE } from './strategies';
import { arbitraryLayers, WORKED_LAYERS } from './testing';
import type { Decision, GoldLayer } from './types';

const decision = (candidateKey: string, state: Decision['state'], sources: string[] = ['A']): Decision => ({
  candidateKey,
  state,
  sources,
  reviewer: 'R',
  at: 1,
});
const empty: GoldLayer = { spans: [], decisions: [] };
const ranges = (layer: GoldLayer) => layer.spans.map((span) => `${span.start}:${span.end}:${span.label} ${span.origin} ${span.sources.join(',')}`);

describe('gold spans from decisions', () => {
  it('turns the worked example merge into its three accepted spans, with who proposed them', () => {
    const decisions = applyMerge([], mergeDocument({ documentId: 'd', layers: WORKED_LAYERS, decisions: [] }, {
      strategy: MAJORITY_OF_THREE,
      annotators: ['A', 'B', 'C'],
      reviewer: 'R',
      at: 1,
    }));
    expect(ranges({ spans: goldSpansFromDecisions(decisions), decisions })).toEqual([
      '0:2:person accepted A,B,C',
      '3:5:place accepted A,B',
      '7:11:policy accepted A,C',
    ]);
  });

  it('keeps hand spans, reuses ids of accepted spans, and drops spans whose acceptance is gone', () => {
    const previous = goldSpansFromDecisions([decision('0:2:x', 'accepted'), decision('4:6:y', 'accepted')]);
    const withHand = addGoldSpan({ spans: previous, decisions: [] }, { start: 8, end: 9, label: 'z' });
    const rebuilt = goldSpansFromDecisions([decision('0:2:x', 'accepted'), decision('4:6:y', 'rejected')], withHand?.spans);
    expect(rebuilt.map((span) => [span.id, span.origin])).toEqual([
      [previous[0]?.id, 'accepted'],
      ['gold:8:9:z', 'added'],
    ]);
  });

  it('does not bring back a candidate the reviewer accepted and then edited', () => {
    const accepted = applyDecision(empty, decision('0:2:x', 'accepted')).layer;
    const edited = editGoldSpan(accepted, accepted.spans[0]?.id ?? '', { start: 0, end: 3, label: 'x' });
    expect(edited && ranges(edited)).toEqual(['0:3:x edited A']);
    expect(edited && goldSpansFromDecisions(edited.decisions, edited.spans).map((span) => `${span.start}:${span.end}`)).toEqual(['0:3']);
    expect(edited && ranges(applyDecision(edited, decision('0:2:x', 'accepted')).layer)).toEqual(['0:3:x edited A']);
  });

  it('refuses a hand span or an edit that would duplicate a gold span', () => {
    const layer = applyDecision(empty, decision('0:2:x', 'accepted')).layer;
    expect(addGoldSpan(layer, { start: 0, end: 2, label: 'x' })).toBeNull();
    const added = addGoldSpan(layer, { start: 3, end: 4, label: 'x' });
    expect(added && editGoldSpan(added, 'gold:3:4:x', { start: 0, end: 2, label: 'x' })).toBeNull();
  });
});

describe('applying and undoing decisions', () => {
  it('accepting adds a gold span, rejecting removes it, undo puts each step back', () => {
    const first = applyDecision(empty, decision('0:2:x', 'accepted'));
    expect(ranges(first.layer)).toEqual(['0:2:x accepted A']);
    const second = applyDecision(first.layer, decision('0:2:x', 'rejected'));
    expect(second.layer.spans).toEqual([]);
    expect(second.layer.decisions.map((entry) => entry.state)).toEqual(['rejected']);
    expect(undoDecision(second.layer, second.undo)).toEqual(first.layer);
    expect(undoDecision(first.layer, first.undo)).toEqual(empty);
  });

  it('never removes a hand span when its candidate is rejected', () => {
    const hand = addGoldSpan(empty, { start: 0, end: 2, label: 'x' }) ?? empty;
    expect(ranges(applyDecision(hand, decision('0:2:x', 'rejected')).layer)).toEqual(['0:2:x added ']);
    expect(applyDecision(hand, decision('0:2:x', 'accepted')).layer.spans).toEqual(hand.spans);
  });

  const layers = fc
    .tuple(arbitraryLayers(), fc.array(fc.constantFrom('accepted', 'rejected' as const), { maxLength: 12 }))
    .map(([reviewLayers, states]) => {
      const keys = [...new Set(reviewLayers.flatMap((layer) => layer.spans.map((span) => `${span.start}:${span.end}:${span.label}`)))];
      return keys.map((key, i) => decision(key, states[i % Math.max(1, states.length)] ?? 'accepted', ['A', 'B'].slice(0, 1 + (i % 2))));
    });

  it('accept (or reject) then undo restores the gold layer exactly, whatever came before (property)', () => {
    fc.assert(
      fc.property(layers, layers, fc.nat(), fc.constantFrom('accepted', 'rejected' as const), (before, pool, pick, state) => {
        let layer = applyDecisions(empty, before).layer;
        const hand = addGoldSpan(layer, { start: 1, end: 3, label: 'x' });
        if (hand) layer = hand;
        const target = pool[pick % Math.max(1, pool.length)] ?? decision('1:3:x', 'accepted');
        const step = applyDecision(layer, { ...target, state, at: 99 });
        expect(undoDecision(step.layer, step.undo)).toEqual(layer);
      }),
    );
  });

  it('a batch of decisions is undone exactly, and agrees with goldSpansFromDecisions (property)', () => {
    fc.assert(
      fc.property(layers, (decisions) => {
        const { layer, undos } = applyDecisions(empty, decisions);
        expect(undoDecisions(layer, undos)).toEqual(empty);
        expect(layer.spans).toEqual(goldSpansFromDecisions(layer.decisions));
      }),
    );
  });
});
