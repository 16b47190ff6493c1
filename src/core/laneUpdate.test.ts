import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterRange, type SpanLanes, toLaneMap, updateLanes } from './laneUpdate';
import { assignLanes } from './spans';
import type { Span } from './types';

const LABELS = ['a', 'b', 'c'];

/** Random ranges and labels; ids are made unique by position. */
const arbitraryRanges = (maxLength: number) =>
  fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 15 }), fc.constantFrom(...LABELS)), { maxLength });

function toSpans(ranges: readonly [number, number, string][], prefix: string): Span[] {
  return ranges.map(([start, length, label], i) => ({ id: `${prefix}${i}`, start, end: start + length, label }));
}

describe('clusterRange', () => {
  it('grows through spans that overlap one another, not through ones that only touch', () => {
    const spans = toSpans([[0, 3, 'a'], [2, 4, 'a'], [5, 3, 'a'], [8, 2, 'a'], [20, 2, 'a']], 's');
    expect(clusterRange(spans, 1, 2)).toEqual({ start: 0, end: 8 });
    expect(clusterRange(spans, 8, 9)).toEqual({ start: 8, end: 10 });
  });
});

describe('updateLanes', () => {
  it('lays out again only the cluster around an added span', () => {
    const before = toSpans([[0, 10, 'a'], [2, 2, 'b'], [20, 5, 'a']], 's');
    const added: Span = { id: 'new', start: 3, end: 6, label: 'c' };
    const after = [...before, added];
    const { lanes, start, end } = updateLanes(assignLanes(before), after, [added], []);
    expect(toLaneMap(lanes)).toEqual(assignLanes(after));
    expect({ start, end }).toEqual({ start: 0, end: 10 });
  });

  it('equals assignLanes of the whole after any sequence of adds and removals (property)', () => {
    fc.assert(
      fc.property(
        arbitraryRanges(40),
        // Up to 40 edits: past the overlays kept before they are folded into one map.
        fc.array(fc.tuple(fc.boolean(), arbitraryRanges(3), fc.nat()), { maxLength: 40 }),
        (initial, steps) => {
          let spans = toSpans(initial, 'i');
          let lanes: SpanLanes = assignLanes(spans);
          steps.forEach(([removing, ranges, pick], step) => {
            const added = removing ? [] : toSpans(ranges, `s${step}.`);
            const removed = removing && spans.length > 0 ? [spans[pick % spans.length] as Span] : [];
            const next = [...spans.filter((span) => !removed.includes(span)), ...added];
            lanes = updateLanes(lanes, next, added, removed).lanes;
            const expected = assignLanes(next);
            expect(toLaneMap(lanes)).toEqual(expected);
            // Looked up one by one, as the editor does: gone spans have no lane.
            for (const span of [...next, ...removed]) expect(lanes.get(span.id)).toBe(expected.get(span.id));
            spans = next;
          });
        },
      ),
    );
  });
});
