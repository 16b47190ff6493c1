import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTitle } from './text';

/** The definition: the first non-blank of the first 8 lines, trimmed, cut to 48 code points. */
function titleByDefinition(text: string): string {
  const firstLine = text.split('\n', 8).find((line) => line.trim() !== '')?.trim() ?? '';
  const chars = Array.from(firstLine.slice(0, 96));
  return chars.length > 48 ? `${chars.slice(0, 47).join('')}…` : firstLine;
}

const pieces = fc.constantFrom('\n', ' ', '\t', '\u3000', 'a', '中', '😀', '\uD83D', 'word ', '\r\n');

describe('documentTitle', () => {
  it('is the first non-blank line of the first 8, trimmed and cut to 48 code points', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(pieces, { maxLength: 120 }).map((parts) => parts.join('')), fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        expect(documentTitle(text)).toBe(titleByDefinition(text));
      }),
      { numRuns: 2000 },
    );
    expect(documentTitle('\n\n\n\n\n\n\n\nninth line')).toBe('');
    expect(documentTitle('x'.repeat(60))).toBe(`${'x'.repeat(47)}…`);
  });
});
