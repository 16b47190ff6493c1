import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDecisions, addGoldSpan } from './gold';
import { applyGoldChange, EMPTY_GOLD, goldChangeOf, isEmptyGoldChange } from './goldChange';
import { arbitraryLayers } from './testing';
import type { Decision, GoldLayer } from './types';

const decisions = arbitraryLayers().chain((layers) => {
  const keys = [...new Set(layers.flatMap((layer) => layer.spans.map((span) => `${span.start}:${span.end}:${span.label}`)))];
  return fc.tuple(...keys.map((key) => fc.constantFrom<Decision>(
    { candidateKey: key, state: 'accepted', sources: ['A'], reviewer: 'R', at: 1 },
    { candidateKey: key, state: 'rejected', sources: ['B'], reviewer: 'R', at: 2 },
  )));
});

describe('gold changes (undo of review work)', () => {
  it('undo of a step restores the gold layer exactly, redo brings it back (property)', () => {
    fc.assert(
      fc.property(decisions, decisions, (first, second) => {
        const before = applyDecisions(EMPTY_GOLD, first).layer;
        const after = applyDecisions(before, second).layer;
        const change = goldChangeOf('d', before, after);
        expect(applyGoldChange(after, change, 'undo')).toEqual({ layer: before, conflicts: 0 });
        expect(applyGoldChange(before, change, 'redo')).toEqual({ layer: after, conflicts: 0 });
      }),
    );
  });

  it('applies to the layer as it is now: a hand span added since stays, a decision changed since is a conflict', () => {
    const decision: Decision = { candidateKey: '0:2:x', state: 'accepted', sources: ['A'], reviewer: 'R', at: 1 };
    const after = applyDecisions(EMPTY_GOLD, [decision]).layer;
    const change = goldChangeOf('d', EMPTY_GOLD, after);
    expect(isEmptyGoldChange(change)).toBe(false);
    const meanwhile = addGoldSpan(after, { start: 4, end: 6, label: 'y' }) as GoldLayer;
    const undone = applyGoldChange(meanwhile, change, 'undo');
    expect(undone.conflicts).toBe(0);
    expect(undone.layer.spans.map((span) => `${span.start}:${span.end}:${span.label} ${span.origin}`)).toEqual(['4:6:y added']);
    const overruled = applyDecisions(after, [{ ...decision, state: 'rejected', at: 5 }]).layer;
    // Both parts no longer fit: the decision was changed since, and its span is already gone.
    const skipped = applyGoldChange(overruled, change, 'undo');
    expect(skipped.conflicts).toBe(2);
    expect(skipped.layer).toEqual(overruled);
  });
});
