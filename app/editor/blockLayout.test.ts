import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spansByBlock, splitBlocks } from '../../src/core/blocks';
import { toLaneMap } from '../../src/core/laneUpdate';
import { noteLineage } from '../../src/core/spanLineage';
import { assignLanes, sortSpans } from '../../src/core/spans';
import type { Span } from '../../src/core/types';
import { blockLayout, cachedBlockSignature, suggestionsByBlock } from './blockLayout';

const TEXT = 'ab\ncdef\n\nghijk\nlm\nnopqrstu\nv\nwxyz0123\n';

const arbitraryRanges = (maxLength: number) =>
  fc.array(fc.tuple(fc.nat(TEXT.length - 1), fc.integer({ min: 1, max: 12 }), fc.constantFrom('a', 'b')), { maxLength });

function toSpans(ranges: readonly [number, number, string][], prefix: string): Span[] {
  return ranges.map(([start, length, label], i) => ({ id: `${prefix}${i}`, start, end: Math.min(TEXT.length, start + length), label }));
}

describe('blockLayout', () => {
  it('derives an edited list from its parent exactly as from scratch, and keeps untouched blocks (property)', () => {
    fc.assert(
      fc.property(arbitraryRanges(25), fc.array(fc.tuple(fc.boolean(), arbitraryRanges(2), fc.nat()), { maxLength: 10 }), (initial, steps) => {
        const blocks = splitBlocks(TEXT);
        let spans: readonly Span[] = sortSpans(toSpans(initial, 'i'));
        let layout = blockLayout(blocks, spans);
        steps.forEach(([removing, ranges, pick], step) => {
          const added = removing ? [] : toSpans(ranges, `s${step}.`);
          const removed = removing && spans.length > 0 ? [spans[pick % spans.length] as Span] : [];
          const next = sortSpans([...spans.filter((span) => !removed.includes(span)), ...added]);
          noteLineage(next, { from: spans, added, removed });
          const derived = blockLayout(blocks, next);
          expect(toLaneMap(derived.lanes)).toEqual(assignLanes(next));
          expect(derived.perBlock).toEqual(spansByBlock(blocks, next));
          derived.perBlock.forEach((list, i) => {
            // A block that kept its array kept its spans and their lanes: its signature may be reused.
            if (list === layout.perBlock[i]) for (const span of list) expect(derived.lanes.get(span.id)).toBe(layout.lanes.get(span.id));
          });
          spans = next;
          layout = derived;
        });
      }),
    );
  });

  it('derives a list of unknown lineage from scratch', () => {
    const blocks = splitBlocks(TEXT);
    const spans = toSpans([[0, 5, 'a'], [1, 2, 'b']], 'x');
    expect(blockLayout(blocks, spans).perBlock).toEqual(spansByBlock(blocks, spans));
    expect(blockLayout(blocks, spans)).toBe(blockLayout(blocks, spans));
  });
});

describe('cachedBlockSignature', () => {
  it('gives the same string while the block, its suggestions and its focus stay, and a new one when focus moves in', () => {
    const spans: Span[] = [{ id: 'one', start: 0, end: 2, label: 'a' }];
    const lanes = assignLanes(spans);
    const first = cachedBlockSignature(spans, [], lanes, null);
    expect(cachedBlockSignature(spans, [], lanes, 'elsewhere')).toBe(first);
    expect(cachedBlockSignature(spans, [], lanes, 'one')).toBe('one/0/2/a/0*;');
  });
});

describe('suggestionsByBlock', () => {
  it('keeps the array of every block whose suggestions did not change', () => {
    const text = '北京\n上海\n广州';
    const blocks = splitBlocks(text);
    const beijing = { start: 0, end: 2, label: 'place' };
    const shanghai = { start: 3, end: 5, label: 'place' };
    const guangzhou = { start: 6, end: 8, label: 'place' };
    const suggestions = [beijing, shanghai, guangzhou];
    const first = suggestionsByBlock(blocks, suggestions);
    expect(first.map((list) => list.length)).toEqual([1, 1, 1]);
    // Accepting the second hides it: only its block gets a new array.
    const second = suggestionsByBlock(blocks, [beijing, guangzhou]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]).toEqual([]);
    expect(second[2]).toBe(first[2]);
  });
});
