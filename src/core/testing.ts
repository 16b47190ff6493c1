import fc from 'fast-check';

/**
 * Characters that make offsets interesting: ASCII, CJK, astral CJK (Extension B: two UTF-16 units
 * each), emoji with ZWJ sequences and combining marks (several code points per grapheme).
 */
const PIECES = ['a', 'Z', ' ', '\n', '刘', '艳', '霞', '区', '。', '𠮷', '𪚥', '😀', '👨‍👩‍👧', '👍🏽', 'é', 'e\u0301', '🇨🇳'];

export const mixedText = (maxPieces = 40): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }).map((pieces) => pieces.join(''));
