import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksFilling, estimatedBlockHeights } from './blockHeights';
import { splitBlocks } from './blocks';

const COLUMN = { fontSizePx: 10, lineHeightPx: 20, widthPx: 100 };

describe('estimated block heights', () => {
  it('wraps ideographs at a whole em each and other characters at half', () => {
    const text = `${'字'.repeat(25)}\n${'a'.repeat(25)}\n\n`;
    // 10 ems a line: 25 ideographs take 3 lines, 25 letters 2 (12.5 ems, the newline half an em more), an empty block one.
    expect(estimatedBlockHeights(text, splitBlocks(text), COLUMN)).toEqual([60, 40, 20]);
  });

  it('gives every block at least one line, and never less for more text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('字', 'a', ' ', '\n', '𠮷') }), (text) => {
        const blocks = splitBlocks(text);
        const heights = estimatedBlockHeights(text, blocks, COLUMN);
        expect(heights).toHaveLength(blocks.length);
        for (const height of heights) expect(height).toBeGreaterThanOrEqual(COLUMN.lineHeightPx);
        const longer = estimatedBlockHeights(`${text}字字字`, splitBlocks(`${text}字字字`), COLUMN);
        expect(longer.at(-1)).toBeGreaterThanOrEqual(heights.at(-1) ?? 0);
      }),
    );
  });

  it('counts the blocks that fill a height from the top, at least one', () => {
    expect(blocksFilling([20, 40, 60], 10)).toBe(1);
    expect(blocksFilling([20, 40, 60], 60)).toBe(2);
    expect(blocksFilling([20, 40, 60], 61)).toBe(3);
    expect(blocksFilling([20, 40, 60], 1000)).toBe(3);
    expect(blocksFilling([], 1000)).toBe(1);
  });
});
