import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/core/blocks';
import { assignLanes } from '../../src/core/spans';
import type { Span } from '../../src/core/types';
import { type GroupProps, sameGroup } from './BlockGroup';

const text = Array.from({ length: 20 }, (_, i) => `第${i}段。`).join('\n');
const blocks = splitBlocks(text);
const spanIn = (block: number, id: string): Span => ({ id, start: blocks[block]?.start ?? 0, end: (blocks[block]?.start ?? 0) + 1, label: 'place' });
const perBlock: Span[][] = blocks.map((_, i) => [spanIn(i, `s${i}`)]);

const shared = { suggestionsPerBlock: blocks.map(() => []), lanes: assignLanes(perBlock.flat()), colors: new Map<string, string>(), heights: blocks.map(() => 40) };

function group(from: number, overrides: Partial<GroupProps> = {}): GroupProps {
  return {
    from,
    to: from + 8,
    blocks,
    text,
    perBlock,
    ...shared,
    focusedSpanId: null,
    focusedBlocks: null,
    seen: new Set([0, 1, 2]),
    ...overrides,
  };
}

describe('a group of blocks re-renders', () => {
  it('not when nothing it shows changed, even with new arrays around it', () => {
    expect(sameGroup(group(8), group(8))).toBe(true);
    const edited = [...perBlock];
    edited[3] = [spanIn(3, 'new')];
    expect(sameGroup(group(8), group(8, { perBlock: edited }))).toBe(true);
    expect(sameGroup(group(0), group(0, { perBlock: edited }))).toBe(false);
  });

  it('when one of its blocks is decorated, or its suggestions change', () => {
    expect(sameGroup(group(0), group(0, { seen: new Set([0, 1, 2, 3]) }))).toBe(false);
    expect(sameGroup(group(8), group(8, { seen: new Set([0, 1, 2, 3]) }))).toBe(true);
    const suggestions = [...shared.suggestionsPerBlock];
    suggestions[9] = [];
    expect(sameGroup(group(8), group(8, { suggestionsPerBlock: suggestions }))).toBe(false);
  });

  it('when the focus comes to or leaves one of its spans, not when it moves elsewhere', () => {
    const focusOn = (block: number): Partial<GroupProps> => ({ focusedSpanId: `s${block}`, focusedBlocks: { first: block, last: block } });
    expect(sameGroup(group(0, focusOn(2)), group(0, focusOn(10)))).toBe(false);
    expect(sameGroup(group(8, focusOn(2)), group(8, focusOn(10)))).toBe(false);
    expect(sameGroup(group(16, focusOn(2)), group(16, focusOn(10)))).toBe(true);
    // A span across a group boundary belongs to both groups.
    expect(sameGroup(group(8), group(8, { focusedSpanId: 'long', focusedBlocks: { first: 6, last: 8 } }))).toBe(false);
  });
});
