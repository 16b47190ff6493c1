import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockAt, segmentRange, spansByBlock, splitBlocks } from './blocks';
import type { Span } from './types';

describe('blocks', () => {
  it('splits at newlines, each block keeping its newline, covering the text exactly', () => {
    const text = '标题\n\n第一段。\n第二段';
    const blocks = splitBlocks(text);
    expect(blocks.map((block) => text.slice(block.start, block.end))).toEqual(['标题\n', '\n', '第一段。\n', '第二段']);
    expect(blockAt(blocks, 0)).toBe(0);
    expect(blockAt(blocks, 3)).toBe(1);
    expect(blockAt(blocks, text.length)).toBe(3);
  });

  it('hands a span crossing a line break to both blocks', () => {
    const text = 'ab\ncd';
    const blocks = splitBlocks(text);
    const span: Span = { id: 's', start: 1, end: 4, label: 'x' };
    expect(spansByBlock(blocks, [span])).toEqual([[span], [span]]);
  });

  it('segments cover the range in order, each with exactly the spans covering it (property)', () => {
    const arbitrary = fc
      .array(fc.tuple(fc.nat(30), fc.integer({ min: 1, max: 10 })), { maxLength: 25 })
      .map((ranges) => ranges.map(([start, length], i): Span => ({ id: String(i), start, end: start + length, label: 'x' })));
    fc.assert(
      fc.property(arbitrary, (spans) => {
        const segments = segmentRange(0, 45, spans);
        expect(segments[0]?.start).toBe(0);
        expect(segments.at(-1)?.end).toBe(45);
        segments.forEach((segment, i) => {
          if (i > 0) expect(segment.start).toBe(segments[i - 1]?.end);
          const expected = spans.filter((span) => span.start <= segment.start && span.end >= segment.end).map((span) => span.id).sort();
          expect(segment.covering.map((span) => span.id).sort()).toEqual(expected);
          for (const span of segment.starting) expect(span.start).toBe(segment.start);
        });
      }),
    );
  });
});
