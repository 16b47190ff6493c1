import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeEndAtOrAfter, graphemeStartAtOrBefore } from './graphemes';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function boundaries(text: string): Set<number> {
  const found = new Set<number>([text.length]);
  for (const segment of segmenter.segment(text)) found.add(segment.index);
  return found;
}

// Units that join (combining marks, ZWJ, variation selectors, kana voicing, tone marks, CR LF,
// Hangul jamo, a surrogate pair, regional indicators) mixed with the ones the fast path trusts.
const unit = fc.constantFrom('a', ' ', '刘', '。', '〇', '\u0301', '\u200d', '\ufe0f', '\u3099', '\u302a', '\r', '\n', '\u1100', '\u1161', '𠮷', '🇨', '🇳', '！', '👍', '\u{1f3fd}');

describe('grapheme boundaries', () => {
  it('agree with the segmenter everywhere (property)', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }).map((units) => units.join('')), (text) => {
        const truth = boundaries(text);
        const sorted = [...truth].sort((a, b) => a - b);
        for (let offset = 0; offset <= text.length; offset++) {
          expect(graphemeStartAtOrBefore(text, offset)).toBe(sorted.filter((b) => b <= offset).at(-1));
          expect(graphemeEndAtOrAfter(text, offset)).toBe(sorted.find((b) => b >= offset));
        }
      }),
      { numRuns: 300 },
    );
  });
});
