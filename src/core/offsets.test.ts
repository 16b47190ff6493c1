import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16, isBmpOnly, OffsetMap, utf16ToCodePoint } from './offsets';
import { mixedText } from './testing';

/** Every UTF-16 offset that does not fall inside a surrogate pair. */
function codePointBoundaries(text: string): number[] {
  const result = [0];
  let at = 0;
  for (const char of text) {
    at += char.length;
    result.push(at);
  }
  return result;
}

describe('offsets', () => {
  it('counts code points like Python', () => {
    expect(codePointLength('刘艳霞')).toBe(3);
    expect(codePointLength('𠮷野家')).toBe(3);
    expect(codePointLength('👨‍👩‍👧')).toBe(5);
    expect('𠮷野家'.length).toBe(4);
  });

  it('converts the examples from FORMATS.md', () => {
    const text = '𠮷刘艳霞在通州区';
    expect(utf16ToCodePoint(text, 2)).toBe(1);
    expect(codePointToUtf16(text, 1)).toBe(2);
    expect(codePointToUtf16(text, 4)).toBe(5);
    expect(isBmpOnly(text)).toBe(false);
    expect(isBmpOnly('刘艳霞')).toBe(true);
  });

  it('round-trips every boundary of random mixed text', () => {
    fc.assert(
      fc.property(mixedText(), (text) => {
        const map = new OffsetMap(text);
        codePointBoundaries(text).forEach((utf16, codePoint) => {
          expect(map.toCodePoint(utf16)).toBe(codePoint);
          expect(map.toUtf16(codePoint)).toBe(utf16);
        });
        expect(map.codePointLength).toBe(Array.from(text).length);
      }),
    );
  });

  it('agrees with slicing by code points: text[start:end] in Python equals the UTF-16 slice', () => {
    fc.assert(
      fc.property(mixedText(), fc.nat(), fc.nat(), (text, a, b) => {
        const chars = Array.from(text);
        const start = Math.min(a, b) % (chars.length + 1);
        const end = Math.max(start, Math.max(a, b) % (chars.length + 1));
        const map = new OffsetMap(text);
        expect(text.slice(map.toUtf16(start), map.toUtf16(end))).toBe(chars.slice(start, end).join(''));
      }),
    );
  });

  it('is monotonic', () => {
    fc.assert(
      fc.property(mixedText(), (text) => {
        const map = new OffsetMap(text);
        for (let i = 1; i <= text.length; i++) expect(map.toCodePoint(i)).toBeGreaterThanOrEqual(map.toCodePoint(i - 1));
      }),
    );
  });
});
